"""What the report reads: the session folder (journal, agenda copy, attendees, groups), and
when each segment ran, so that chat messages can be placed in the segment they were sent in."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from liftkit.core.agenda.model import Agenda
from liftkit.core.chat import ChatLog
from liftkit.core.errors import LiftkitError
from liftkit.core.live.events import (
    JournalEvent,
    Reflection,
    SegmentStart,
    SessionEnd,
    SessionStart,
    Source,
)
from liftkit.core.live.folders import ATTENDEE_COPIES, GROUPS_COPY, load_agenda_copy
from liftkit.core.live.journal import JOURNAL_NAME, read_journal
from liftkit.core.live.replay import (
    Replay,
    SegmentTime,
    check_agenda_copy,
    nothing_to_export,
    replay_journal,
)
from liftkit.core.people.apart import for_pack, names_apart
from liftkit.core.report.model import AFTER, BEFORE, Group, GroupRound
from liftkit.core.text import one_line
from liftkit.core.zones import session_zone

if TYPE_CHECKING:
    from liftkit.core.groups.model import Round
    from liftkit.core.groups.split import Split
    from liftkit.core.people.model import Person


@dataclass
class SessionData:
    """Everything `liftkit export` reads from a session folder."""

    folder: Path
    agenda: Agenda
    events: list[JournalEvent]  # as read and checked, in file order
    attendees: Any = None  # people.PeopleRead, when the folder holds an attendee file
    groups_split: Split | None = None  # the session's groups.json, when there is one
    # Why the attendee file could not be read: only "who joined" needs it, so it is an
    # error for --by and a warning otherwise.
    attendees_error: LiftkitError | None = None
    warnings: list[str] = field(default_factory=list)
    # The hosts the folder's own attendee copy marks, also when another list replaces it
    # (the call's participant report, which may not mark them): never quoted all the same.
    own_hosts: list[str] = field(default_factory=list)

    @property
    def start(self) -> SessionStart | None:
        return next((e for e in self.events if isinstance(e, SessionStart)), None)

    def replay(self) -> Replay:
        """The session as the engine saw it (the same replay as `liftkit resume`)."""
        return replay_journal(self.agenda, self.events)


# --------------------------------------------------------------------------- loading


def load_session(folder: Path, attendees: Any = None) -> SessionData:
    """The session folder as read. `attendees` (a people.PeopleRead: the list the host gives
    at export, such as the call's participant report) replaces the folder's own copy, which
    then gives only its hosts; the folder is never written to."""
    journal = read_journal(folder / JOURNAL_NAME)
    if not journal.events:
        raise LiftkitError(
            f"{folder / JOURNAL_NAME}: the journal holds no events, so there is nothing to export",
            "name a session that was run",
        )
    nothing_to_export(folder, journal)
    start = next((e for e in journal.events if isinstance(e, SessionStart)), None)
    agenda_name = start.agenda if start is not None and start.agenda else "agenda.toml"
    agenda_path = folder / Path(agenda_name).name
    agenda = load_agenda_copy(agenda_path)
    check_agenda_copy(agenda, journal.events, agenda_path)
    data = SessionData(folder, agenda, in_its_zone(journal.events), warnings=journal.warnings)
    data.attendees = attendees
    if attendees is not None:
        data.warnings.extend(attendees.warnings)
    for name in ATTENDEE_COPIES:
        if (folder / name).is_file():
            from liftkit.core.people.model import hosts_among
            from liftkit.core.people.reader import read_people

            try:
                own = read_people(folder / name)
            except LiftkitError as error:
                if attendees is None:
                    data.attendees_error = error
            else:
                data.own_hosts = [person.name for person in hosts_among(own.people)]
                if attendees is None:
                    data.attendees = own
                    data.warnings.extend(own.warnings)
            break
    if (folder / GROUPS_COPY).is_file():
        from liftkit.core.groups.formats import load_groups_file  # the engine, only when needed

        # the session's copy of the file it ran with: the rooms as they were
        data.groups_split = load_groups_file(folder / GROUPS_COPY, recorded=True)
    return data


def in_its_zone(events: list[JournalEvent]) -> list[JournalEvent]:
    """The journal's times in the session's zone (liftkit.core.zones), where a resume on a
    computer set to another zone stamped that zone's: the pack shows one zone's times."""
    start = next((e.wall for e in events if isinstance(e, SessionStart)), None)
    zone = session_zone(start)
    shown = []
    for event in events:
        changes: dict[str, Any] = {}
        for name in ("wall", "planned_start", "typed"):
            moment = getattr(event, name, None)
            if isinstance(moment, datetime):
                shown_at = zone(moment)  # and its zone's name, as "01:59 BST to 01:01 GMT" says
                if (shown_at.utcoffset(), shown_at.tzname()) != (
                    moment.utcoffset(),
                    moment.tzname(),
                ):
                    changes[name] = shown_at
        shown.append(replace(event, **changes) if changes else event)
    return shown


def groups_as_attendees(data: SessionData) -> str | None:
    """A session run with a groups file (`liftkit run --groups`) keeps no attendee list, but
    its rooms name everyone, with their columns (`Sector`, `Organisation`): without a list,
    the people in the rooms the session used (its breakouts' rounds, as the journal holds
    them: a programme's week N, a reshuffle's rooms) become the attendee list, for the
    columns asked of it; not the file's other rounds, which are other weeks. What the pack
    then counts, as a warning to show; None where there is a list (or one that could not be
    read), or no groups file."""
    split = data.groups_split
    if data.attendees is not None or data.attendees_error is not None or split is None:
        return None
    from liftkit.core.groups.model import rounds_named
    from liftkit.core.live.events import GroupsMade
    from liftkit.core.people.model import PeopleRead

    made = [e.split for e in data.events if isinstance(e, GroupsMade) and e.split.rounds]
    used = [rnd for each in made for rnd in each.rounds] or list(split.rounds)
    seen: dict[str, Person] = {}
    columns: dict[str, None] = {}  # in the order the file gives them
    for person in (p for rnd in used for g in rnd.groups for p in g.members):
        seen.setdefault((person.email or person.name).lower(), person)
        columns.update(dict.fromkeys(person.attributes))
    source = data.folder / GROUPS_COPY
    data.attendees = PeopleRead(list(seen.values()), [], list(columns), str(source))
    where = "the rooms of the groups file it ran with"
    start = _file_round(split, made[0].rounds[0]) if made else None
    if start is not None:
        ran = split.rounds[start : start + len(made[0].rounds)]
        where = f"the session's rooms ({rounds_named(ran)} of the groups file it ran with)"
    elif made:
        where = "the session's rooms"
    return (
        f"{source}: the session kept no attendee list, so who joined is the "
        f"{len(seen)} people in {where}; give the call's participant report with "
        "`attendees` FILE to count those who came"
    )


def _file_round(split: Split, opened: Round) -> int | None:
    """The round of the groups file (from 0) whose rooms the session opened with (as
    live.reshuffles.file_round finds it); None after a reshuffle before a resume."""

    def rooms(rnd: Round) -> set[frozenset[str]]:
        return {frozenset((p.email or p.name).lower() for p in g.members) for g in rnd.groups}

    wanted = rooms(opened)
    return next((j for j, rnd in enumerate(split.rounds) if rooms(rnd) == wanted), None)


def group_rounds(split: Split) -> tuple[GroupRound, ...]:
    """The rounds of a split (read and checked by groups.formats) as the report shows them:
    people of one name told apart by their organisation (a published pack names no emails),
    and someone known by an email address or a phone number alone named as the screen shared
    with the call names them (`grace.hopper@…`, `phone ending 0123`)."""
    rounds = []
    for rnd in split.rounds:
        apart = names_apart((p for group in rnd.groups for p in group.members), emails=False)
        groups = tuple(
            Group(
                one_line(group.name),
                tuple(for_pack(one_line(apart.get(p, p.name))) for p in group.members),
                tuple(for_pack(one_line(apart.get(p, p.name))) for p in group.facilitators),
                tuple(
                    for_pack(name)
                    for name in (one_line(apart.get(p, p.name)) for p in group.members)
                    if for_pack(name) != name
                ),
            )
            for group in rnd.groups
        )
        rounds.append(GroupRound(rnd.number, groups))
    return tuple(rounds)


# --------------------------------------------------------------------------- timeline


class Timeline:
    """When each segment was current, from the journal's segment starts and the session end."""

    def __init__(self, events: Sequence[JournalEvent]) -> None:
        starts = sorted(
            ((e.wall, e.segment) for e in events if isinstance(e, SegmentStart) and e.wall),
            key=lambda s: s[0],
        )
        self.starts = [w for w, _ in starts]
        self.segments = [s for _, s in starts]
        self._stamps = [w.timestamp() for w in self.starts]  # for placing thousands of messages
        first = next((e for e in events if isinstance(e, SessionStart)), None)
        self.session_start = self.starts[0] if self.starts else (first.wall if first else None)
        # The session ended at its session_end, else (cut short) at the last event written
        # while it ran (a `liftkit note` added the next day is not part of it).
        ended = (e.wall for e in reversed(events) if isinstance(e, SessionEnd))
        last = (e.wall for e in reversed(events) if e.wall and not _noted(e))
        self.end = next(ended, None) or next(last, None)
        self._end_stamp = self.end.timestamp() if self.end else float("inf")

    def place_stamp(self, stamp: float) -> int | str:
        """The segment current at `stamp` (a POSIX time), or BEFORE / AFTER the session."""
        if stamp >= self._end_stamp:
            return AFTER
        i = bisect_right(self._stamps, stamp) - 1
        return BEFORE if i < 0 else self.segments[i]


def _noted(event: JournalEvent) -> bool:
    """A reflection added with `liftkit note`, possibly long after the session."""
    return isinstance(event, Reflection) and event.source == Source.NOTE


# --------------------------------------------------------------------------- segment lengths


def segment_times(agenda: Agenda, events: Sequence[JournalEvent]) -> dict[int, SegmentTime]:
    """Each segment that ran, in whole session seconds: the replay's accounting, which
    `liftkit resume` shares (see liftkit.core.live.replay)."""
    return replay_journal(agenda, events).times


FAR_OUTSIDE = 2 * 3600  # a chat message sent this long before or after the session: another's


def another_meeting(
    log: ChatLog, total: int, timeline: Timeline, within: int, far: int
) -> str | None:
    """A warning when the log seems to be another meeting's: dated another day (Zoom's newest
    saved chat), none of its `total` messages within the session, or some sent hours before or
    after it."""
    if not total or timeline.session_start is None:
        return None
    start = timeline.session_start
    end = timeline.end or start
    span = f"{start:%H:%M}-{end:%H:%M}"
    if end - start < timedelta(minutes=2):  # a rehearsal's: "00:53-00:53" says too little
        span = f"{start:%H:%M:%S}-{end:%H:%M:%S}"
    if log.dates and not {f"{start:%Y-%m-%d}", f"{end:%Y-%m-%d}"} & set(log.dates):
        dated = log.dates[0] if len(log.dates) == 1 else f"{log.dates[0]} to {log.dates[-1]}"
        return (
            f"{log.source}: its messages are dated {dated}, the session {start:%Y-%m-%d}; "
            "is it this meeting's chat?"
        )
    if within == 0:
        none = (
            "its one message does not fall" if total == 1 else f"none of its {total} messages fall"
        )
        return (
            f"{log.source}: {none} within the session ({span}); is it this meeting's chat? "
            "(for transcripts, `chat_start` HH:MM:SS)"
        )
    if far:
        return (
            f"{log.source}: {far} of its {total} messages were sent more than "
            f"{FAR_OUTSIDE // 3600} hours before or after the session ({span}); is it this "
            "meeting's chat?"
        )
    return None
