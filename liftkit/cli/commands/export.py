"""`liftkit export`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from liftkit.cli.errors import warn
from liftkit.cli.options import SessionArg, SessionsOption
from liftkit.core.errors import LiftkitError
from liftkit.core.text import json_terminal_safe, plural, terminal_safe

FORMATS = ("md", "json")


def export(
    session: SessionArg,
    chat: Annotated[
        list[str] | None,
        typer.Option(
            "--chat",
            metavar="FILE",
            help="A meeting chat log: Zoom saved chat, Teams .vtt or Google Meet .sbv "
            "(repeat for several; - reads stdin).",
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", metavar="md|json", help="Markdown (md) or JSON.")
    ] = "md",
    output: Annotated[
        str | None,
        typer.Option("-o", "--output", metavar="FILE", help="Write here (default: stdout, or -)."),
    ] = None,
    anonymous: Annotated[
        bool, typer.Option("--anonymous", help="Quote without names; list no one.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing -o file.")] = False,
    host: Annotated[
        str | None, typer.Option("--host", metavar="NAME", help="The host (default: the agenda's).")
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by", metavar="COLUMN", help="Break attendees down by this attendee-file column."
        ),
    ] = None,
    groups: Annotated[
        bool, typer.Option("--groups", help="Include the session's breakout groups.")
    ] = False,
    groups_file: Annotated[
        Path | None,
        typer.Option(
            "--groups-file",
            metavar="FILE",
            help="Include breakout groups from this JSON (from `liftkit groups --format json`).",
        ),
    ] = None,
    include_private: Annotated[
        bool, typer.Option("--include-private", help="Keep direct and private chat messages.")
    ] = False,
    sessions: SessionsOption = None,
    chat_start: Annotated[
        str | None,
        typer.Option(
            "--chat-start",
            metavar="HH:MM:SS",
            help="Clock time a transcript's times count from (default: the session start).",
        ),
    ] = None,
) -> None:
    """Write the event pack of a session (and its chat logs) as Markdown or JSON.

    It reads only the session folder and the files named here. Chat messages go to the
    segment during which they were sent.

    Example: liftkit export latest --chat meeting_saved_chat.txt -o event-pack.md
    """
    import gc

    # A big session makes 100,000s of small objects and no reference cycles: collecting
    # garbage meanwhile only costs time (a third of it), and the process ends soon after.
    gc.disable()
    from liftkit.core.chat import parse_chat, read_chat
    from liftkit.core.files import refuse_to_overwrite_inputs, replaces_a_file, write_atomic
    from liftkit.core.live.folders import find_session
    from liftkit.core.report import ReportOptions, build_report, load_session
    from liftkit.core.timeparse import parse_clock

    if fmt not in FORMATS:
        raise LiftkitError(f'--format: "{fmt}" is not a format', "use md or json")
    start = parse_clock(chat_start, "--chat-start") if chat_start is not None else None
    target = None if output in (None, "-") else Path(output)
    if target is not None and target.is_dir():
        raise LiftkitError(f"{target}: is a folder", "give a file name, e.g. -o event-pack.md")
    if target is not None and replaces_a_file(target) and not force:
        # Checked before the work, so a long export is not wasted on it.
        raise LiftkitError(f"{target}: already exists", "choose another path or add --force")
    files = chat or []
    if files.count("-") > 1:
        raise LiftkitError("--chat -: standard input can be read only once", "name files instead")

    folder = find_session(session, sessions)
    if target is not None:  # --force replaces an earlier pack, never what the pack is made from
        refuse_to_overwrite_inputs(target, _inputs(folder, files, groups_file))
    data = load_session(folder)
    logs = [
        parse_chat(sys.stdin.buffer.read(), "<stdin>") if name == "-" else read_chat(Path(name))
        for name in files
    ]
    options = ReportOptions(
        host=host,
        by=by,
        groups=groups,
        groups_file=groups_file,
        include_private=include_private,
        chat_start=start,
        anonymous=anonymous,
    )
    report = build_report(data, logs, options)
    for message in report.warnings:
        warn(message)
    if fmt == "json":
        from liftkit.core.report.json_format import render_json

        text = render_json(report)
    else:
        from liftkit.core.report.markdown import render_markdown

        text = render_markdown(report)
    if target is None:
        # On a terminal the pack is read, not kept: nothing in it may drive the terminal.
        if sys.stdout.isatty():
            text = json_terminal_safe(text) if fmt == "json" else terminal_safe(text)
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_atomic(target, text, force=force)
    quotes = sum(len(s.quotes) for s in report.segments) + len(report.before) + len(report.after)
    typer.echo(
        f"Wrote {target}: {plural(len(report.segments), 'segment')}, "
        f"{plural(quotes, 'quote')} (reflections and chat messages).",
        err=True,
    )


def _inputs(folder: Path, chats: list[str], groups_file: Path | None) -> list[tuple[str, Path]]:
    """What export reads: every file of the session folder, the chat logs, a groups file."""
    inputs = [(f"a file of the session {folder}", p) for p in sorted(folder.iterdir())]
    inputs += [(f"the chat log {name}", Path(name)) for name in chats if name != "-"]
    if groups_file is not None:
        inputs.append((f"the groups file {groups_file}", groups_file))
    return inputs
