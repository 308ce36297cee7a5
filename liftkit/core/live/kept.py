"""Captures typed while the journal cannot be written, kept until it can.

A full or read-only disk, or a session folder gone that cannot be written again
(liftkit.core.live.keeper), refuses the journal's next line. A reflection or poll counts
the host types then are kept in memory as they were captured: the segment they were typed
in, the author and tags read then. Once the journal takes lines again they are written, in
the order typed and as one record, each with `typed`, the wall-clock time it was typed
(docs/journal.md); what is still kept when liftkit stops is listed in the farewell, and
written to a file outside the session's disk (`rescue`), since the terminal that shows the
farewell may be gone (a closed window).
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from liftkit.core.errors import LiftkitError
from liftkit.core.files import write_atomic
from liftkit.core.live.drafts import REFLECT, Draft
from liftkit.core.live.events import PollCounts, Reflection
from liftkit.core.live.keeper import CannotWriteBack
from liftkit.core.live.refused import JournalRefused
from liftkit.core.live.session import LiveSession
from liftkit.core.text import command_line, one_line, plural


@dataclass(frozen=True)
class Kept:
    event: Reflection | PollCounts  # as captured when typed, with `typed`; not yet written
    shown: str  # how the farewell lists it while it is still not saved


def keep(event: Reflection | PollCounts, raw: str, typed: datetime) -> Kept:
    """A capture the journal refused, typed as `raw` at `typed` (wall-clock time)."""
    typed = typed.replace(microsecond=typed.microsecond // 1000 * 1000)  # as `wall` is written
    if isinstance(event, PollCounts):
        raw = f"poll {event.poll + 1} ({one_line(event.question)}): {counts_typed(event)}"
    return Kept(replace(event, typed=typed), raw.strip())


def counts_typed(event: PollCounts) -> str:
    """Counts as `liftkit note --poll` reads them back: 'Yes, definitely: 3; No, not
    really: 12' (an option's name may hold a comma, so semicolons part them)."""
    return "; ".join(f"{option}: {count}" for option, count in event.counts.items())


def save_kept(session: LiveSession, kept: list[Kept]) -> str:
    """Write the kept captures now, in the order typed, as one record, and empty `kept`;
    the line the host reads then ("" when there were none). Raises LiftkitError (and keeps
    them all) while the journal still cannot be written."""
    if not kept:
        return ""
    now = max(session.now(), session.engine.last_mono)
    session.perform([replace(k.event, mono=now, wall=None) for k in kept])
    reflections = sum(isinstance(k.event, Reflection) for k in kept)
    counts = ((reflections, "reflection"), (len(kept) - reflections, "poll result"))
    kept.clear()
    what = " and ".join(plural(n, word) for n, word in counts if n)
    return f"Saved {what} kept while the journal could not be written."


def still_kept(kept: Sequence[Kept]) -> str:
    """The line that stays on the screen while captures are kept: a later message replaced
    the one that said so, and small events still written (n, a pause) made the disk look
    well again while a reflection waited."""
    if not kept:
        return ""
    reflections = sum(isinstance(k.event, Reflection) for k in kept)
    counts = ((reflections, "reflection"), (len(kept) - reflections, "poll result"))
    what = " and ".join(plural(n, word) for n, word in counts if n)
    return f"NOT SAVED yet: {what} kept until the journal can be written."


def fix_for(error: LiftkitError) -> str:
    """What the host can do about a journal that cannot be written, as a sentence starts."""
    if isinstance(error, JournalRefused):
        return error.fix.capitalize()
    return error.hint.capitalize() if isinstance(error, CannotWriteBack) else "Free some space"


def stalled(error: LiftkitError) -> str:
    """What the host reads, once, while the journal cannot be written."""
    return f"NOT SAVED: {error.message}. {fix_for(error)}: liftkit tries again each second."


def not_done(error: LiftkitError, again: str) -> str:
    """What the host reads when a command of theirs (n, +, a pause) could not be written:
    it was not done, and liftkit does not do it later; `again` says how to give it again."""
    return f"NOT SAVED, so not done: {error.message}. {fix_for(error)}, then {again} again."


def rescue_places() -> list[Path]:
    """Where kept captures go when liftkit stops with them: the system's temporary folder
    ($TMPDIR), then the home folder, when there is one; other disks than the session's,
    most of the time. A container run as a user with no home ($HOME unset, no passwd
    entry) has none: Path.home() raised, and the farewell of a quit with it."""
    places = []
    for place in (tempfile.gettempdir, Path.home):
        try:
            places.append(Path(place()))
        except (RuntimeError, KeyError, OSError):  # no usable temporary folder, or no home
            continue
    return places


def rescued_file(folder: Path, places: Sequence[Path]) -> Path | None:
    """The file `rescue` wrote for this session, when one is there (said on resume)."""
    return next(
        (path for place in places if (path := place / _rescue_name(folder)).is_file()), None
    )


def rescued_warning(folder: Path, places: Sequence[Path]) -> str | None:
    """The warning of an event pack made while the rescue file of this session waits in one
    of `places` (rescue_places()): the pack lacks what it holds until it is added."""
    rescued = rescued_file(folder, places)
    if rescued is None:
        return None
    return (
        f"{rescued} holds what could not be saved during this session (its journal could "
        f"not be written), so the pack lacks it: {rescue_advice(rescued)}, then export again"
    )


NOTE_THEM = "Add each reflection to the session with liftkit note"
POLL_THEM = (
    "Poll counts: add each with the liftkit note command on its line, or record them with p "
    "in their segment while the session runs (liftkit resume; b goes back a segment)"
)
POLLS_HEADER = "# Poll counts"  # also the line of a file written before note took them


def rescue_advice(path: Path) -> str:
    """What to do with the rescue file at `path`, from what it holds (its header lines)."""
    try:
        header = [line for line in path.read_text().splitlines() if line.startswith("# ")]
    except (OSError, UnicodeDecodeError):
        header = []
    reflections = any(line.startswith(f"# {NOTE_THEM}") for line in header)
    polls = any(line.startswith(POLLS_HEADER) for line in header)
    if polls and reflections:
        return "add its reflections and poll counts with liftkit note"
    if polls:
        return "add its poll counts with liftkit note, or with p in their segment"
    return "add it with liftkit note"


def _typed(draft: Draft) -> str:
    """A draft as the rescue file lists it: a reflection as typed, for liftkit note."""
    if draft.kind == REFLECT:
        return draft.text.strip()
    which = "" if draft.poll is None else f" {draft.poll + 1}"
    return f"poll{which} counts, still being typed when liftkit stopped: {draft.text.strip()}"


def _line(kept: Kept, folder: Path) -> str:
    """A kept capture after its segment in the rescue file: a reflection as typed, for
    liftkit note; poll counts with the command that adds them, to paste (until 2026-12-07
    "poll counts for 'Useful?': Yes 28, No 2", its question escaped as Python writes it,
    without the poll number the header asked for)."""
    event = kept.event
    if not isinstance(event, PollCounts):
        return f": {kept.shown}"
    segment, poll = (event.segment or 0) + 1, event.poll + 1
    # a command to paste into a shell: its options are the shell's (test_hygiene knows
    # command_line's words from messages naming a field)
    add = command_line(
        "liftkit", "note", folder, "--poll", poll, "--segment", segment, counts_typed(event)
    )
    return f", poll {poll} ({one_line(event.question)}): {add}"


def _rescue_name(folder: Path) -> str:
    return f"liftkit-unsaved-{folder.name}.txt"


@dataclass(frozen=True)
class Rescued:
    """The rescue file written, and how many of its lines an earlier stop had left there."""

    path: Path
    earlier: int = 0


def rescue(
    folder: Path,
    kept: Sequence[Kept],
    places: Sequence[Path],
    drafts: Sequence[Draft] = (),
    stopped: datetime | None = None,
) -> Rescued | None:
    """Write what is still kept to `liftkit-unsaved-FOLDER.txt` in the first of `places`
    that takes it whole, each with the time it was typed, after what an earlier stop left
    there (a second stop on a full disk wrote over it); None when none does. A window
    closed on a full disk lost a reflection: the farewell went to a terminal that was gone.
    `drafts`: what was still being typed when liftkit stopped (at `stopped`), when the stop
    line that keeps it could not be written either."""
    if not kept and not drafts:
        return None
    kinds = {isinstance(k.event, Reflection) for k in kept} | {d.kind == REFLECT for d in drafts}
    lines = [
        *(f"{k.event.typed:%H:%M:%S} segment {(k.event.segment or 0) + 1}{_line(k, folder)}"
          for k in kept),
        *(f"{stopped or datetime.now():%H:%M:%S} segment {(d.segment or 0) + 1}: {_typed(d)}"
          for d in drafts),
    ]  # fmt: skip
    for place in places:
        path = place / _rescue_name(folder)
        earlier, had = _earlier(path)  # an earlier stop's, not yet added: kept, these after
        both = kinds | had
        header = [
            f"# Typed during {folder} but not saved: its journal could not be written.",
            *([f"# {NOTE_THEM}, giving its segment: {folder}"] if True in both else []),
            *([f"# {POLL_THEM}."] if False in both else []),
        ]
        try:
            write_atomic(path, "\n".join([*header, *earlier, *lines]) + "\n")  # whole, or none
        except LiftkitError:
            continue
        return Rescued(path, len(earlier))
    return None


def _earlier(path: Path) -> tuple[list[str], set[bool]]:
    """What an earlier stop wrote to the rescue file at `path`, still there: its lines of
    captures, and what they are (True: reflections, False: poll counts)."""
    try:
        text = path.read_text()
    except (OSError, UnicodeDecodeError):
        return [], set()
    lines = text.splitlines()
    captures = [line for line in lines if line.strip() and not line.startswith("# ")]
    kinds = {True for line in lines if line.startswith(f"# {NOTE_THEM}")}
    kinds |= {False for line in lines if line.startswith(POLLS_HEADER)}
    return captures, kinds
