"""`liftkit export`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from liftkit.cli.env import Environment, printing
from liftkit.cli.errors import note, say, warn
from liftkit.cli.flags import flag_names
from liftkit.cli.options import SessionArg, SessionsOption
from liftkit.core.errors import LiftkitError
from liftkit.core.text import json_terminal_safe, plural, terminal_safe

FORMATS = ("md", "json", "html")


@flag_names(
    "chat", "chat_start", "by", "roles", "organisations", "groups", "groups_file", "attendees",
    "force", "sessions", "format", "narrative", "new_narrative", questions="--question",
)  # fmt: skip
def export(
    ctx: typer.Context,
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
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="md|json|html",
            help="Markdown (md), JSON, or one self-contained HTML file to publish or print "
            "(default: as -o's extension says, .html or .json, else md).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("-o", "--output", metavar="FILE", help="Write here (default: stdout, or -)."),
    ] = None,
    anonymous: Annotated[
        bool,
        typer.Option("--anonymous", help="Name no one: no quote authors, group members or hosts."),
    ] = False,
    names: Annotated[
        bool,
        typer.Option("--names", help="Show who said each quote (unattributed by default)."),
    ] = False,
    narrative: Annotated[
        Path | None,
        typer.Option(
            "--narrative",
            metavar="FILE",
            help="Your words (Markdown, one ## heading per part), merged into the pack.",
        ),
    ] = None,
    new_narrative: Annotated[
        Path | None,
        typer.Option(
            "--new-narrative",
            metavar="FILE",
            help="Write a starter narrative for this session (headings and hints), then stop.",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing -o file.")] = False,
    host: Annotated[
        list[str] | None,
        typer.Option(
            "--host",
            metavar="NAME",
            help="The host (default: the agenda's); repeat for co-hosts. Hosts are never quoted.",
        ),
    ] = None,
    by: Annotated[
        list[str] | None,
        typer.Option(
            "--by",
            metavar="COLUMN",
            help="Break attendees down by this attendee-file column (repeat for several).",
        ),
    ] = None,
    question: Annotated[
        list[str] | None,
        typer.Option(
            "--question",
            metavar="COLUMN",
            help="Quote the answers in this attendee-file column, a registration question "
            "(repeat for several).",
        ),
    ] = None,
    roles: Annotated[
        str | None,
        typer.Option(
            "--roles", metavar="COLUMN", help="Name example roles from this attendee-file column."
        ),
    ] = None,
    organisations: Annotated[
        str | None,
        typer.Option(
            "--organisations",
            "--orgs",
            metavar="COLUMN",
            help="Name example organisations from this attendee-file column.",
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
    attendees: Annotated[
        Path | None,
        typer.Option(
            "--attendees",
            metavar="FILE",
            help="The attendee list for this export (e.g. the call's participant report), "
            "in place of the session's own; the session folder is not changed.",
        ),
    ] = None,
    sessions: SessionsOption = None,
    chat_start: Annotated[
        str | None,
        typer.Option(
            "--chat-start",
            metavar="HH:MM:SS",
            help="Clock time a transcript's times count from (default: the session start); "
            "an offset (16:00:00+02:00) is converted to the session's zone.",
        ),
    ] = None,
) -> None:
    """Write the event pack of a session (and its chat logs) as Markdown, JSON or HTML.

    It reads only the session folder and the files named here. Chat messages go to the
    segment during which they were sent; quotes go under their #tags' themes, without names.
    Your own words come from a narrative file: --new-narrative writes a starter one.

    Example: liftkit export latest --chat chat.txt --narrative words.md -o pack.md

    Example: liftkit export latest --attendees people.csv --by sector -o pack.md
    """
    import gc

    env = Environment.of(ctx)
    # A big session makes 100,000s of small objects and no reference cycles: collecting
    # garbage meanwhile only costs time (a third of it), and the process ends soon after.
    gc.disable()
    from liftkit.core.chat import EmptyChat, parse_chat, read_chat
    from liftkit.core.files import (
        check_output,
        refuse_to_overwrite_inputs,
        replaces_a_file,
        write_atomic,
    )
    from liftkit.core.live import follow
    from liftkit.core.live.kept import rescue_places
    from liftkit.core.live.latest import find_session_running_first
    from liftkit.core.report import ReportOptions, build_report, load_session
    from liftkit.core.timeparse import parse_clock

    if fmt is None:
        fmt = _format_of(output)
    if fmt not in FORMATS:
        hint = "use md, json or html"
        if fmt.lower() == "pdf":  # the HTML pack is made to be printed
            hint = "use html, then print it to PDF from a browser"
        raise LiftkitError(f'--format: "{fmt}" is not a format', hint)
    start = (
        None
        if chat_start is None
        else parse_clock(chat_start, "--chat-start", seconds=True, zoned=True)
    )
    example = "-o event-pack.md"
    if new_narrative is not None:
        output, fmt, example = str(new_narrative), "narrative", "--new-narrative words.md"
    target = None if output in (None, "-") else Path(output)
    if output is not None and target is not None:
        check_output(output, example)  # a folder, or a file in none: before the work
    if target is not None and replaces_a_file(target) and not force:
        # Checked before the work, so a long export is not wasted on it.
        raise LiftkitError(f"{target}: already exists", "choose another path or add --force")
    files = chat or []
    if files.count("-") > 1:
        raise LiftkitError("--chat -: standard input can be read only once", "name files instead")

    story = None
    if narrative is not None:
        from liftkit.core.report.narrative import read_narrative

        story = read_narrative(narrative)  # before the work: a bad file fails fast
    folder = find_session_running_first(session, sessions)
    if target is not None:  # --force replaces an earlier pack, never what the pack is made from
        inputs = _inputs(folder, files, groups_file)
        if narrative is not None:
            inputs.append((f"the narrative {narrative}", narrative))
        if attendees is not None:
            inputs.append((f"the attendee list {attendees}", attendees))
        refuse_to_overwrite_inputs(target, inputs)
    people = None
    if attendees is not None:
        from liftkit.core.people.reader import read_people

        if str(attendees) == "-":
            raise LiftkitError("--attendees -: give the attendee list's path", "name a file")
        people = read_people(attendees)
        for message in people.notes if new_narrative is None else ():  # notes on the pack
            note(message)
    data = load_session(folder, people)
    logs = []
    for name in files:
        if name == "-":
            env.reading_stdin("the chat log")
        try:
            logs.append(
                parse_chat(env.stdin.buffer.read(), "stdin")
                if name == "-"
                else read_chat(Path(name))
            )
        except EmptyChat:  # saved before anyone wrote: nothing to leave out of the pack
            if new_narrative is None:
                warn(f"{name}: the chat log is empty; the pack is made without it")
    hosts = host or []
    options = ReportOptions(
        host=hosts[0] if hosts else None,
        cohosts=tuple(hosts[1:]),
        by=tuple(by or ()),
        questions=tuple(question or ()),
        roles=roles,
        organisations=organisations,
        named=names,
        groups=groups,
        groups_file=groups_file,
        include_private=include_private,
        chat_start=start,
        anonymous=anonymous,
        rescue_places=tuple(rescue_places()),  # what a full disk kept from the journal
        now=follow.local_now(),  # a running session's pack runs to now
    )
    # The logs' messages are let go as they become quotes (a 200 MB chat log: 1.5 million).
    report = build_report(data, logs, options, consume_chats=True)
    del data, logs
    if story is not None:
        from liftkit.core.report.narrative import merge_narrative

        merge_narrative(report, story)
    # A starter narrative is no pack: what the pack would quote, count or leave out is said
    # by the export that merges it (the command it names), not before anyone has written.
    for message in report.warnings if new_narrative is None else ():
        warn(message)
    if target is not None and fmt in ("md", "json", "html"):  # written as made: never whole
        write_atomic(target, _chunks(report, fmt), force=force)
        _wrote(target, report)
        return
    text = _render(report, fmt)
    if target is None:
        # On a terminal the pack is read, not kept: nothing in it may drive the terminal.
        if env.stdout_isatty:
            text = json_terminal_safe(text) if fmt == "json" else terminal_safe(text)
        with printing(env):
            env.stdout.write(text)
        return
    write_atomic(target, text, force=force)
    if fmt == "narrative":
        say(f"Wrote {target}: write under its headings, then {_merge_command(ctx, target)}")
        return
    _wrote(target, report)


def _merge_command(ctx: typer.Context, target: Path) -> str:
    """This export again, with the chats, columns and questions given (which shape the pack and
    the starter's headings), and --narrative for --new-narrative."""
    import shlex

    words = ["liftkit", "export", str(ctx.params["session"])]
    for param in ctx.command.params:
        value = ctx.params.get(param.name or "")
        skip = param.name in ("new_narrative", "narrative", "force", "output")
        if skip or param.param_type_name != "option" or value in (None, False, [], ()):
            continue
        if value == param.default:
            continue
        flag = max(param.opts, key=len)
        for item in value if isinstance(value, list | tuple) else [value]:
            words += [flag] if item is True else [flag, str(item)]
    return shlex.join([*words, "--narrative", str(target)])


def _wrote(target: Path, report: Any) -> None:
    quotes = sum(len(s.quotes) for s in report.segments) + len(report.before) + len(report.after)
    say(
        f"Wrote {target}: {plural(len(report.segments), 'segment')}, "
        f"{plural(quotes, 'quote')} (reflections and chat messages)."
    )


def _inputs(folder: Path, chats: list[str], groups_file: Path | None) -> list[tuple[str, Path]]:
    """What export reads: the session's own files (those `run` and `resume` read too; an
    earlier pack written into the folder is none of them), the chat logs, a groups file."""
    from liftkit.core.live.folders import SESSION_FILES

    inputs = [(f"a file of the session {folder}", folder / name) for name in SESSION_FILES]
    inputs += [(f"the chat log {name}", Path(name)) for name in chats if name != "-"]
    if groups_file is not None:
        inputs.append((f"the groups file {groups_file}", groups_file))
    return inputs


def _format_of(output: str | None) -> str:
    """The format `-o FILE` asks for by its extension (pack.html: HTML), Markdown otherwise;
    a .pdf is refused: liftkit writes the HTML that a browser prints."""
    suffix = Path(output).suffix.lower() if output not in (None, "-") else ""
    if suffix == ".pdf":
        raise LiftkitError(
            f"-o {output}: liftkit does not write PDF",
            "write the HTML pack (-o pack.html), then print it to PDF from a browser",
        )
    return {".html": "html", ".htm": "html", ".json": "json"}.get(suffix, "md")


def _chunks(report: Any, fmt: str) -> Iterator[str]:
    """The pack in pieces, made as they are written."""
    if fmt == "json":
        from liftkit.core.report.json_format import json_chunks

        return json_chunks(report)
    if fmt == "html":
        from liftkit.core.report.html import html_chunks

        return html_chunks(report)
    from liftkit.core.report.markdown import markdown_chunks

    return markdown_chunks(report)


def _render(report: Any, fmt: str) -> str:
    if fmt == "json":
        from liftkit.core.report.json_format import render_json

        return render_json(report)
    if fmt == "html":
        from liftkit.core.report.html import render_html

        return render_html(report)
    if fmt == "narrative":
        from liftkit.core.report.narrative import starter_narrative

        return starter_narrative(report)
    from liftkit.core.report.markdown import render_markdown

    return render_markdown(report)
