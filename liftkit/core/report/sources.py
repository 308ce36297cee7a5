"""What the report reads: the session folder (journal, agenda copy, attendees, groups), and
when each segment ran, so that chat messages can be placed in the segment they were sent in."""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from liftkit.core.agenda import Agenda, load_agenda
from liftkit.core.chat import ChatLog
from liftkit.core.errors import LiftkitError
from liftkit.core.journal import JOURNAL_NAME, read_journal
from liftkit.core.report.model import AFTER, BEFORE, Group, GroupRound, one_line


@dataclass
class SessionData:
    """Everything `liftkit export` reads from a session folder."""

    folder: Path
    agenda: Agenda
    events: list[dict[str, Any]]
    attendees: Any = None  # people.PeopleRead, when the folder holds an attendee file
    groups_json: Any = None  # the parsed groups.json, when there is one
    warnings: list[str] = field(default_factory=list)


def event_wall(event: dict[str, Any]) -> datetime | None:
    """The event's wall-clock time; one written without its UTC offset is taken as local."""
    try:
        wall = datetime.fromisoformat(str(event["wall"]))
    except (KeyError, ValueError):
        return None
    return wall if wall.tzinfo is not None else wall.astimezone()


def whole(value: Any, default: int) -> int:
    """A whole number from a journal field, or `default` for anything else."""
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    return default


# --------------------------------------------------------------------------- loading


def load_session(folder: Path) -> SessionData:
    journal = read_journal(folder / JOURNAL_NAME)
    if not journal.events:
        raise LiftkitError(
            f"{folder / JOURNAL_NAME}: the journal holds no events, so there is nothing to export",
            "name a session that was run",
        )
    start = next((e for e in journal.events if e.get("type") == "session_start"), {})
    agenda_name = str(start.get("agenda") or "agenda.toml")
    agenda_path = folder / Path(agenda_name).name
    if not agenda_path.is_file():
        raise LiftkitError(
            f"{agenda_path}: the session's copy of its agenda is missing",
            "put the agenda file the session ran back in the folder as agenda.toml",
        )
    data = SessionData(folder, load_agenda(agenda_path), journal.events, warnings=journal.warnings)
    for name in ("attendees.csv", "attendees.txt"):
        if (folder / name).is_file():
            from liftkit.core.people import read_people

            data.attendees = read_people(folder / name)
            data.warnings.extend(data.attendees.warnings)
            break
    if (folder / "groups.json").is_file():
        data.groups_json = read_groups_json(folder / "groups.json")
    return data


def read_groups_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise LiftkitError(f"{path}: no such groups file", "check the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise LiftkitError(
            f"{path}: cannot read: {reason}", "give the JSON from `liftkit groups --format json`"
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LiftkitError(
            f"{path}:{exc.lineno}: not valid JSON ({exc.msg})",
            "give the JSON from `liftkit groups --format json`",
        ) from None
    parse_group_rounds(data.get("rounds") if isinstance(data, dict) else None, str(path))
    return data


def parse_group_rounds(rounds: Any, source: str) -> tuple[GroupRound, ...]:
    """Rounds in the `groups --format json` schema, checked item by item."""
    hint = 'expected {"rounds": [{"round": 1, "groups": [{"name": ..., "members": [...]}]}]}'

    def bad(where: str, what: str) -> LiftkitError:
        return LiftkitError(f"{source}: {where}: {what}", hint)

    if not isinstance(rounds, list):
        raise bad("rounds", "missing or not a list")
    out = []
    for r, item in enumerate(rounds):
        where = f"rounds[{r}]"
        if not isinstance(item, dict) or not isinstance(item.get("groups"), list):
            raise bad(where, 'needs a "groups" list')
        number = item.get("round", r + 1)
        if not isinstance(number, int) or isinstance(number, bool):
            raise bad(f"{where}.round", "must be a whole number")
        groups = []
        for g, group in enumerate(item["groups"]):
            gwhere = f"{where}.groups[{g}]"
            if not isinstance(group, dict) or not isinstance(group.get("name"), str):
                raise bad(gwhere, 'needs a "name"')
            members = group.get("members")
            if not isinstance(members, list):
                raise bad(gwhere, 'needs a "members" list')
            names = []
            for m, member in enumerate(members):
                name = member.get("name") if isinstance(member, dict) else member
                if not isinstance(name, str):
                    raise bad(f"{gwhere}.members[{m}]", 'needs a "name"')
                names.append(one_line(name))
            groups.append(Group(one_line(group["name"]), tuple(names)))
        out.append(GroupRound(number, tuple(groups)))
    return tuple(out)


# --------------------------------------------------------------------------- timeline


class Timeline:
    """When each segment was current, from the journal's segment starts and the session end."""

    def __init__(self, events: list[dict[str, Any]]) -> None:
        starts = []
        for event in events:
            wall = event_wall(event)
            if event.get("type") == "segment_start" and wall is not None:
                starts.append((wall, whole(event.get("segment"), -1)))
        starts.sort(key=lambda s: s[0])
        self.starts = [w for w, _ in starts]
        self.segments = [s for _, s in starts]
        self._stamps = [w.timestamp() for w in self.starts]  # for placing thousands of messages
        first = next((e for e in events if e.get("type") == "session_start"), None)
        self.session_start = (
            self.starts[0] if self.starts else (event_wall(first) if first else None)
        )
        # The session ended at its session_end, else (cut short) at the last event written.
        ended = (event_wall(e) for e in reversed(events) if e.get("type") == "session_end")
        last = (event_wall(e) for e in reversed(events) if e.get("wall"))
        self.end = next(ended, None) or next(last, None)
        self._end_stamp = self.end.timestamp() if self.end else float("inf")

    def place(self, moment: datetime) -> int | str:
        """The segment current at `moment`, or BEFORE / AFTER the session."""
        return self.place_stamp(moment.timestamp())

    def place_stamp(self, stamp: float) -> int | str:
        if stamp >= self._end_stamp:
            return AFTER
        i = bisect_right(self._stamps, stamp) - 1
        return BEFORE if i < 0 else self.segments[i]

    def spans(self) -> dict[int, tuple[datetime, int]]:
        """Each segment that ran: its first start, and the seconds it was current in all."""
        out: dict[int, tuple[datetime, int]] = {}
        for i, (start, segment) in enumerate(zip(self.starts, self.segments, strict=True)):
            stop = self.starts[i + 1] if i + 1 < len(self.starts) else self.end or start
            seconds = max(0, round((stop - start).total_seconds()))
            first, total = out.get(segment, (start, 0))
            out[segment] = (first, total + seconds)
        return out


def chat_clock(log: ChatLog, timeline: Timeline, base: datetime | None) -> Callable[[float], float]:
    """How to turn the log's times into timestamps: Zoom times of day take the session's date
    (or the day before or after, for a session that crosses midnight); transcript offsets
    count from `base`."""
    if not log.clock:
        if base is None:
            raise LiftkitError(
                f"{log.source}: a transcript has no clock times and the session never started",
                "give --chat-start HH:MM:SS, the clock time the recording began",
            )
        start = base.timestamp()
        return lambda at: start + at
    anchor = timeline.session_start
    if anchor is None:
        raise LiftkitError(
            f"{log.source}: the session never started, so its chat cannot be placed",
            "name a session that was run",
        )
    midnight = anchor.replace(hour=0, minute=0, second=0, microsecond=0).timestamp()
    low, high = anchor.timestamp(), (timeline.end or anchor).timestamp()
    return lambda at: midnight + at + 86400 * _nearest_day(midnight + at, low, high)


def nearest_day(anchor: datetime, seconds_of_day: float, end: datetime) -> datetime:
    """The time of day on the anchor's day, the day before or the day after: whichever falls
    within [anchor, end], else the closest to it."""
    midnight = anchor.replace(hour=0, minute=0, second=0, microsecond=0)
    day = _nearest_day(midnight.timestamp() + seconds_of_day, anchor.timestamp(), end.timestamp())
    return midnight + timedelta(days=day, seconds=seconds_of_day)


def _nearest_day(stamp: float, low: float, high: float) -> int:
    best_day, best_gap = 0, float("inf")
    for day in (0, -1, 1):
        moved = stamp + day * 86400
        gap = 0.0 if low <= moved <= high else min(abs(moved - low), abs(moved - high))
        if gap == 0:
            return day
        if gap < best_gap:
            best_day, best_gap = day, gap
    return best_day
