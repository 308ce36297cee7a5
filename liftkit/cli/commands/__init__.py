"""One module per command: each parses options, calls the core, renders, exits."""
