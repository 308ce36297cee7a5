"""`liftkit note`: add a reflection to a session after the fact."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer

from liftkit.cli.env import printing
from liftkit.cli.errors import note as print_note
from liftkit.cli.errors import warn
from liftkit.cli.flags import flag_names
from liftkit.cli.options import SessionArg, SessionsOption
from liftkit.cli.unix import need_unix
from liftkit.core.agenda.model import load_agenda
from liftkit.core.errors import LiftkitError
from liftkit.core.live.capture import parse_reflection, session_people
from liftkit.core.live.events import Reflection, Source
from liftkit.core.live.folders import AGENDA_COPY
from liftkit.core.live.journal import JOURNAL_NAME, append_event, append_lock, read_journal
from liftkit.core.live.replay import check_agenda_copy, replay_journal
from liftkit.core.text import command_line, terminal_safe
from liftkit.core.zones import session_zone


@flag_names("sessions")
def note(
    session: SessionArg,
    text: Annotated[
        str,
        typer.Argument(
            help="The reflection; 'Name: text' credits it, #words tag it; - reads it from stdin.",
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
    sessions: SessionsOption = None,
) -> None:
    """Add a reflection to a session after the fact (also while it runs).

    Example: liftkit note latest "Ada: listening matters #listening" --segment 5
    """
    need_unix("note")
    if text == "-":
        text = _from_stdin()
    from liftkit.core.live.latest import find_session_running_first  # not for --help

    folder = find_session_running_first(session, sessions)
    agenda = load_agenda(folder / AGENDA_COPY)
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
    parsed = parse_reflection(text, session_people(folder, engine.groups.values()))
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
    with printing(kept="the reflection is saved"):  # a full disk behind `> file`
        typer.echo(
            terminal_safe(
                f'Added a reflection{who} to segment {index + 1} "{agenda.segments[index].title}" '
                f"of {folder}"
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
    try:
        return sys.stdin.read()
    except UnicodeDecodeError:
        raise LiftkitError(
            "TEXT -: standard input is not UTF-8 text", "pipe the reflection in as UTF-8"
        ) from None
