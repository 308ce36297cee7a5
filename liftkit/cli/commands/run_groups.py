"""Breakout groups during `liftkit run`: made from --attendees, or read from --groups."""

from __future__ import annotations

import random
import re
import shlex
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from liftkit.cli.errors import note as show_note
from liftkit.cli.errors import save_crash_report, say, warn
from liftkit.core.agenda.model import Agenda
from liftkit.core.errors import FIELD, LiftkitError
from liftkit.core.files import read_input, write_atomic
from liftkit.core.groups.model import SplitRequest
from liftkit.core.groups.setup import hosts_note, placed_people
from liftkit.core.live.attendance import Attendance, kept_rooms
from liftkit.core.live.folders import ATTENDEE_COPIES, GROUPS_COPY
from liftkit.core.live.hosts_stay import hosts_stay
from liftkit.core.live.met import rounds_met
from liftkit.core.live.reshuffles import (
    file_round,
    met_again,
    no_more_than_the_file,
    reshuffle_as_file,
    reshuffle_family,
)
from liftkit.core.live.rooms import (
    breakout_segments,
    following,
    from_earlier,
    joined_again,
    min_size_notes,
    one_room_for_all,
    people_in,
    plan_from_people,
    plan_from_split,
    rooms_from,
    round_now,
    split_again,
    summary,
)
from liftkit.core.live.round_times import shares
from liftkit.core.live.screen import GroupsSummary
from liftkit.core.live.session import LiveSession
from liftkit.core.people.reader import Person, left_note, people_from, present, read_people
from liftkit.core.text import plural

HOSTS_REMEDY = (
    "to place them, make the rooms with: liftkit groups {attendees} --facilitator NAME "
    "-f json -o rooms.json, then run with --groups rooms.json"
)

if TYPE_CHECKING:
    from liftkit.core.groups.model import Round
    from liftkit.core.groups.split import Split


@dataclass
class GroupsPlan:
    people: list[Person] = field(default_factory=list)
    plans: dict[int, Split] = field(default_factory=dict)  # breakout segment -> its groups
    files: dict[str, Path] = field(default_factory=dict)
    groups_json: str | None = None  # a --groups file, kept in the session folder as JSON
    said: list[str] = field(default_factory=list)  # warnings and notes on the files given
    source: Split | None = None  # the --groups file: a reshuffle makes rooms as it made them
    starts: dict[int, int | None] = field(default_factory=dict)  # segment -> its file round
    attendance: Attendance | None = None  # the --attendees file, read again when it changes
    copies: dict[str, bytes] = field(default_factory=dict)  # a piped file's, to keep as read

    def record(self, session: LiveSession) -> None:
        """Keep the files in the session folder and journal each breakout's groups."""
        if self.groups_json is not None:
            write_atomic(session.folder / GROUPS_COPY, self.groups_json)
        if self.attendance is not None:
            self.attendance.note(session.folder)
        for name, data in self.copies.items():
            write_atomic(session.folder / name, data)
        for segment, split in sorted(self.plans.items()):
            session.record_groups(segment, split)

    def summary(self, session: LiveSession) -> GroupsSummary | None:
        engine = session.engine
        segment = engine.current
        if segment is None or segment.kind != "breakout":
            return None
        made = engine.groups.get(engine.index)
        if made is None:
            if self.people:
                return GroupsSummary(title=f"{len(self.people)} attendees")
            return None
        t = session.now()
        shown = summary(segment, made.split, engine.elapsed(t), engine.round_lengths(engine.index))
        if self.attendance is not None and self.attendance.changed():
            changed = f"{self.attendance.path.name} changed: a reshuffle reads it"
            return replace(shown, title=f"{changed} · {shown.title}")
        return shown

    def reshuffle(self, session: LiveSession) -> str:
        """Make the breakout's rooms again (s, then y); what happened, in one line. A fault
        in making them keeps the rooms there are and the session running, where it ended
        the session (resumable, but with 70 people waiting for their rooms)."""
        try:
            return self._reshuffle(session)
        except LiftkitError:
            raise  # the journal cannot be written: "NOT SAVED", as for any capture
        except Exception as exc:
            # one line a window shows whole: the error's words are in the report
            return (
                f"Rooms kept: the reshuffle failed ({type(exc).__name__}; {save_crash_report()})."
            )

    def _reshuffle(self, session: LiveSession) -> str:
        engine = session.engine
        segment = engine.current
        if segment is None or segment.kind != "breakout":
            return "Groups are for breakout segments: there is none now."
        made = engine.groups.get(engine.index)
        changes = None
        if self.attendance is not None:  # joiners and leavers since: rooms for those here
            try:
                changes = self.attendance.read_again(session.folder)
            except LiftkitError as error:
                return f"Rooms kept: {' '.join(error.lines())}"
            self.people = self.attendance.people
        people = self.people or (people_in(made.split) if made else [])
        if len(people) < 2:
            return "No one to reshuffle: the session started without --attendees or --groups."
        seed = random.SystemRandom().randrange(1, 1_000_000)
        agenda = engine.agenda
        # the rounds of this breakout that ran (its second of three is held): kept
        lengths = engine.round_lengths(engine.index)
        started = (
            0 if made is None else round_now(made.split, engine.elapsed(session.now()), lengths)
        )
        if (
            made
            and started < len(made.split.rounds)
            and one_room_for_all(made.split.rounds[started], people)
        ):  # "Groups reshuffled" over the same room, and "not all those made" as it closed
            return f"Rooms kept: one room holds all {len(people)} people; there is no other split."
        before = engine.groups.get(_breakout_before(agenda, engine.index))
        rooms = {i: g.split for i, g in engine.groups.items()}  # every breakout's, as they are
        # how many rounds of the other breakouts met: none of one passed through with n
        met = {i: rounds_met(shares(engine.round_lengths(i), len(g.split.rounds)),
                             engine.elapsed_done[i])
               for i, g in engine.groups.items() if i != engine.index}  # fmt: skip
        rooms_now = made.split.rounds[started:] if made is not None else ()
        # each facilitator keeps the room they have now (a café's table hosts stay put)
        hosts_at = rooms_now[0] if rooms_now else None
        if segment.join_groups and before is not None and before.split.rounds:
            made_now = joined_again(segment, before.split, rooms_now, seed)
            seed = made_now.seed or seed  # the one that gave other rooms
        elif self.source is not None and made is not None and not segment.join_groups:
            # rooms of the groups file, or kept from the breakout before's (`same_groups`)
            if engine.index not in self.starts:  # before the first reshuffle: the file's rooms
                # rooms kept from a breakout reshuffled before: the file's round it held
                own = _breakout_before(agenda, engine.index, True) if from_earlier(segment) else -1
                self.starts[engine.index] = (
                    self.starts[own] if own in self.starts else file_round(self.source, made.split)
                )
            start = self.starts[engine.index]
            try:
                made_now = reshuffle_as_file(self.source, start, made.split, seed, started)
                seed = made_now.seed or seed  # the one that gave other rooms
            except LiftkitError as error:
                why = re.sub(FIELD, r"\1", str(error))  # the file's settings, not run's flags
                return (
                    f"Rooms kept: they cannot be made again as the groups file made them ({why})."
                )
            # or the file's rounds to come in another order, where those meet fewer again
            weeks_before = self.source.rounds[:start] if start else ()
            plans = no_more_than_the_file(agenda, engine.index, rooms, made_now, weeks_before,
                                          seed, met, started)  # fmt: skip
            made_now = _record_the_others(session, agenda, plans, hosts_at)
        elif from_earlier(segment):
            # rooms from the breakout before: split as that one was, then kept or joined
            origin = replace(
                agenda.segments[_breakout_before(agenda, engine.index, True)], rounds=1
            )
            made_now = split_again(segment, origin, people, rooms_now, seed)
            seed = made_now.seed or seed
        else:
            # this breakout and the later ones that split alike, after the earlier ones' rounds
            plans = reshuffle_family(agenda, engine.index, people, seed, rooms, met, started)
            made_now = _record_the_others(session, agenda, plans, hosts_at)
            seed = made_now.seed or seed  # the one that gave other rooms
        made_now = hosts_stay(hosts_at, made_now, started)
        _record_with_followers(session, agenda, engine.index, made_now)
        rooms = {i: g.split for i, g in engine.groups.items()}  # as they are now
        file_start = self._file_start(agenda)
        again = met_again(agenda, engine.index, rooms, self.source, file_start, met)
        done = f"Groups reshuffled (seed {seed}){again}"
        if changes is None:
            return done
        now = made_now.rounds[started] if started < len(made_now.rounds) else None
        was = made.split.rounds[started] if made and started < len(made.split.rounds) else None
        kept = kept_rooms(was, now) if was and now else ""
        return f"{done} {changes.said(kept, now)}"  # the rooms first: a window cuts the end

    def _file_start(self, agenda: Agenda) -> int | None:
        """The groups file's round (from 0) that the session's first breakout took (a
        programme's week), from its first rooms; None without a file, or not found."""
        own = [i for i in breakout_segments(agenda) if not from_earlier(agenda.segments[i])]
        if self.source is None or not own:
            return None
        if own[0] in self.starts:
            return self.starts[own[0]]
        first = self.plans.get(own[0])
        return file_round(self.source, first) if first is not None else None


def _record_the_others(session: LiveSession, agenda: Agenda, plans: dict[int, Split],
                       hosts_at: Round | None) -> Split:  # fmt: skip
    """The current breakout's rooms from `plans` (segment -> rooms), once every other
    breakout's there are recorded, each facilitator in the room they have in `hosts_at`
    (the current breakout's rooms now)."""
    made_now = plans.pop(session.engine.index)
    for i, split in plans.items():
        _record_with_followers(session, agenda, i, hosts_stay(hosts_at, split))
    return made_now


def _record_with_followers(session: LiveSession, agenda: Agenda, index: int,
                           split: Split) -> None:  # fmt: skip
    """Journal a breakout's new rooms, and those of the segments that take them."""
    session.record_groups(index, split)
    for later in following(agenda, index):
        split = rooms_from(agenda.segments[later], split)
        session.record_groups(later, split)


def _breakout_before(agenda: Agenda, index: int, own_rooms: bool = False) -> int:
    """The last breakout before segment `index` (-1 when there is none); with `own_rooms`,
    the last that makes rooms of its own, whose rooms `same_groups` segments keep."""
    for i in reversed(range(index)):
        segment = agenda.segments[i]
        if segment.kind == "breakout" and not (own_rooms and from_earlier(segment)):
            return i
    return -1


def split_notes(plans: dict[int, Split], told: set[str]) -> list[str]:
    """The notes of the splits made, each once and in order (`4 facilitators for 6 groups:
    2 groups have none in each round`), as `liftkit groups` says them; not those in `told`."""
    notes: list[str] = []
    for _, split in sorted(plans.items()):
        notes.extend(note for note in split.notes if note not in notes and note not in told)
    return notes


def prepare_groups(
    agenda: Agenda,
    attendees: Path | None,
    groups: Path | None,
    seed: int | None,
    first: int | None = None,
) -> GroupsPlan:
    """Read --attendees or --groups and split for each breakout, before the session begins;
    `first` is the round of the --groups file the first breakout takes (--round)."""
    if first is not None and groups is None:
        raise LiftkitError(f"--round {first}: picks a round of a groups file", "add --groups FILE")
    if attendees is not None and groups is not None:
        raise LiftkitError(
            "give --attendees or --groups, not both",
            "--groups uses groups made earlier; --attendees makes them now",
        )
    plan = GroupsPlan()
    if attendees is not None and str(attendees) == "-":
        raise LiftkitError(
            "--attendees -: standard input is for the host's keys and commands here",
            "give the attendee file's path",
        )
    if attendees is not None:
        suffix = attendees.suffix.lower()
        name = ATTENDEE_COPIES[0] if suffix in (".csv", ".tsv") else ATTENDEE_COPIES[1]
        raw = read_input(attendees, "an attendee list", "check the path to the attendee list")
        read = people_from(raw, str(attendees))
        if attendees.is_file():
            plan.files[name] = attendees
        else:  # a pipe (`<(…)`): read once, its bytes kept for the session folder's copy
            plan.copies[name] = raw
        for warning in read.warnings:
            warn(warning)
        for note in read.notes:
            show_note(note)
        plan.people, gone = present(read)
        if gone:
            read.notes.append(left_note(str(attendees), gone))
            show_note(read.notes[-1])
        plan.said = [f"Warning: {w}" for w in read.warnings] + [f"Note: {n}" for n in read.notes]
        plan.attendance = Attendance.start(attendees, plan.people, raw)
        if seed is None:
            seed = random.SystemRandom().randrange(1, 1_000_000)
        plan.plans = plan_from_people(agenda, plan.people, seed)
        hosts = placed_people(plan.people, SplitRequest())[1]
        told = {hosts_note(hosts)} if hosts else set()  # said below, with run's remedy
        for said in [*split_notes(plan.plans, told), *min_size_notes(agenda, plan.plans)]:
            show_note(said)
            plan.said.append(f"Note: {said}")
        if hosts and plan.plans:
            said = hosts_note(hosts, HOSTS_REMEDY.format(attendees=shlex.quote(str(attendees))))
            show_note(said)
            plan.said.append(f"Note: {said}")
        if plan.plans:
            say(
                f"Groups made for {plural(len(plan.plans), 'breakout segment')} with seed {seed} "
                f"(--seed {seed} makes the same again)."
            )
    elif groups is not None:
        from liftkit.core.groups.formats import load_groups_file, to_json

        split = load_groups_file(groups)
        plan.plans, notes = plan_from_split(agenda, split, first)
        for note in notes:
            warn(note)
        plan.said = [f"Warning: {note}" for note in notes]
        plan.groups_json = to_json(split)
        plan.source = split
    return plan


def prepare_groups_for_resume(session: LiveSession) -> GroupsPlan:
    """People from the session folder's attendee copy; groups come back from the journal,
    and the groups file's copy, for a reshuffle to make rooms as the file made them."""
    plan = GroupsPlan()
    for name in ATTENDEE_COPIES:
        path = session.folder / name
        if path.is_file():
            plan.people = present(read_people(path))[0]
            plan.attendance = Attendance.resumed(session.folder, plan.people)
            break
    copy = session.folder / GROUPS_COPY
    if copy.is_file():
        from liftkit.core.groups.formats import load_groups_file
        from liftkit.core.live.events import GroupsMade
        from liftkit.core.live.journal import JOURNAL_NAME, read_journal

        try:
            plan.source = load_groups_file(copy)
        except LiftkitError as error:  # never a reason not to carry on with the session
            warn(f"{error}; a reshuffle makes rooms from the people in them instead")
            return plan
        # Each breakout's first rooms are the file's (a reshuffle since replaced them): the
        # round they hold is the week whose earlier rounds a reshuffle now still avoids.
        for event in read_journal(session.folder / JOURNAL_NAME).events:
            if isinstance(event, GroupsMade) and event.segment is not None:
                plan.starts.setdefault(event.segment, file_round(plan.source, event.split))
    return plan
