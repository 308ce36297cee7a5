"""The live front-ends: full screen, plain lines, the terminal they run in."""
