"""What plain mode prints, a line per change: a segment's block when it begins, the events
of the session, and the status line once a minute. The same words as the live screen's
(screen.py), laid out as lines for a log.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from liftkit.core.agenda.durations import format_clock, format_duration
from liftkit.core.agenda.model import Agenda, Segment
from liftkit.core.live.engine import PAUSED, Engine
from liftkit.core.live.events import (
    Extend,
    GroupsMade,
    JournalEvent,
    Pause,
    PollCounts,
    Reflection,
    Resume,
    SegmentStart,
    SessionEnd,
    SessionResume,
    SessionStart,
    Stop,
    TimeWarning,
    stop_words,
)
from liftkit.core.live.screen import minutes_phrase
from liftkit.core.live.segment_view import SegmentView
from liftkit.core.text import plural


def event_lines(
    event: JournalEvent,
    view: SegmentView,
    agenda_segments: Sequence[Segment],
    notes: bool = False,
    hushed: bool = False,
) -> list[str]:
    """What plain mode prints for a journal event (several lines for a segment start); with
    `notes`, a segment's host notes too (the host's own console, never the audience's).
    `hushed`: a segment start whose strict silence is still under way, printed without its
    prompt, questions and polls, which silence_over says when the silence ends."""
    i = getattr(event, "segment", None)
    segment = agenda_segments[i] if i is not None and 0 <= i < len(agenda_segments) else None
    title = segment.title if segment is not None else ""
    match event:
        case SessionStart():
            return [f"session started: {event.title}"]
        case SegmentStart() if segment is not None:
            host = [f"  host notes: {segment.notes}"] if notes and segment.notes else []
            return _segment_lines(event.segment, segment, view, hushed=hushed) + host
        case TimeWarning(round=ended) if ended and segment is not None:
            if event.before:
                return [f"! {format_duration(event.before)} left in round {ended} of {title}"]
            began = f"round {ended + 1} of {segment.rounds} begins in {title}: new rooms"
            return [began, *_round_lines(segment, ended + 1)]
        case TimeWarning(before=0):
            auto = segment is not None and segment.auto_advance
            return [] if auto else [f"! time is up for {title}"]
        case TimeWarning(before=before):
            return [f"! {format_duration(before)} left in {title}"]
        case Pause():
            return [f"paused {title}"]
        case Resume():
            return [f"resumed {title}: {time_left(view)}"]
        case Extend(seconds=seconds):
            sign = "+" if seconds > 0 else "-"
            return [f"{sign}{format_duration(int(abs(seconds)))} for {title}: {time_left(view)}"]
        case Reflection(author=author, text=text):
            who = f"{author}: " if author else ""
            return [f"saved reflection ({view.reflections}): {who}{text}"]
        case PollCounts():
            return [_poll_line(event)]
        case GroupsMade():
            return [f"groups made for {title}"]
        case SessionEnd():
            return [f"session complete: {plural(view.reflections, 'reflection')} captured"]
        case SessionResume():
            return ["session resumed"]
        case Stop(reason=reason):
            # the resume command, with the folder, is said once: by the controller on a
            # quit, and by the command's last line on stderr
            return [f"stopped ({stop_words(reason)})"]
    return []


def host_lines(event: JournalEvent, engine: Engine, now: float, notes: bool) -> list[str]:
    """What the host's plain mode prints for an event just written, as of the time it fell
    on: a change of segment caught up late (after a freeze, or a wake-up at --rehearse 600
    a session minute late) is the segment as it began, not "it keeps the time it had".
    A warning for a segment the same write has left (it ended meanwhile), or overtaken by a
    later one of its segment already due (after a freeze, "2m left" with "time is up"), is
    not said."""
    if isinstance(event, TimeWarning) and (
        engine.index != event.segment or overtaken(event, engine, now)
    ):
        return []
    view = engine.view(event.mono if event.mono is not None else now)
    return event_lines(event, view, engine.agenda.segments, notes, hushed(event, engine, now))


def overtaken(warning: TimeWarning, engine: Engine, now: float) -> bool:
    """Whether a later warning of `warning`'s segment (a shorter lead, or time up) fell due
    by `now` and has been given: the earlier one's moment has passed."""
    deadline = engine.deadline()
    if deadline is None:
        return False
    points = engine.warning_points(warning.segment)
    lead = next((a for r, a, b in points if (r, b) == (warning.round, warning.before)), None)
    return lead is not None and any(
        a < lead and deadline - a <= now and (warning.segment, b, r) in engine.fired
        for r, a, b in points
    )


def hushed(event: JournalEvent, engine: Engine, now: float) -> bool:
    """Whether `event` begins a segment whose strict silence is still under way at `now`:
    its prompt waits for the silence's end, as the screens hold it (a start caught up after
    the silence ended, after a freeze, is printed whole)."""
    return (
        isinstance(event, SegmentStart)
        and engine.index == event.segment
        and engine.view(now).silence_left > 0
    )


def time_left(view: SegmentView) -> str:
    """The time left as the countdown reads it (rounded up), as the minute line says it:
    "08:12 left", or in a breakout of several rounds "08:12 left in round 1 of 2"; over
    time (a minute given to a segment 14 minutes over), "still 13:05 over time"."""
    left = f"{format_clock(math.ceil(max(view.round_left, 0)))} left"
    if view.round_left <= -1:
        left = f"still {format_clock(math.floor(-view.round_left))} over time"
    return f"{left} in round {view.round} of {view.rounds}" if view.round else left


def segment_now_lines(view: SegmentView) -> list[str]:
    """The current segment's block, as its start printed it, for a log that begins in the
    middle of it (`liftkit view` opened after the host started): its time left is said by
    the status line that follows, and its silence only while it lasts."""
    if view.segment is None:
        return []
    hushed = view.silence_left > 0  # its end, with the prompt, is said when it comes
    return _segment_lines(view.index, view.segment, view, joined=True, hushed=hushed)


def polls_now_lines(view: SegmentView, polls: Sequence[PollCounts]) -> list[str]:
    """The poll results already recorded in the current segment (the last of each poll), as
    their recording printed them, for a log that begins in the middle of it: the audience's
    screen shows their bars."""
    last = {poll.poll: poll for poll in polls if poll.segment == view.index}
    return [_poll_line(last[number]) for number in sorted(last)]


def _poll_line(poll: PollCounts) -> str:
    shown = ", ".join(f"{k} {v}" for k, v in poll.counts.items())
    return f"saved poll: {poll.question} {shown}"


def _segment_lines(
    i: int, segment: Segment, view: SegmentView, joined: bool = False, hushed: bool = False
) -> list[str]:
    lines = [
        f"> {i + 1}/{view.count} {segment.title} ({segment.kind}, "
        f"{format_duration(int(view.duration or segment.duration))})"
    ]
    if joined:
        if view.silence_left > 0:
            lines.append(f"  {_silence_left(view)}")
    elif view.index == i and view.elapsed >= 1:  # back to a segment begun before
        left = "its time is up" if view.overrun else time_left(view)
        lines.append(f"  {left}: it keeps the time it had")
    elif segment.silence:
        lines.append(f"  {format_duration(int(segment.silence))} of strict silence first")
    return lines if hushed else lines + asked_lines(i, segment, view)


def asked_lines(i: int, segment: Segment, view: SegmentView) -> list[str]:
    """A segment's prompt, questions and polls, as its block prints them."""
    lines = [f"  {segment.prompt}"] if segment.prompt else []
    held = view.round if view.index == i and view.round else 1  # a café's round 1 begins
    for n, question in enumerate(segment.asked_in(held), start=1):
        lines.append(f"  {n}. {question}")
    many = len(segment.polls) > 1
    for n, poll in enumerate(segment.polls, start=1):
        lines.append(
            f"  poll{f' {n}' if many else ''}: {poll.question} [{' / '.join(poll.options)}]"
        )
    return lines


def _round_lines(segment: Segment, held: int) -> list[str]:
    """The questions round `held` asks of its own, numbered after the segment's, as the
    screen shows them."""
    first = len(segment.questions) + 1
    return [f"  {n}. {q}" for n, q in enumerate(segment.round_asks(held), start=first)]


def status_line(view: SegmentView, behind: float | None = None) -> str:
    """The line plain mode prints each minute."""
    if view.segment is None:
        return ""
    over = math.floor(-view.remaining)
    if not view.overrun:
        left = time_left(view)  # as the countdown reads
    elif over < 1:  # not a second over yet: "+00:00 OVER TIME" read as a contradiction
        left = "time is up"
    else:
        left = f"+{format_clock(over)} OVER TIME"
    state = " (paused)" if view.status == PAUSED else ""
    # The segment's time, then the session's: "OVER TIME · session on time" is both true.
    line = (
        f"{view.index + 1}/{view.count} {view.segment.title}: {left}{state} · "
        f"session {minutes_phrase(view.behind if behind is None else behind)}"
    )
    # a strict silence under way, as the segment's block says it: the host typing status
    # (or resuming) in the middle of one was told only the time left
    return f"{line} · {_silence_left(view)}" if view.silence_left > 0 else line


def _silence_left(view: SegmentView) -> str:
    """ "22s of strict silence left" ("first" before the segment's first second)."""
    still = "first" if view.elapsed < 1 else "left"
    return f"{format_duration(math.ceil(view.silence_left))} of strict silence {still}"


def starts_with(agenda: Agenda) -> str:
    """What comes first, as the full screen's wait shows it: " with 1/4 Alone (1m)"."""
    first = agenda.segments[0]
    return f" with 1/{len(agenda.segments)} {first.title} ({format_duration(int(first.duration))})"
