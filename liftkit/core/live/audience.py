"""What the audience window says: the host's screen without what only the host should see.

The big countdown, warnings, the segment, its prompt, questions and polls, the silence
screen and, on a breakout, the rooms; never the host notes, the key legend, messages meant
for the host or what they are typing. Built from the same `build_screen` as the host's view,
so both say the same words.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta

from liftkit.core.agenda.durations import format_clock
from liftkit.core.live.controls import Ui
from liftkit.core.live.engine import ENDED, NOT_STARTED, PAUSED, RUNNING, Engine
from liftkit.core.live.events import (
    GroupsMade,
    JournalEvent,
    NotesShown,
    PollCounts,
    Reflection,
    SegmentEnd,
    SessionEnd,
    SessionResume,
    Stop,
)
from liftkit.core.live.follow import Follower, journal_in_use
from liftkit.core.live.journal import JOURNAL_NAME
from liftkit.core.live.plain_lines import event_lines, hushed, starts_with, time_left
from liftkit.core.live.screen import PAUSED_TONE, GroupsSummary, Screen, build_screen
from liftkit.core.live.segment_view import SegmentView
from liftkit.core.text import hhmm, plural
from liftkit.core.zones import session_zone, start_words

_SEED = re.compile(r" · seed \d+")
_KEY_HINT = re.compile(r"\s*\((?:[^()]*\b(?:space|press|key|n or)\b[^()]*)\)$")

AWAY = "The host's liftkit is not running: the clock runs on, as the call does."
AWAY_PAUSED = "The host's liftkit is not running: the clock stays paused until they resume."
STOPPED = "The host has stopped the clock: it carries on when they resume."
ENDED_NOTE = "The session has ended. Any key closes this window."
# How long the audience is told that the rooms were made again (a reshuffle): the names
# all moved, and someone who had noted their room would not see it.
ROOMS_CHANGED_FOR = timedelta(minutes=2)
# Stopped before it started, the session cannot be resumed: a new run is a new session.
NEVER_STARTED = "The host stopped before the session started. q closes this window."
# The host's liftkit ended while it waited for --start (a crash, a closed terminal).
AWAY_BEFORE_START = "The host's liftkit is not running: the session starts once they resume it."
# The session's folder or journal went (deleted, moved, emptied): the last screen read stays.
GONE = "This window can no longer follow the session: {why}. q closes it."
# `liftkit view latest` opened before the session (to share the window before the call).
WAITING = "This window shows the session as soon as the host starts it."
WAITING_IN = "Waiting for a session in {parent}: liftkit run starts one."
# Real seconds each page of rooms stays up when they do not all fit the window.
ROOM_PAGE_SECONDS = 10


def room_groups(engine: Engine, t: float) -> GroupsSummary | None:
    """The rooms of the round being held now, titled for the audience (no keys, no seed)."""
    from liftkit.core.live.rooms import summary

    segment = engine.current
    made = engine.groups.get(engine.index)
    if segment is None or segment.kind != "breakout" or made is None:
        return None
    # People of one name are told apart by organisation only: no emails on a shared screen.
    lengths = engine.round_lengths(engine.index)
    shown = summary(segment, made.split, engine.elapsed(t), lengths, emails=False)
    title = _SEED.sub("", shown.title).removesuffix(" (g reshuffles)")
    return GroupsSummary(title=title, rooms=shown.rooms)


def audience_screen(follower: Follower, wall_now: datetime, host: str) -> Screen:
    """The audience's screen at `wall_now`; `host` is `Follower.host_state`.

    On a breakout with rooms it is the rooms view: every room and every full name, a page
    at a time (the next every ROOM_PAGE_SECONDS) when they do not all fit.
    """
    t = follower.now(wall_now)
    engine = follower.projected(t)
    view = engine.view(t)
    # An ended session is shown as it was when it ended ("ended at 15:02"), with today's clock.
    as_of = follower.ended_wall if follower.ended and follower.ended_wall else wall_now
    groups = room_groups(engine, t)
    # before the start, the time `run --start` waits for: the planned end, as the host's
    start = follower.planned_start or follower.started_wall or follower.waiting_for()
    zone = session_zone(start)  # the host's clock, where the view may be in another zone
    screen = build_screen(
        view,
        Ui(show_notes=False, rate=follower.rate),
        title=follower.agenda.title,
        now_wall=as_of,
        session_start_wall=start,
        rate=follower.rate,
        now=t,
        groups=groups,
        start_at=follower.waiting_for(),
        host=False,
        poll_results=engine.polls,
    )
    tone, status = screen.tone, _KEY_HINT.sub("", screen.status)
    away = AWAY_PAUSED if view.status == PAUSED else AWAY
    message = {"away": away, "stopped": STOPPED, "ended": ENDED_NOTE}.get(host, "")
    if host == "stopped" and view.status != PAUSED:
        tone, status = PAUSED_TONE, "■ PAUSED"
    countdown = screen.countdown
    if host in ("stopped", "away") and view.status == NOT_STARTED:
        crashed = host == "away" and follower.engine.stop_reason is None  # waiting for --start
        message = AWAY_BEFORE_START if crashed else NEVER_STARTED
        status, countdown = "NOT STARTED", "--:--"
    gone = follower.gone()
    if gone and host != "ended":
        message = GONE.format(why=gone)
    rooms = groups is not None and bool(groups.rooms)
    changed = follower.rooms_changed
    began = _round_began(view, wall_now, follower.rate)  # a later round's new rooms
    if began is not None and (changed is None or began > changed):
        if rooms and not message and wall_now - began < ROOMS_CHANGED_FOR:
            message = f"Round {view.round} of {view.rounds}: new rooms; find your name again."
    elif rooms and not message and changed is not None and wall_now - changed < ROOMS_CHANGED_FOR:
        message = f"The rooms changed at {hhmm(zone(changed))}: find your name again."
    # Pages turn on the wall clock, paused or not: a paused breakout still shows every room.
    # A later round's new rooms from their first page (while it runs: a pause then turns on
    # from the breakout's start).
    since = follower.rooms_since or wall_now
    if began is not None and began > since:
        since = began
    shown_for = max((wall_now - since).total_seconds(), 0.0)
    page = int(shown_for // ROOM_PAGE_SECONDS) if rooms else 0
    return replace(
        screen,
        wall_clock=hhmm(zone(wall_now)),
        countdown=countdown,
        tone=tone,
        status=status,
        message=message,
        rooms_view=rooms,
        rooms_page=page,
    )


def _round_began(view: SegmentView, wall_now: datetime, rate: float) -> datetime | None:
    """When the round being held began, on the wall clock as its running time counts it, in
    a breakout of several rounds past its first (None in any other, or paused)."""
    if view.round < 2 or view.status != RUNNING:
        return None
    into = view.round_length - view.round_left  # session seconds of the round
    return wall_now - timedelta(seconds=max(into, 0.0) / rate)


def waiting_screen(wall_now: datetime, parent: str) -> Screen:
    """The audience's screen before there is a session to follow in `parent`."""
    return Screen(
        title="liftkit view", wall_clock=hhmm(wall_now), position="", segment_title="",
        kind="", countdown="--:--", tone=PAUSED_TONE, status="WAITING FOR THE SESSION",
        segment_line="", segment_progress=0.0, session_line="", session_progress=0.0,
        prompt=WAITING, questions=(), notes="", next_line="", groups=None,
        message=WAITING_IN.format(parent=parent), legend=(),
    )  # fmt: skip


def rooms_lines(groups: GroupsSummary) -> list[str]:
    return [f"  {groups.title}", *(f"  {room}: {'; '.join(names)}" for room, names in groups.rooms)]


def audience_lines(event: JournalEvent, follower: Follower, now: float | None = None) -> list[str]:
    """What the plain audience view prints for an event just taken in (nothing for what
    only the host should see: reflections, notes shown or hidden); `now`, the session's
    time as it is printed (a segment whose silence is still under way then waits to say its
    prompt)."""
    engine = follower.engine
    t = engine.last_mono
    view = engine.view(t)
    match event:
        case Reflection() | NotesShown() | SegmentEnd():
            return []
        case PollCounts(question=question, counts=counts):
            shown = ", ".join(f"{option} {count}" for option, count in counts.items())
            return [f"poll: {question} {shown}".rstrip()]
        case GroupsMade(segment=segment):
            groups = room_groups(engine, t)
            if groups is None or segment != engine.index:
                return []
            return ["groups reshuffled:", *rooms_lines(groups)]
        case Stop():
            if view.status == NOT_STARTED:
                return ["the host stopped before the session started"]
            if follower.stopped_deliberately:
                return ["the host stopped the clock; it carries on when they resume"]
            if view.status == PAUSED:  # a resume finds it paused, as it was
                return ["the host's liftkit stopped; the clock stays paused until they resume"]
            return ["the host's liftkit stopped; the clock runs on, as the call does"]
        case SessionResume():
            return [f"the host's liftkit is back: {status_now(follower, t)}"]
        case SessionEnd():
            return [f"session complete: {plural(view.reflections, 'reflection')} captured"]
    hush = now is not None and hushed(event, engine, now)
    lines = event_lines(event, view, follower.agenda.segments, hushed=hush)
    if event.type == "segment_start":
        groups = room_groups(engine, t)
        if groups is not None:
            lines.extend(rooms_lines(groups))
    return lines


def status_now(follower: Follower, t: float, wall: datetime | None = None) -> str:
    """ "2/5 Opening perspective: 03:12 left" (or over time, or paused). Waiting for a start
    on another day than `wall` (the time now) says "tomorrow", as the host's screen does."""
    view = follower.view(t)
    if view.segment is None and view.status == ENDED:
        return "session complete"
    if view.segment is None:  # as plain run says it: the time, in the host's zone, and what first
        start = follower.waiting_for()
        first = starts_with(follower.agenda)
        if start is None:
            return f"waiting to start{first}"
        zone = session_zone(start)
        if wall is None:
            return f"waiting to start at {zone(start):%H:%M}{first}"
        when = start_words(zone(start), zone(wall))
        # a start days past was said as a wait for today's (or "tomorrow"'s) 14:00: no
        # liftkit waits for it, a wait being always for a time ahead
        past = start < wall and zone(start).date() != zone(wall).date()
        in_use = journal_in_use(follower.folder / JOURNAL_NAME) if past else None
        if past and follower.host_state(in_use) != "running":
            return f"was to start{when}{first}; the host's liftkit is not running"
        return f"waiting to start{when}{first}"
    left = time_left(view) if not view.overrun else f"+{format_clock(-view.remaining)} over time"
    paused = " (paused)" if view.status == PAUSED or follower.stopped_deliberately else ""
    return f"{view.index + 1}/{view.count} {view.segment.title}: {left}{paused}"
