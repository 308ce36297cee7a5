"""The pure core of liftkit: no terminal, no typer, rich or questionary.

Clocks and random generators come in as arguments.
"""
