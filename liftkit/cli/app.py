"""The Typer app: registers one command per module; commands only wire.

Each command module (and what it imports) loads only when needed: `liftkit agenda list`
builds an app holding just the agenda commands, so start-up does not pay for the live
session, groups or export code. `liftkit --help` and unknown commands get the full app.
"""

from __future__ import annotations

import importlib
from typing import Annotated, Any

import typer
from typer.main import get_command

from liftkit import __version__
from liftkit.cli.errors import LiftkitGroup

__all__ = ["COMMANDS", "app_for", "build_app", "get_command"]  # and `app`, built on demand

# name -> (module, attribute, is a group of subcommands), in the order of DESIGN.md.
COMMANDS: dict[str, tuple[str, str, bool]] = {
    "agenda": ("liftkit.cli.commands.agenda", "app", True),
    "new": ("liftkit.cli.commands.new", "new", False),
    "run": ("liftkit.cli.commands.run", "run", False),
    "resume": ("liftkit.cli.commands.run", "resume", False),
    "groups": ("liftkit.cli.commands.groups", "groups", False),
    "note": ("liftkit.cli.commands.note", "note", False),
    "view": ("liftkit.cli.commands.view", "view", False),
    "export": ("liftkit.cli.commands.export", "export", False),
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"liftkit {__version__}")
        raise typer.Exit(0)


def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """liftkit: run the agenda, split the groups, publish the event pack."""


def build_app(only: str | None = None) -> typer.Typer:
    """The liftkit app with every command, or with just the command named `only`."""
    root = typer.Typer(
        cls=LiftkitGroup,
        name="liftkit",
        help=(
            "A terminal companion for hosts of timed online conversations: run the agenda "
            "live, split breakout groups, write the event pack.\n\n"
            "Example: liftkit run community-conversation"
        ),
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    # The callback keeps the app a group (with --version) even when it holds one command.
    root.callback()(_root)
    for name, (module, attribute, is_group) in COMMANDS.items():
        if only is not None and name != only:
            continue
        target = getattr(importlib.import_module(module), attribute)
        if is_group:
            root.add_typer(target, name=name)
        else:
            root.command(name)(target)
    return root


def app_for(args: list[str]) -> typer.Typer:
    """The smallest app that runs these arguments exactly as the full app would."""
    first = args[0] if args else None
    return build_app(first if first in COMMANDS else None)


_full_app: typer.Typer | None = None


def __getattr__(name: str) -> Any:
    # `from liftkit.cli.app import app` (tests, tools) gets the full app, built once.
    global _full_app
    if name == "app":
        if _full_app is None:
            _full_app = build_app()
        return _full_app
    raise AttributeError(name)
