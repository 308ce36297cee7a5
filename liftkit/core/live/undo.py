"""What u puts back: the rooms each breakout had before the last reshuffle.

Kept by the engine from the journal's `groups` events (a reshuffle's are numbered, an undo's
name the reshuffle they put back), so that the live session and `liftkit resume` hold the
same: a host whose window closed after a reshuffle can still put it back once resumed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from liftkit.core.live.events import GroupsMade, Made

if TYPE_CHECKING:
    from liftkit.core.groups.split import Split


@dataclass
class LastReshuffle:
    count: int = 0  # reshuffles journalled in the session so far
    number: int = 0  # the one u would put back (0: none, or put back already)
    made_in: tuple[int, int] = (-1, 1)  # the segment and breakout round it was made in
    before: dict[int, Split] = field(default_factory=dict)  # segment -> its rooms before it

    def take(self, event: GroupsMade, segment_now: int, was: GroupsMade | None) -> None:
        """Note a `groups` event, given the segment current as it was written and the rooms
        it replaces (None: the breakout had none)."""
        if event.cause is Made.RESHUFFLE:
            self.count = max(self.count, event.reshuffle)
            if event.reshuffle != self.number:  # the first rooms of another reshuffle
                self.number, self.made_in, self.before = (
                    event.reshuffle,
                    (segment_now, event.round),
                    {},
                )
            if was is not None and event.segment is not None:
                self.before.setdefault(event.segment, was.split)
        elif event.cause is Made.UNDO:
            self.number, self.before = 0, {}  # one step: a reshuffle put back is gone

    def can_put_back(self, held: tuple[int, int]) -> bool:
        """Whether u has rooms to put back with the host in this segment and round."""
        return bool(self.before) and self.made_in == held
