"""The session's time zone: the host's, as the session's start was stamped.

Every time liftkit shows of a session is in it, wherever it is read or carried on: a
`liftkit view` or an export in New York of a session held in London says London's times, as
the host's screen does, and a resume on a laptop set to Delhi's time stamps London's. One
screen, one pack, one zone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime


def session_zone(start: datetime | None) -> Callable[[datetime], datetime]:
    """What turns a moment into the session's clock time, for a session that began at
    `start` (as stamped, with its offset). Where this computer's zone had that offset at the
    start (the host's computer, or one that keeps the same time), its rules give each
    moment's offset, so that the clocks going back an hour in the night are followed; anywhere
    else the start's offset holds for the whole session."""
    if start is None or start.tzinfo is None:
        return _as_is
    if start.astimezone().utcoffset() == start.utcoffset():
        return _local
    zone = start.tzinfo
    return lambda moment: moment.astimezone(zone) if moment.tzinfo is not None else moment


def _as_is(moment: datetime) -> datetime:
    return moment


def _local(moment: datetime) -> datetime:
    return moment.astimezone() if moment.tzinfo is not None else moment
