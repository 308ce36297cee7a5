"""One replay of a journal, for everything that reads one: `liftkit resume`, `liftkit note` and
the report. The engine decides what each event does (so pauses and overruns are counted in one
place); the replay adds what only a reader of the whole journal needs: how the session began,
when the last event was written, and how long each segment was current.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from liftkit.core.agenda.durations import format_duration
from liftkit.core.agenda.model import Agenda
from liftkit.core.errors import LiftkitError
from liftkit.core.live.engine import ENDED, PAUSED, RUNNING, Engine
from liftkit.core.live.events import (
    GroupsMade,
    JournalEvent,
    NotesShown,
    Reflection,
    SegmentEnd,
    SegmentStart,
    SessionEnd,
    SessionStart,
    Source,
    Status,
    Stop,
    StopReason,
)
from liftkit.core.live.folders import read_start_at
from liftkit.core.live.journal import JOURNAL_NAME, JournalRead
from liftkit.core.live.met import rounds_met
from liftkit.core.live.round_times import shares
from liftkit.core.text import command_line
from liftkit.core.zones import session_zone, start_words


@dataclass
class SegmentTime:
    """How long a segment was current, in whole session seconds (scaled by --rehearse)."""

    started: datetime | None  # the wall-clock time it first became current
    took: int = 0  # from each start to the next segment or the end, pauses included
    paused: int = 0  # the part of `took` the clock was paused


@dataclass
class Replay:
    engine: Engine
    start: SessionStart | None = None  # the journal's session_start, when it has one
    last_wall: datetime | None = None  # when the host's liftkit last wrote (notes aside)
    times: dict[int, SegmentTime] = field(default_factory=dict)
    anchor: tuple[float, datetime] | None = None  # (session time, wall time) last written

    @property
    def rate(self) -> float:
        """The --rehearse factor the session runs at."""
        return self.start.rehearse if self.start is not None else 1.0

    def run_on(self, wall_now: datetime) -> None:
        """The current segment's time run on to `wall_now`, for a session still running: its
        next event may be minutes away (a round given 5 minutes writes none till it ends),
        and its time is not cut short at the last. Its pauses count as the journal's do."""
        engine = self.engine
        ran = self.times.get(engine.index)
        if self.anchor is None or ran is None or engine.status not in (RUNNING, PAUSED):
            return
        mono, wall = self.anchor  # the session clock at wall_now, as `liftkit view` reads it
        now = mono + (wall_now - wall).total_seconds() * self.rate
        more = max(0, round(now) - round(engine.last_mono))  # the spans end at the last event
        ran.took += more
        ran.paused += more if engine.status == PAUSED else 0


def replay_journal(agenda: Agenda, events: Sequence[JournalEvent]) -> Replay:
    """The state a journal leads to, and each segment's time.

    Times are the journal's session seconds (`mono`), rounded to whole seconds before they
    are subtracted so that the rounded lengths add up. A journal without `mono` (written by
    hand) is timed by its wall-clock seconds times the rehearsal factor.
    """
    result = Replay(Engine(agenda))
    result.start = next((e for e in events if isinstance(e, SessionStart)), None)
    clock = _wall_seconds(events, result.rate) if _without_mono(events) else None
    spans = _Spans(result.times)
    for event in events:
        if clock is not None:
            event = replace(event, mono=clock(event))
        before = result.engine.status
        result.engine.apply(event)
        spans.follow(event, before, result.engine)
        if event.wall is not None and not _noted(event):
            # a note carries the session clock of the last event before it, not its own:
            # taken as the last event, a note written after a crash cut the time away
            result.last_wall = event.wall
            if event.mono is not None:
                result.anchor = (event.mono, event.wall)
    spans.close(round(result.engine.last_mono))  # cut short: the current segment ran till then
    return result


def rounds_that_met(replayed: Replay, segment: int, rounds: int) -> int:
    """How many of a breakout's `rounds` met, from the time it ran (pauses not counted)."""
    ran = replayed.times.get(segment)
    running = ran.took - ran.paused if ran is not None else 0
    return rounds_met(shares(replayed.engine.round_lengths(segment), rounds), running)


def check_agenda_copy(agenda: Agenda, events: Sequence[JournalEvent], path: Path) -> None:
    """Refuse an agenda copy (`path`) changed under the journal: the journal counts segments
    by their place, so a segment added before one that ran, or the segments reordered or
    removed, would put every reflection, poll and time after it under another segment. A
    segment that ran keeps its length too: the agenda as run is the length it was planned
    for, which the journal holds (a copy edited from 2m to 10m made a 4m 38s segment no
    overrun)."""
    for event in events:
        if not isinstance(event, SegmentStart) or not event.title:
            continue
        i, segments = event.segment, agenda.segments
        now = f'"{segments[i].title}"' if 0 <= i < len(segments) else "no such segment"
        if not 0 <= i < len(segments) or segments[i].title != event.title:
            raise LiftkitError(
                f'{path}: segment {i + 1} ran as "{event.title}", but this copy of the agenda '
                f"has {now} there: it was changed after the session began",
                "put the segments that ran back in their places and words (a segment may be "
                "added after them); the journal keeps everything else",
            )
        planned = event.planned
        if planned is not None and planned > 0 and planned != segments[i].duration:
            ran = format_duration(round(planned))
            raise LiftkitError(
                f'{path}: segment {i + 1}, "{event.title}", ran planned for {ran}, but this copy '
                f"of the agenda gives it {format_duration(segments[i].duration)}: it was "
                "changed after the session began",
                f"put its duration back to {ran} (only segments to come may change; + and - "
                "change the length of the one running); the journal keeps everything else",
            )


# What a journal may hold before its session_start: the rooms made as `run` opened, the
# host notes hidden or shown while it waited, a stop.
BEFORE_START = (GroupsMade, NotesShown, Stop)


def _noted(event: JournalEvent) -> bool:
    """A reflection added with `liftkit note`, possibly long after the session."""
    return isinstance(event, Reflection) and event.source == Source.NOTE


def _without_mono(events: Sequence[JournalEvent]) -> bool:
    return any(e.mono is None for e in events if not _noted(e))


def _wall_seconds(
    events: Sequence[JournalEvent], rate: float
) -> Callable[[JournalEvent], float | None]:
    first = next((e.wall for e in events if e.wall is not None and not _noted(e)), None)

    def seconds(event: JournalEvent) -> float | None:
        if event.wall is None or first is None or _noted(event):
            return None
        return max((event.wall - first).total_seconds() * rate, 0.0)

    return seconds


class _Spans:
    """Each segment's time, from the engine's moves: a segment is current from its start to
    the next segment_start, segment_end or session_end; paused while the engine is."""

    def __init__(self, times: dict[int, SegmentTime]) -> None:
        self.times = times
        self.current: SegmentTime | None = None
        self.since = 0
        self.paused_since: int | None = None

    def follow(self, event: JournalEvent, status: Status, engine: Engine) -> None:
        """Take in one event, given the engine's status before it and the engine after."""
        at = round(engine.last_mono)
        if isinstance(event, SegmentStart | SegmentEnd | SessionEnd):
            if isinstance(event, SegmentStart) and engine.index != event.segment:
                return  # a segment the agenda does not have: the current one goes on
            self.close(at)
            if isinstance(event, SegmentStart):
                self.current = self.times.setdefault(event.segment, SegmentTime(event.wall))
                self.since = at
        elif self.current is not None and status == RUNNING and engine.status == PAUSED:
            self.paused_since = at
        elif self.paused_since is not None and status == PAUSED and engine.status == RUNNING:
            if self.current is not None:
                self.current.paused += at - self.paused_since
            self.paused_since = None

    def close(self, at: int) -> None:
        if self.current is not None:
            self.current.took += max(0, at - self.since)
            if self.paused_since is not None:
                self.current.paused += max(0, at - self.paused_since)
        self.current, self.paused_since = None, None


def not_started(read: JournalRead) -> bool:
    """Whether the journal is that of a session not started: holding only what comes before
    its start (the rooms made as `run` opened, notes shown or hidden, a quit) and reflections
    sent in with `liftkit note` meanwhile, and no line lost."""
    return all(isinstance(e, BEFORE_START) or _noted(e) for e in read.events) and len(
        read.warnings
    ) == (1 if read.torn_bytes else 0)


def nothing_to_export(folder: Path, read: JournalRead, now: datetime | None = None) -> None:
    """Refuse to write the pack of a session not started (quit while it waited for its
    start) with nothing captured: every segment came out "not run", with no date and no word.
    Reflections sent in with `liftkit note` meanwhile make a pack, in segment 1."""
    if any(isinstance(e, SessionStart) or _noted(e) for e in read.events):
        return
    if not not_started(read):
        return
    start = read_start_at(folder)
    when = ""
    if start is not None:
        zone = session_zone(start)
        when = start_words(zone(start), zone(now or datetime.now(start.tzinfo)))
    stops = [e for e in read.events if isinstance(e, Stop)]
    if not stops:
        how = f"it is to start{when}" if when else "it was not started"
        what = "has not started"
    else:
        how = "it was quit" if stops[-1].reason == StopReason.QUIT else "liftkit was stopped"
        how += f" while waiting to start{when}" if when else " before it started"
        what = "never started"
    raise LiftkitError(
        f"{folder}: the session {what} ({how}); nothing to export",
        f"to start it: {command_line('liftkit', 'resume', folder)}",
    )


def check_resumable(folder: Path, read: JournalRead, replayed: Replay) -> None:
    """Refuse, in one line, a session that cannot go on: ended, or without its start."""
    if replayed.engine.status == ENDED:
        raise LiftkitError(
            f"{folder}: this session has ended",
            f"add reflections with `{command_line('liftkit', 'note', folder)} TEXT`, or write "
            f"the pack with `{command_line('liftkit', 'export', folder)}`",
        )
    # Not started: a journal empty (a crash while waiting for the start), or holding only
    # what comes before it (the rooms `--attendees` made, notes shown or hidden), a quit
    # and reflections sent in with `liftkit note` meanwhile; it starts when resumed. A
    # journal whose lines were lost is refused.
    if replayed.start is None and not not_started(read):
        broken = next((w for w in read.warnings if "session_start" in w), None)
        fix = "fix that line" if broken else "put its line back, before the first segment_start"
        raise LiftkitError(
            broken or f"{folder / JOURNAL_NAME}: the journal has no session_start event",
            f"a session cannot go on without it: {fix} (docs/journal.md), or write the pack "
            f"of what was captured with `{command_line('liftkit', 'export', folder)}`",
        )
