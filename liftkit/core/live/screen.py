"""Everything the live screen says, computed from the engine's view (plain mode's lines are
in plain_lines.py).

The renderers (rich full screen, plain lines) only lay these texts out.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from liftkit.core.agenda.durations import format_clock, format_duration
from liftkit.core.live.controls import (
    CONFIRM,
    HELP,
    LEGEND,
    ROOMS_LEGEND,
    Ui,
    help_keys,
    hidden_keys,
    legend_now,
)
from liftkit.core.live.engine import ENDED, NOT_STARTED, PAUSED, USED_UP
from liftkit.core.live.events import PollCounts
from liftkit.core.live.segment_view import SegmentView
from liftkit.core.text import hhmm, hhmmss, plural
from liftkit.core.timeparse import later
from liftkit.core.zones import session_zone

NORMAL, WARN, OVER, PAUSED_TONE, SILENCE, DONE = (
    "normal",
    "warn",
    "over",
    "paused",
    "silence",
    "done",
)


@dataclass(frozen=True)
class GroupsSummary:
    """The breakout groups of the current segment, as lines for the screen."""

    title: str  # e.g. "15 rooms of 4-5 (73 people), round 1"
    rooms: Sequence[tuple[str, Sequence[str]]] = ()  # (room name, member names)
    round: int = 1  # the round being held, of `rounds`
    rounds: int = 1


@dataclass(frozen=True)
class PollBars:
    """A poll's results as recorded: shown with bars until the segment moves on."""

    question: str
    counts: tuple[tuple[str, int], ...]  # (option, count) in the poll's order

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)

    def percent(self, count: int) -> int:
        """The share of `count` as the event pack gives it (equal counts, equal shares)."""
        from liftkit.core.report.shares import largest_remainder  # only once a poll shows

        counts = [c for _, c in self.counts]
        shares = dict(zip(counts, largest_remainder(counts), strict=True))
        return shares.get(count, round(100 * count / self.total) if self.total else 0)


@dataclass(frozen=True)
class Screen:
    title: str
    wall_clock: str
    position: str  # "2/5"
    segment_title: str
    kind: str
    countdown: str  # "04:59", "+01:23"
    tone: str
    status: str  # a word or phrase that never relies on colour: "1 MINUTE LEFT"
    segment_line: str  # "2:13 of 5:00"
    segment_progress: float
    session_line: str  # "planned end 15:00 · projected 15:03 · 3 min behind"
    session_progress: float
    prompt: str
    questions: Sequence[str]
    notes: str
    next_line: str
    groups: GroupsSummary | None
    message: str
    legend: Sequence[tuple[str, str]] = LEGEND
    keys_help: Sequence[tuple[str, str]] = HELP  # what ? shows
    confirm: str = ""
    show_help: bool = False
    reflections: int = 0
    polls: Sequence[str] = ()  # "Poll: question [Yes / No]": p records the results
    poll_counts: Sequence[PollBars] = ()  # the polls of this segment with results
    # Each of `polls` and `poll_counts` in the agenda's order: recorded (True) or not
    poll_order: Sequence[bool] = ()
    input_label: str = ""  # the input line, while the host types a reflection or counts
    rooms_view: bool = False  # every room in full, in place of the prompt and notes
    rooms_page: int = 0  # from rooms_found[0]'s page, modulo the pages the window needs
    rooms_found: tuple[tuple[str, str], ...] = ()  # (room, member as shown) marked in it
    input_text: str = ""
    input_detail: str = ""  # above the input line: the whole poll question
    # session_line for a narrow window, keeping which way it runs: "end 15:03 · 3 mins behind"
    session_short: str = ""


def minutes_phrase(seconds: float) -> str:
    """ "3 mins behind"; from an hour on in hours ("18 h 50 mins behind", a session resumed
    the next morning), where "1130 mins" is not read at a glance."""
    hours, minutes = divmod(round(abs(seconds) / 60), 60)
    if not hours and not minutes:
        return "on time"
    said = f"{hours} h" if hours else ""
    if minutes:
        said += f" {minutes} {'min' if minutes == 1 else 'mins'}"
    return f"{said.strip()} {'behind' if seconds > 0 else 'ahead'}"


def day_and_time(moment: datetime, today: datetime, show: Callable[[datetime], str]) -> str:
    """ "14:23", or "Mon 14:23" on another day than `today` (a planned end of yesterday's,
    seen on resuming the next morning; one past midnight)."""
    if moment.date() == today.date():
        return show(moment)
    return f"{('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')[moment.weekday()]} {show(moment)}"


def countdown_text(view: SegmentView) -> str:
    if view.status == ENDED:
        return "00:00"
    if view.remaining < 0:
        return "+" + format_clock(math.floor(-view.remaining))
    if view.silence_left > 0:
        return format_clock(math.ceil(view.silence_left))
    return format_clock(math.ceil(view.round_left))  # a round's time, in a breakout of rounds


def time_left_words(seconds: int) -> str:
    """ "1 MIN", "5 MINS", "1 MIN 30 SEC", "30 SECONDS": never read as 1 million."""
    minutes, secs = divmod(seconds, 60)
    if not minutes:
        return f"{secs} SECONDS" if secs != 1 else "1 SECOND"
    words = f"{minutes} MIN" if minutes == 1 else f"{minutes} MINS"
    return f"{words} {secs} SEC" if secs else words


def tone_and_status(view: SegmentView) -> tuple[str, str]:
    tone, status = _tone_and_status(view)
    if view.round and view.status != ENDED:  # what the countdown counts: the round's time
        status = f"round {view.round} of {view.rounds} · {status}"
    return tone, status


def _tone_and_status(view: SegmentView) -> tuple[str, str]:
    if view.status == ENDED:
        return DONE, "SESSION COMPLETE"
    if view.status == NOT_STARTED:
        return PAUSED_TONE, "WAITING TO START"
    if view.status == PAUSED:
        return PAUSED_TONE, "■ PAUSED (space resumes)"
    if view.overrun:
        return OVER, "▲ OVER TIME"
    if view.silence_left > 0:
        return SILENCE, "SILENCE: please reflect quietly"
    if view.warning is not None:
        return WARN, f"▲ {warning_words(view.warning, view.round_left)} LEFT"
    return NORMAL, "running"


def warning_words(warning: float, remaining: float) -> str:
    """What is left, in words that stay true after b, + or -: "5 MINS" as a 5-minute
    warning falls due, but "UNDER 4 MINS" on coming back to a segment with 3:40 left."""
    shown = math.ceil(remaining)  # as the countdown shows it
    if shown >= warning:  # the warning has just fallen due
        return time_left_words(int(warning))
    if shown <= 0 or (warning >= 60 and shown % 60 == 0):  # exactly so many minutes
        return time_left_words(max(shown, 0))
    if warning < 60:
        return f"UNDER {time_left_words(int(warning))}"
    return f"UNDER {time_left_words(math.ceil(shown / 60) * 60)}"


@dataclass(frozen=True)
class Schedule:
    planned_end: datetime | None
    projected_end: datetime | None
    behind: float  # session seconds the session is projected to run over (negative: ahead)


def schedule(
    view: SegmentView, now_wall: datetime, start_wall: datetime | None, rate: float
) -> Schedule:
    """Planned and projected end on the wall clock, from the planned (or first) start.

    The planned end never moves: it comes from the start the journal recorded, not from
    when this process began, so a resume or a pause shows up as time behind."""
    if start_wall is None:
        return Schedule(None, None, view.behind)
    planned = later(start_wall, view.planned_total / rate)
    if view.status == NOT_STARTED:
        return Schedule(planned, planned, 0.0)
    left = view.projected_total - view.session_elapsed
    projected = later(now_wall, left / rate)
    if planned is None or projected is None:  # beyond the last date: a rehearsal slowed down
        return Schedule(planned, projected, view.behind)
    return Schedule(planned, projected, (projected - planned).total_seconds() * rate)


def build_screen(
    view: SegmentView,
    ui: Ui,
    *,
    title: str,
    now_wall: datetime,
    session_start_wall: datetime | None,
    rate: float,
    now: float,
    groups: GroupsSummary | None = None,
    start_at: datetime | None = None,
    host: bool = True,
    poll_results: Sequence[PollCounts] = (),
    folder: str = "",
) -> Screen:
    """The screen for this moment. `host=False` leaves out what only the host sees (notes,
    keys, messages, confirmations, typed text, and how far behind or ahead the session runs):
    the audience's screen. `folder` is the session's, as the help names it to resume."""
    # Waiting for a --start time: the first segment is shown as it will be (its title, prompt
    # and questions, and the host's notes to read before it begins), its clock not yet running.
    # One zone on one screen, the session's (the host's), where the view may be read in another
    zone = session_zone(session_start_wall or start_at)
    now_wall, start_at = zone(now_wall), start_at and zone(start_at)
    waiting = view.status == NOT_STARTED and view.segment is None
    segment = view.next_segment if waiting else view.segment
    tone, status = tone_and_status(view)
    countdown = countdown_text(view)
    if view.status == NOT_STARTED and start_at is not None:
        wait = max((start_at - now_wall).total_seconds(), 0.0)
        countdown = format_clock(math.ceil(wait))
        day = " TOMORROW" if start_day(start_at, now_wall) else ""
        status = f"STARTS{day} AT {hhmm(start_at)} (n or space starts now)"
    if view.segment is not None:
        segment_line = (
            f"{format_clock(view.elapsed)} of {format_clock(view.duration)}"
            if not view.overrun
            else f"{format_clock(view.duration)} planned, {format_clock(-view.remaining)} over"
        )
    else:
        segment_line = ""
    plan = schedule(view, now_wall, session_start_wall, rate)
    planned_at = plan.planned_end and zone(plan.planned_end)
    plan = Schedule(planned_at, plan.projected_end and zone(plan.projected_end), plan.behind)
    show = hhmm if rate == 1 else hhmmss  # a rehearsal moves in seconds
    planned_end = day_and_time(plan.planned_end, now_wall, show) if plan.planned_end else ""
    projected_end = day_and_time(plan.projected_end, now_wall, show) if plan.projected_end else ""
    planned = f"planned end {planned_end}" if planned_end else ""
    if view.status == ENDED:
        parts = [f"ended at {show(now_wall)}", planned]
    elif view.status == NOT_STARTED:
        parts = [f"total {format_duration(int(view.planned_total))}", planned]
    else:
        projected = f"projected {projected_end}" if projected_end else ""
        parts = [planned, projected, minutes_phrase(plan.behind)] if host else [planned]
    session_line = " · ".join(part for part in parts if part)
    short = session_line
    if view.status not in (ENDED, NOT_STARTED) and host:
        ends = f"end {projected_end or planned_end}" if projected_end or planned_end else ""
        short = " · ".join(part for part in (ends, minutes_phrase(plan.behind)) if part)
    if rate != 1:
        session_line += f" · rehearsal ×{rate:g}"
        short += f" · ×{rate:g}"
    if waiting and segment is not None:
        next_line = f"Starts with: {segment.title} ({format_duration(segment.duration)})"
    elif view.next_segment is not None:
        next_line = (
            f"Next: {view.next_segment.title} ({format_duration(view.next_segment.duration)})"
        )
    elif view.status == ENDED:
        next_line = f"{plural(view.reflections, 'reflection')} captured."
    else:
        next_line = "Next: the end of the session"
    confirm = CONFIRM.get(ui.confirm or "", "") if host else ""
    typing = ui.typing if host else None
    latest = {r.poll: r for r in poll_results if r.segment == view.index}  # the last wins
    # A strict silence first: its prompt, questions and polls wait until it is over, or the
    # room reads (and types in the chat) while it should sit quietly.
    quiet = view.silence_left > 0 and view.status != ENDED and not waiting
    asked = segment if segment and not quiet else None
    polls = tuple(
        f"Poll: {poll.question} [{' / '.join(poll.options)}]"
        for j, poll in enumerate(asked.polls if asked and not waiting else ())
        if j not in latest
    )
    poll_counts = tuple(
        PollBars(poll.question, tuple((o, latest[j].counts.get(o, 0)) for o in poll.options))
        for j, poll in enumerate(asked.polls if asked else ())
        if j in latest
    )
    poll_order = tuple(
        j in latest
        for j, _ in enumerate(asked.polls if asked else ())
        if j in latest or not waiting
    )
    rooms_view = ui.rooms and groups is not None and bool(groups.rooms)
    spent = view.status == PAUSED and segment and segment.auto_advance and view.remaining < USED_UP
    space = "next" if spent else {PAUSED: "resume", NOT_STARTED: "start"}.get(view.status, "pause")
    rooms = groups is not None and bool(groups.rooms)
    hidden = hidden_keys(segment, rooms, view.status == NOT_STARTED, ui.undo)
    legend = legend_now(ROOMS_LEGEND if rooms_view else LEGEND, space, hidden)
    return Screen(
        title=title,
        wall_clock=hhmm(now_wall),
        position=f"{min(view.index + 1, view.count)}/{view.count}",
        segment_title=segment.title if segment else ("Finished" if view.status == ENDED else ""),
        kind=segment.kind if segment else "",
        countdown=countdown,
        tone=tone,
        status=status,
        segment_line=segment_line,
        segment_progress=view.segment_progress if view.status != NOT_STARTED else 0.0,
        session_line=session_line,
        session_short=short,
        session_progress=view.session_progress,
        prompt=asked.prompt if asked else "",
        # the round being held's own questions after the segment's (the first, before it)
        questions=asked.asked_in(max(view.round, 1)) if asked else (),
        notes=segment.notes if (segment and ui.show_notes and host) else "",
        next_line=next_line,
        groups=groups,
        message=ui.message(now) if host else "",
        confirm=confirm,
        show_help=ui.show_help and host,
        keys_help=help_keys(folder) if folder else HELP,
        reflections=view.reflections,
        polls=polls,
        poll_counts=poll_counts,
        poll_order=poll_order,
        legend=legend if host else (),
        rooms_view=rooms_view,
        rooms_page=ui.rooms_page,
        rooms_found=ui.found if host else (),
        input_label=typing.label if typing else "",
        input_text=typing.text if typing else "",
        input_detail=typing.detail if typing else "",
    )


def start_day(start_at: datetime, now: datetime) -> str:
    """ " tomorrow" when a --start time is on another day than `now`, both given in the zone
    to read them in (its offset then may differ: the clocks go back tonight): at 15:04, 02:55
    is tomorrow's (rolled over), and a wait of 11 hours should say so."""
    return " tomorrow" if start_at.date() != now.date() else ""
