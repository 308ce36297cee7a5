"""The live session: engine (injected clock), journal, session folders, controls, screen model."""
