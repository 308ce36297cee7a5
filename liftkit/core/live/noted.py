"""Poll counts added to a session after the fact (`liftkit note --poll`): a host who ran
the poll in Zoom, or ended the session before typing them. Read as `p` reads them live, and
journalled as the live capture writes them, so that the pack shows them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from liftkit.core.agenda.model import Agenda, Poll
from liftkit.core.errors import LiftkitError
from liftkit.core.live.counts import parse_counts
from liftkit.core.live.events import PollCounts


def noted_poll(
    agenda: Agenda,
    segment: int,
    number: int,
    typed: str,
    mono: float,
    wall: datetime,
    named: str = "poll",
) -> PollCounts:
    """Counts `typed` for poll `number` (1 for the first) of segment `segment` (from 0):
    the poll event to append. Raises LiftkitError when the segment has no such poll (said
    of `named` and the number), or the counts do not fit its options (the messages `p`
    gives live)."""
    asked = agenda.segments[segment]
    if not 1 <= number <= len(asked.polls):
        with_polls = [str(i + 1) for i, s in enumerate(agenda.segments) if s.polls]
        where = f'segment {segment + 1} "{asked.title}"'
        count = len(asked.polls)
        if count > 1:  # the segment was right, the number not: the segments with polls misled
            numbers = f"1 {'and' if count == 2 else 'to'} {count}"
            hint = f"segment {segment + 1} has polls {numbers}; give one of those numbers"
        elif count:
            hint = f"segment {segment + 1} has poll 1 alone; give 1"
        elif with_polls:
            listed = ", ".join(with_polls)
            hint = f"give the segment the poll was asked in (segments with polls: {listed})"
        else:
            hint = "the agenda has no polls"
        raise LiftkitError(f"{named} {number}: {where} has {polls_named(asked.polls)}", hint)
    poll = asked.polls[number - 1]
    counts = parse_counts(typed, poll.options, where=f"poll {number}")
    return PollCounts(
        mono=mono, wall=wall, segment=segment, poll=number - 1, question=poll.question,
        counts=counts,
    )  # fmt: skip


def polls_named(polls: Sequence[Poll]) -> str:
    """ "no polls", "one poll, Been before? [Yes / No]", "2 polls: 1. …; 2. …" """
    if not polls:
        return "no polls"
    if len(polls) == 1:
        return f"one poll, {polls[0].question} [{' / '.join(polls[0].options)}]"
    return f"{len(polls)} polls: {polls_listed(polls)}"


def polls_listed(polls: Sequence[Poll]) -> str:
    """ "1. Been before? [Yes / No]; 2. Score? [1 / 2 / 3]" """
    return "; ".join(
        f"{j + 1}. {p.question} [{' / '.join(p.options)}]" for j, p in enumerate(polls)
    )
