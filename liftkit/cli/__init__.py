"""The shell: the Typer app, one module per command, the terminal views."""
