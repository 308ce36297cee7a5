"""The Typer app: registers one command per module; commands only wire."""

from __future__ import annotations

from typing import Annotated

import typer
from typer.main import get_command

from liftkit import __version__
from liftkit.cli import agenda_cmd, export_cmd, groups_cmd, new_cmd, note_cmd, run_cmd
from liftkit.cli.errors import LiftkitGroup

__all__ = ["app", "get_command"]

app = typer.Typer(
    cls=LiftkitGroup,
    name="liftkit",
    help=(
        "A terminal companion for hosts of timed online conversations: run the agenda live, "
        "split breakout groups, write the event pack.\n\n"
        "Example: liftkit run community-conversation"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"liftkit {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """liftkit: run the agenda, split the groups, publish the event pack."""


app.add_typer(agenda_cmd.app, name="agenda")
app.command("new")(new_cmd.new)
app.command("run")(run_cmd.run)
app.command("resume")(run_cmd.resume)
app.command("groups")(groups_cmd.groups)
app.command("note")(note_cmd.note)
app.command("export")(export_cmd.export)
