"""What the host was still typing when liftkit stopped: a reflection or poll counts never
entered. The journal's stop line keeps it (`draft`, `draft_kind`, and where it was typed:
`draft_segment`, `draft_poll`), `liftkit resume` says so, and the next `r` (or `p`) gives it
back, in the segment and at the poll it was typed for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from liftkit.core.live.controls import typable
from liftkit.core.live.events import JournalEvent, SessionResume, Stop

REFLECT, POLL = "reflect", "poll"


@dataclass(frozen=True)
class Draft:
    kind: str  # REFLECT or POLL
    text: str
    segment: int | None = None  # where the line was opened (None: not journalled, older)
    poll: int | None = None  # for POLL: which of the segment's polls it was asking


def stopped_with(events: Sequence[JournalEvent], draft: Draft | None) -> list[JournalEvent]:
    """The events of a stop, its stop line holding `draft` (when there is text in it)."""
    if draft is None or not draft.text.strip():
        return list(events)
    return [
        replace(
            e,
            draft=draft.text.strip(),
            draft_kind=draft.kind,
            draft_segment=draft.segment,
            draft_poll=draft.poll if draft.kind == POLL else None,
        )
        if isinstance(e, Stop)
        else e
        for e in events
    ]


def draft_in(events: Sequence[JournalEvent]) -> Draft | None:
    """The draft of the stop since the last resume (an older one's was given back then; a
    liftkit killed outright writes no stop line)."""
    last = next((e for e in reversed(events) if isinstance(e, (Stop, SessionResume))), None)
    if not isinstance(last, Stop) or not last.draft or last.draft_kind not in (REFLECT, POLL):
        return None
    return Draft(last.draft_kind, last.draft, last.draft_segment, last.draft_poll)


def given_back(draft: Draft) -> str:
    """What the host reads as the session opens again: what r (or p) gives back."""
    key = "r" if draft.kind == REFLECT else "p"
    return f"Not saved when liftkit stopped: {_what(draft)}; {key} gives it back."


def not_taken_back(
    typed: Draft | None, given: Draft | None, resumable: bool, kept_in: str | None = None
) -> list[str]:
    """The last lines about drafts: what was still being typed as liftkit stopped, and what
    the resume gave back that r (or p) never took; the journal's stop line keeps the first,
    else the second, for `liftkit resume` to give back (when the session can be resumed).
    `kept_in`: where both are instead, when the stop line could not be written."""
    if kept_in is not None:
        return [f"{line}; {kept_in}" for line in not_taken_back(typed, given, False)]
    lines = []
    back = "; liftkit resume gives it back"
    if typed is not None:
        lines.append(
            f"Not saved (still being typed when the session stopped): {_what(typed)}"
            + (back if resumable else "")
        )
    if given is not None:
        key = "r" if given.kind == REFLECT else "p"
        again = back + " again" if resumable and typed is None else ""
        lines.append(
            f"Not saved (typed before liftkit stopped last time, not taken back with {key}): "
            f"{_what(given)}{again}"
        )
    return lines


def _what(draft: Draft) -> str:
    what = "reflection" if draft.kind == REFLECT else "poll counts"
    if draft.poll is not None:
        what = f"poll {draft.poll + 1} counts"
    return f"{what} {as_typed(draft.text.strip())}"


def as_typed(text: str) -> str:
    """ "'text'" as the host typed it, the joiners of an emoji (👩🏽‍⚕️) and of Persian words
    kept (repr wrote them as \\u200d); a character a terminal would act on, which only a
    hand-edited journal could hold, escaped as repr escapes it."""
    return "'" + "".join(c if typable(c) else repr(c)[1:-1] for c in text) + "'"
