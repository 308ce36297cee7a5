"""`liftkit new`: write a starter agenda."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Annotated

import typer

from liftkit.cli.completion import complete_agenda
from liftkit.cli.env import Environment, printing
from liftkit.cli.errors import note, say
from liftkit.cli.flags import flag_names
from liftkit.core.agenda.model import Agenda, dumps_agenda, load_agenda
from liftkit.core.agenda.templates import resolve_agenda, template_names, template_path
from liftkit.core.agenda.toml_source import decode_agenda
from liftkit.core.errors import LiftkitError
from liftkit.core.files import check_output, write_atomic
from liftkit.core.text import plural, terminal_safe

DEFAULT_TEMPLATE = "community-conversation"


@flag_names("force")
def new(
    ctx: typer.Context,
    path: Annotated[
        str,
        typer.Argument(
            metavar="PATH", help="Where to write the agenda (a .toml file), or - for stdout."
        ),
    ],
    from_template: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="TEMPLATE",
            help="Start from this bundled template (or from an agenda file).",
            autocompletion=complete_agenda,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Write a starter agenda from a template (asks a few questions on a terminal).

    Example: liftkit new team-call.toml --from 1-2-4-all
    """
    to_stdout = path == "-"
    target = Path(path)
    if not to_stdout:
        if target.is_dir():
            raise LiftkitError(f"{path}: is a folder", "give a file name such as agenda.toml")
        check_output(path)  # a file in a folder that does not exist
        if target.exists() and not force:
            raise LiftkitError(f"{path}: already exists", "choose another path or add --force")
    env = Environment.of(ctx)
    interactive = from_template is None and not to_stdout and env.stdin_isatty and env.stdout_isatty
    if interactive and env.dumb_terminal:  # questionary's full-screen codes, shown as text
        raise LiftkitError(
            f"{'TERM=' + env.term if env.term else 'TERM (not set)'}: this terminal cannot "
            "show liftkit new's questions",
            f"give the template instead (liftkit new {shlex.quote(path)} --from "
            f"{DEFAULT_TEMPLATE}; liftkit agenda list shows them), then edit the file",
        )
    if interactive:
        from liftkit.cli.prompts import ask_new_agenda

        agenda, name = ask_new_agenda(template_names(), DEFAULT_TEMPLATE, _template)
        source = template_path(name)
        timed = [s.duration for s in agenda.segments] == [
            s.duration for s in _template(name).segments
        ]
    else:
        name = from_template or DEFAULT_TEMPLATE
        resolved = resolve_agenda(name)
        agenda, source, timed = resolved.agenda, resolved.path, True
        for message in agenda.notes:  # the file's "0:05" is written as "5s": said first
            note(message, env.stderr)
    shown = _one_line(shlex.quote(path))
    # The template's comment may give its timings ("5 / 5 / 30 / 15 / 5 minutes"): not kept
    # under durations of the host's own.
    header = f"# A liftkit agenda, started from {_one_line(name)}.\n"
    header += _comments(source) if timed else ""
    if not to_stdout:
        header += (
            f"# Check it with: liftkit agenda check {shown}\n# Run it with:   liftkit run {shown}\n"
        )
    text = header + "\n" + dumps_agenda(agenda)
    if to_stdout:
        with printing(env):
            typer.echo(text, nl=False)
        return
    write_atomic(target, text, force=force)
    # folded at spaces on a terminal, the command to copy whole on its line: at 80 columns
    # it broke inside the file's name ("Next: liftkit agenda show cc" / "10.toml")
    say(
        terminal_safe(
            f"Wrote {path}: {agenda.title}, {plural(len(agenda.segments), 'segment')}. "
            f"Next: liftkit agenda show {shown}"
        ),
        sys.stdout,
    )


def _template(name: str) -> Agenda:
    return load_agenda(template_path(name))


def _comments(source: Path) -> str:
    """The comment lines at the top of the template (what the method is, how to run it), which
    the agenda written from its values would lose; less the lines `new` writes itself."""
    ours = ("# A liftkit agenda, started from ", "# Check it with: ", "# Run it with: ")
    kept = []
    # Read as the agenda was (UTF-16 from Notepad too), not as UTF-8 only.
    for line in decode_agenda(source.read_bytes(), str(source)).splitlines():
        if not line.startswith("#"):
            break
        if not line.startswith(ours):
            kept.append(terminal_safe(line) + "\n")
    return "".join(kept)


def _one_line(text: str) -> str:
    """Text for a TOML comment: a line break in a file name would end the comment."""
    return text.replace("\r", "\\r").replace("\n", "\\n")
