"""`liftkit new`: write a starter agenda."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from liftkit.core.agenda import Agenda, dumps_agenda, load_agenda
from liftkit.core.errors import LiftkitError
from liftkit.core.files import write_atomic
from liftkit.core.templates import template_names, template_path

DEFAULT_TEMPLATE = "community-conversation"


def new(
    path: Annotated[Path, typer.Argument(help="Where to write the agenda (a .toml file).")],
    from_template: Annotated[
        str | None,
        typer.Option("--from", metavar="TEMPLATE", help="Start from this bundled template."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Write a starter agenda from a template (asks a few questions on a terminal).

    Example: liftkit new team-call.toml --from 1-2-4-all
    """
    if path.exists() and not force:
        raise LiftkitError(f"{path}: already exists", "choose another path or add --force")
    if path.is_dir():
        raise LiftkitError(f"{path}: is a folder", "give a file name such as agenda.toml")
    interactive = from_template is None and sys.stdin.isatty() and sys.stdout.isatty()
    if interactive:
        from liftkit.cli.prompts import ask_new_agenda

        agenda, name = ask_new_agenda(template_names(), DEFAULT_TEMPLATE, _template, path)
    else:
        name = from_template or DEFAULT_TEMPLATE
        agenda = _template(name)
    header = (
        f"# A liftkit agenda, started from the {name} template.\n"
        f"# Check it with: liftkit agenda check {path}\n"
        f"# Run it with:   liftkit run {path}\n\n"
    )
    write_atomic(path, header + dumps_agenda(agenda), force=force)
    typer.echo(
        f"Wrote {path}: {agenda.title}, {len(agenda.segments)} segments. "
        f"Next: liftkit agenda show {path}"
    )


def _template(name: str) -> Agenda:
    return load_agenda(template_path(name))
