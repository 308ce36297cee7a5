"""`liftkit agenda list|show|check`."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from liftkit.cli.completion import complete_agenda
from liftkit.cli.errors import note, report
from liftkit.cli.text import text_table
from liftkit.core.agenda.durations import format_duration
from liftkit.core.agenda.model import Segment, load_agenda, parse_agenda, timeline
from liftkit.core.agenda.templates import Resolved, resolve_agenda, template_names, template_path
from liftkit.core.errors import EXIT_USAGE, LiftkitError
from liftkit.core.text import clock_text, json_terminal_safe, offset_text, plural, terminal_safe
from liftkit.core.timeparse import parse_start

if TYPE_CHECKING:
    from liftkit.cli.env import Environment  # `agenda list` starts without it

app = typer.Typer(
    help="List, show and check agendas.\n\nExample: liftkit agenda show community-conversation",
    no_args_is_help=True,
)

AgendaArg = Annotated[
    str,
    typer.Argument(
        metavar="AGENDA",
        help="A TOML agenda file, the name of a bundled template, or - for standard input.",
        autocompletion=complete_agenda,
    ),
]


def resolve(argument: str, env: Environment) -> Resolved:
    """An AGENDA argument, where - reads the agenda from standard input."""
    if argument == "-":
        env.reading_stdin("the agenda")
        # named "stdin" in its messages, as the attendee lists of `groups -` are
        return Resolved(parse_agenda(env.stdin.buffer.read(), "stdin"), Path("-"), "stdin")
    return resolve_agenda(argument)


@app.command("list")
def list_templates() -> None:
    """List the bundled agenda templates: name, title, segments, total time.

    Example: liftkit agenda list
    """
    from liftkit.cli.env import printing

    rows = []
    for name in template_names():
        agenda = load_agenda(template_path(name))
        title = terminal_safe(agenda.title)
        rows.append([name, title, str(len(agenda.segments)), format_duration(agenda.total)])
    headers = ["name", "title", "segments", "total"]
    table = _fitted(headers, rows, _columns())
    with printing():
        typer.echo(table, nl=False)


# At ever narrower widths: the titles shortened, then without the segment count, then without
# the titles, then names alone (the one thing `liftkit run NAME` needs), cut only at the last.
_NARROWER = ((0, 1, 2, 3), (0, 1, 3), (0, 3), (0,))


def _fitted(headers: list[str], rows: list[list[str]], columns: int) -> str:
    """The table of templates in `columns`, a row a line: at 45 columns the totals wrapped
    (`hosted-event  Host…  6  1h 3` / `0m`), where the README promises a line each."""
    table = ""
    for kept in _NARROWER:
        head = [headers[i] for i in kept]
        cells = [[row[i] for i in kept] for row in rows]
        right = {n for n, i in enumerate(kept) if i in (2, 3)}
        table = text_table(head, cells, right)
        over = max(map(len, table.splitlines())) - columns
        if over > 0 and 1 in kept:  # the titles shortened, so that no row wraps
            keep = max(len(headers[1]), max(len(row[1]) for row in cells) - over)
            for row in cells:
                row[1] = row[1] if len(row[1]) <= keep else row[1][: keep - 1] + "…"
            table = text_table(head, cells, right)
        if max(map(len, table.splitlines())) <= columns:
            return table
    width = max(columns, 2)
    names = [[n if len(n) <= width else n[: width - 1] + "…"] for n, *_ in rows]
    return text_table([headers[0]], names, set())


def _columns() -> int:
    """The terminal's width, when standard output is one; a very wide one otherwise."""
    import os
    import sys

    from liftkit.cli.env import stream_isatty

    if not stream_isatty(sys.stdout):
        return 10**6
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns or 10**6
    except (OSError, ValueError):
        return 10**6


@app.command("show")
def show(
    ctx: typer.Context,
    agenda: AgendaArg,
    start: Annotated[
        str | None,
        typer.Option("--start", metavar="HH:MM", help="Clock time of the start, e.g. 14:00."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the timeline as JSON.")] = False,
) -> None:
    """Show an agenda's timeline: each segment's start, end, duration and kind, and the total.

    Example: liftkit agenda show community-conversation --start 14:00
    """
    from liftkit.cli.env import Environment, printing

    env = Environment.of(ctx)
    begin = parse_start(start, "--start") if start is not None else None
    resolved = resolve(agenda, env)
    rows = timeline(resolved.agenda, begin)
    for message in resolved.agenda.notes:  # on stderr, before the timeline: JSON stays JSON
        note(message, env.stderr)

    def when(offset: int, clock: datetime | None) -> str:
        if clock is None or begin is None:
            return offset_text(offset)
        days = (clock.date() - begin.date()).days  # past midnight: "02:00 +1 day"
        return clock_text(clock) + (f" +{plural(days, 'day')}" if days else "")

    if as_json:
        payload = {
            "title": resolved.agenda.title,
            "description": resolved.agenda.description,
            "source": str(resolved.path),
            "start": when(0, begin),
            "end": when(rows[-1].end, rows[-1].end_clock),
            "total_seconds": resolved.agenda.total,
            "total": format_duration(resolved.agenda.total),
            "segments": [
                {
                    "index": r.index,
                    "title": r.title,
                    "kind": r.kind,
                    "start": when(r.start, r.start_clock),
                    "end": when(r.end, r.end_clock),
                    "start_offset_seconds": r.start,
                    "end_offset_seconds": r.end,
                    "duration_seconds": r.duration,
                    "duration": format_duration(r.duration),
                    **_segment_extras(resolved.agenda.segments[r.index - 1]),
                }
                for r in rows
            ],
        }
        with printing(env):
            typer.echo(json_terminal_safe(json.dumps(payload, indent=2, ensure_ascii=False)))
        return

    from liftkit.cli.render import agenda_timeline

    with printing(env):
        agenda_timeline(
            resolved.agenda,
            rows,
            [when(r.start, r.start_clock) for r in rows],
            [when(r.end, r.end_clock) for r in rows],
            clock=begin is not None,
            out=env.console(),
        )


def _segment_extras(segment: Segment) -> dict[str, object]:
    """Warnings, silence, auto-advance, rooms, round questions and polls of a segment, for
    `agenda show --json`."""
    return {
        "warn_seconds": list(segment.warn),
        "warn": [format_duration(w) for w in segment.warn],
        "silence_seconds": segment.silence,
        "silence": format_duration(segment.silence) if segment.silence else None,
        "auto_advance": segment.auto_advance,
        "group_size": segment.group_size,
        "min_group_size": segment.min_group_size,
        "groups": segment.groups,
        "rounds": segment.rounds if segment.kind == "breakout" else None,
        "same_groups": segment.same_groups,
        "join_groups": segment.join_groups or None,
        "round_questions": [list(asked) for asked in segment.round_questions] or None,
        "polls": [
            {"question": p.question, "options": list(p.options), "kind": p.kind}
            for p in segment.polls
        ],
    }


@app.command("check")
def check(
    ctx: typer.Context,
    agendas: Annotated[
        list[str],
        typer.Argument(
            metavar="AGENDA...",
            help="Agenda files or template names to validate, or - for standard input.",
            autocompletion=complete_agenda,
        ),
    ],
) -> None:
    """Validate agendas; exit 0 when all are valid, 2 otherwise.

    Example: liftkit agenda check my-agenda.toml community-conversation
    """
    from liftkit.cli.env import Environment, printing

    env = Environment.of(ctx)
    failed = 0
    for argument in agendas:
        try:
            resolved = resolve(argument, env)
        except LiftkitError as error:
            report(error)
            failed += 1
            continue
        a = resolved.agenda
        with printing(env):
            typer.echo(
                terminal_safe(
                    f"ok: {'stdin' if argument == '-' else argument}: {a.title} "
                    f"({plural(len(a.segments), 'segment')}, "
                    f"{format_duration(a.total)})"
                )
            )
        for message in a.notes:
            note(message, env.stderr)
    if failed:
        if len(agendas) > 1:
            has = "has" if failed == 1 else "have"
            typer.echo(f"{failed} of {len(agendas)} agendas {has} problems", err=True)
        raise typer.Exit(EXIT_USAGE)
