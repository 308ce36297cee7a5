"""What the host reads once a live session has stopped: what could not be saved, how it
ended, and what to do next (on standard error, after the screen or the event lines).

Plain mode's event lines have said already how it ended (`session complete: 3 reflections
captured`, `stopped (quit)`), on the same terminal most of the time: there, these lines say
only what they did not, each once.
"""

from __future__ import annotations

from liftkit.core.live.controls import PLAIN
from liftkit.core.live.drafts import Draft, not_taken_back
from liftkit.core.live.engine import ENDED, NOT_STARTED
from liftkit.core.live.events import stop_words
from liftkit.core.live.kept import Rescued
from liftkit.core.live.session import LiveSession
from liftkit.core.text import command_line, plural


def farewell(
    session: LiveSession,
    reason: str,
    mode: str,
    unsaved: list[str],
    typed: Draft | None,
    rescued: Rescued | None = None,
) -> list[str]:
    """The last lines, for a session stopped for `reason` ("ended", "quit", a signal...);
    `typed` is what was still being typed (a SIGTERM while typing), to enter again later;
    `rescued` the file the unsaved captures were written to (liftkit.core.live.kept)."""
    folder = session.folder
    resume, export = (
        command_line("liftkit", "resume", folder),
        command_line("liftkit", "export", folder),
    )
    lines = [f"Not saved (the journal could not be written): {text}" for text in unsaved]
    where = str(rescued.path) if rescued is not None else ""
    if rescued is not None and rescued.earlier:  # not over what a stop before left there
        where += f", after the {plural(rescued.earlier, 'line')} an earlier stop left there"
    if rescued is not None and unsaved:
        lines.append(f"{'They are' if len(unsaved) > 1 else 'It is'} written to {where}")
    resumable = session.engine.status not in (NOT_STARTED, ENDED)
    unrecorded = session.unrecorded
    # The stop line keeps what was being typed for liftkit resume; when it could not be
    # written, the rescue file keeps it (or, failing that, only these lines do).
    kept_in = None
    if unrecorded is not None:
        kept_in = f"written to {where}" if rescued else "not written anywhere: copy it from here"
    lines.extend(not_taken_back(typed, session.draft, resumable, kept_in))
    if unrecorded is not None:
        lines.append(
            f"The stop could not be recorded ({unrecorded.message}): liftkit resume will "
            "carry on as after a crash."
        )
    if session.skipped:  # said before the screen opened, and listed again above
        lines.append(
            f"{plural(session.skipped, 'journal line')} could not be read when the session "
            "was resumed and " + ("was" if session.skipped == 1 else "were") + " skipped"
        )
    # After lines that say what was not saved, "nothing captured is lost" would deny them.
    kept = "everything else captured is kept" if len(lines) else "nothing captured is lost"
    if session.engine.reshuffled:  # the seed said as it opened no longer makes them all
        lines.append(
            "Groups were reshuffled during the session, so the rooms used are not all those "
            "made as it opened: the journal keeps them, and `liftkit export --groups` lists them."
        )
    if session.engine.status == NOT_STARTED:
        lines.append(f"Stopped before the session started. Start it with: {resume}")
    elif reason == "ended" and mode == PLAIN:
        lines.append(f"Next: {export}")
    elif reason == "ended":
        captured = plural(len(session.engine.reflections), "reflection")
        lines.append(f"Session complete: {captured} in {folder}. Next: {export}")
    elif mode == PLAIN:
        lines.append(f"{kept.capitalize()}. Carry on with: {resume}")
    else:
        lines.append(f"Session stopped ({stop_words(reason)}); {kept}. Carry on with: {resume}")
    return lines
