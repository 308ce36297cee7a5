"""`liftkit note`: add a reflection, or a poll's counts, to a session after the fact."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from liftkit.cli.env import printing
from liftkit.cli.errors import note as print_note
from liftkit.cli.errors import warn
from liftkit.cli.flags import flag_names
from liftkit.cli.options import SessionArg, SessionsOption
from liftkit.cli.unix import need_unix
from liftkit.core.agenda.model import Agenda
from liftkit.core.errors import LiftkitError
from liftkit.core.live.capture import parse_reflection, session_people
from liftkit.core.live.events import PollCounts, Reflection, Source
from liftkit.core.live.folders import AGENDA_COPY, load_agenda_copy
from liftkit.core.live.journal import JOURNAL_NAME, append_event, append_lock, read_journal
from liftkit.core.live.noted import noted_poll
from liftkit.core.live.replay import check_agenda_copy, replay_journal
from liftkit.core.text import command_line, terminal_safe
from liftkit.core.typed import decode_typed, typed_argument
from liftkit.core.zones import session_zone


@flag_names("sessions")
def note(
    session: SessionArg,
    text: Annotated[
        str,
        typer.Argument(
            help="The reflection ('Name: text' credits it, #words tag it), or with --poll the "
            "counts ('Yes 12, No 4', or '12 4' in option order); - reads it from stdin.",
            metavar="TEXT",
        ),
    ],
    segment: Annotated[
        int | None,
        typer.Option(
            "--segment",
            metavar="N",
            help="The segment it belongs to, 1 for the first (default: the current or last one).",
        ),
    ] = None,
    by: Annotated[str | None, typer.Option("--by", metavar="NAME", help="Who said it.")] = None,
    poll: Annotated[
        int | None,
        typer.Option(
            "--poll",
            metavar="N",
            help="Add TEXT as the counts of the segment's poll N, 1 for its first (a poll run "
            "in Zoom, or not typed in time).",
        ),
    ] = None,
    sessions: SessionsOption = None,
) -> None:
    """Add a reflection, or a poll's counts, to a session after the fact (also while it runs).

    Example: liftkit note latest "Ada: listening matters #listening" --segment 5

    Example: liftkit note latest --poll 1 "Yes 12, No 4" --segment 1
    """
    need_unix("note")
    text = _from_stdin() if text == "-" else _typed(text, "TEXT")
    by = None if by is None else _typed(by, "--by")
    from liftkit.core.live.latest import find_session_running_first  # not for --help

    folder = find_session_running_first(session, sessions)
    agenda = load_agenda_copy(folder / AGENDA_COPY)  # as resume and export say it
    journal_path = folder / JOURNAL_NAME
    with append_lock(journal_path):  # never half a line that another writer is writing
        read = read_journal(journal_path)
    for warning in read.warnings:
        warn(warning)
    check_agenda_copy(agenda, read.events, folder / AGENDA_COPY)
    replayed = replay_journal(agenda, read.events)
    engine = replayed.engine
    count = len(agenda.segments)
    if segment is not None:
        if not 1 <= segment <= count:
            show = command_line("liftkit", "agenda", "show", folder / AGENDA_COPY)
            raise LiftkitError(
                f"--segment {segment}: {folder} has segments 1 to {count}",
                f"see them with `{show}`",
            )
        index = segment - 1
    else:
        index = min(engine.index, count - 1)
    if poll is not None:
        if by is not None:
            raise LiftkitError("--by: a poll's counts have no author", "leave --by out")
        _add_poll(folder, agenda, index, poll, text, engine.last_mono, engine.polls)
        return
    people = session_people(folder, engine.groups.values())
    parsed = parse_reflection(text, people, (agenda.host,))
    author = by.strip() if by and by.strip() else parsed.author
    body = text.strip() if by else parsed.text
    if not body:
        raise LiftkitError("the reflection is empty", "give its text in quotes")
    reflection = Reflection(
        mono=engine.last_mono,
        # in the session's zone, as every line of its journal: a note sent from a computer
        # set to another zone (a co-host in Delhi) is stamped with the session's times
        wall=session_zone(replayed.start.wall if replayed.start else None)(
            datetime.now().astimezone()
        ),
        segment=index,
        text=body,
        author=author,
        tags=tuple(parsed.tags),
        source=Source.NOTE,
    )
    append_event(journal_path, reflection)
    who = f" from {author}" if author else ""
    stranger = None if by else parsed.stranger
    if stranger is not None:
        print_note(
            f"'{stranger}' is not on the session's attendee list, so the name stays part of "
            f"the text (and of the quote in the pack); --by '{stranger}' credits it"
        )
    elif author and agenda.host.strip() and _same_person(author, agenda.host):
        print_note(
            f"the reflection is credited to the host {author}, who is not quoted in the pack"
        )
    with printing(kept="the reflection is saved"):  # a full disk behind `> file`
        typer.echo(
            terminal_safe(
                f'Added a reflection{who} to segment {index + 1} "{agenda.segments[index].title}" '
                f"of {folder}"
            )
        )


def _same_person(author: str, host: str) -> bool:
    from liftkit.core.report.pack import host_key  # as the pack tells its host

    return host_key(author) == host_key(host)


def _add_poll(
    folder: Path,
    agenda: Agenda,
    index: int,
    number: int,
    typed: str,
    mono: float,
    recorded: Sequence[PollCounts],
) -> None:
    """`--poll N`: the counts read as `p` reads them live, journalled as it writes them."""
    now = datetime.now().astimezone()
    event = noted_poll(agenda, index, number, typed, mono, now, named="--poll")
    before = [p for p in recorded if (p.segment, p.poll) == (event.segment, event.poll)]
    append_event(folder / JOURNAL_NAME, event)
    counts = ", ".join(f"{option} {count}" for option, count in event.counts.items())
    over = (
        f"; in place of {', '.join(f'{o} {c}' for o, c in before[-1].counts.items())}"
        if before
        else ""
    )
    with printing(kept="the counts are saved"):  # a full disk behind `> file`
        typer.echo(
            terminal_safe(
                f'Added poll {number} "{event.question}" ({counts}{over}) to segment '
                f'{index + 1} "{agenda.segments[index].title}" of {folder}'
            )
        )


def _from_stdin() -> str:
    """The reflection piped in for TEXT `-` (it was saved as a quote "-", and published)."""
    import sys

    if sys.stdin is None or sys.stdin.isatty():
        raise LiftkitError(
            "TEXT -: reads the reflection from standard input, which is this terminal",
            "pipe the text in (echo 'Ada: listening matters' | liftkit note latest -), or "
            "give it in quotes",
        )
    # Its bytes, read as `run --plain` reads them: UTF-8 whatever the locale says, and what
    # is not UTF-8 in the locale's encoding, or as Windows-1252 (a file saved on Windows).
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
    text, guessed = decode_typed(data, getattr(sys.stdin, "encoding", None))
    text = text.removeprefix("\ufeff")  # Notepad's byte-order mark, as plain mode reads past it
    if guessed == "cp1252":  # not a Latin-1 locale's own text
        _not_utf_8("TEXT -: standard input", text)
    return text


def _typed(text: str, name: str) -> str:
    """An argument that was not UTF-8 (a terminal set to Latin-1), read as _from_stdin reads."""
    import sys

    read, guessed = typed_argument(text, getattr(sys.stdin, "encoding", None))
    if guessed == "cp1252":
        _not_utf_8(name, read)
    return read


def _not_utf_8(what: str, text: str) -> None:
    sample = next((w for w in text.split() if not w.isascii()), "")
    warn(
        f"{what} is not UTF-8 text; read as Windows-1252 ({sample}): check its accented "
        "letters, or set the terminal or editor to UTF-8"
    )
