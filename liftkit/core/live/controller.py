"""The session controller: every decision about what a host's action does, in one place.

Both front-ends (the full screen and plain mode) only read input and render. They hand each
key (`press`) or typed line (`command`) to the controller, which acts on the live session
and leaves what to tell the host in `ui` (a message on screen), in `outbox` (lines plain mode
prints) and in `bells`. `run` is the one loop both front-ends share: it takes the front-end
as a small `FrontEnd` port, so tests drive it with a scripted fake and a fake clock.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from liftkit.core.agenda.durations import format_clock, format_duration
from liftkit.core.errors import EXIT_INTERRUPTED, EXIT_OK, LiftkitError
from liftkit.core.live.breakouts import Breakouts, GroupsView, Reshuffle
from liftkit.core.live.captures import Captures
from liftkit.core.live.controls import (
    CONFIRM,
    LIVE,
    PLAIN,
    PLAIN_HELP,
    Action,
    Ui,
    parse_line,
    pasted,
    step,
)
from liftkit.core.live.drafts import Draft
from liftkit.core.live.engine import ENDED, NOT_STARTED, PAUSED
from liftkit.core.live.events import Extend, stop_words
from liftkit.core.live.farewell import farewell
from liftkit.core.live.intake import FrontEnd, Intake, Outcome
from liftkit.core.live.kept import Kept, rescue, rescue_places, still_kept
from liftkit.core.live.plain_times import MINUTE, PlainTimes
from liftkit.core.live.screen import GroupsSummary
from liftkit.core.live.session import LiveSession

# The longest sleep between wake-ups, in real seconds (the wall clock and messages move on).
MAX_SLEEP = 1.0
# The shortest, so that a fast rehearsal does not redraw hundreds of times a second.
MIN_SLEEP = 0.1
NOT_STARTED_YET = "Not started yet: n or space starts the session now."
# A last segment that moves on by itself, its time up while the host types there.
ENDS_AFTER_THE_LINE = "Time is up: the session ends once you save this line (Enter) or Esc."


@dataclass
class Controller(Captures, Breakouts, PlainTimes, Intake):
    session: LiveSession
    mode: str = LIVE  # LIVE: keys; PLAIN: lines. Also the `source` of journalled captures.
    start_at: datetime | None = None  # the planned start (--start), kept in the journal
    reshuffle: Reshuffle | None = None
    groups_view: GroupsView | None = None
    notice: str = ""  # said once when the session opens (e.g. how a resume went)
    ui: Ui = field(default_factory=Ui)
    outbox: list[str] = field(default_factory=list)  # what plain mode prints next
    bells: int = 0  # bells the full screen still has to ring
    unsaved: list[Kept] = field(default_factory=list)  # captures the journal could not take
    start_now: bool = False
    next_minute: float | None = None  # when plain mode prints its next status line
    rooms_printed: GroupsSummary | None = None  # the rooms plain mode printed last
    round_held: tuple[int, int] = (-1, 1)  # (segment, breakout round) the screen has said
    last_not_saved: str = ""  # said once while the same write keeps failing
    in_silence: int = -1  # the segment whose strict silence plain mode will say is over
    front: FrontEnd | None = field(default=None, repr=False)  # while run() runs
    # Where kept captures would go, found as the session opens: finding the temporary folder
    # writes and deletes a probe file in it, which a stop by SIGHUP could cut in two.
    places: list[Path] = field(default_factory=rescue_places, repr=False)

    def __post_init__(self) -> None:
        self.ui.rate = self.session.clock.rate
        self.ui.show_notes = self.session.engine.notes_shown
        self.start_now = self.start_at is None

    # ------------------------------------------------------------------ telling the host

    def now(self) -> float:
        return self.session.now()

    def say(self, text: str, seconds: float = 3.0, restates_event: bool = False) -> None:
        """A message for the host. Plain mode prints each event already, so a message that
        only restates one is shown on the full screen alone."""
        if not text:
            return
        self.ui.say(text, self.now(), seconds)
        if self.mode == PLAIN and not restates_event:
            self.outbox.append(text)

    def take_outbox(self) -> list[str]:
        lines, self.outbox = self.outbox, []
        return lines

    def take_bells(self) -> int:
        bells, self.bells = self.bells, 0
        return bells

    # ------------------------------------------------------------------ the loop

    def run(self, front: FrontEnd) -> Outcome:
        """Process what time brings, show, wait for input, act on it; until an outcome."""
        self.front = front
        if self.notice:
            self.say(self.notice, 8)
            view = self.session.engine.view(self.now())
            if self.mode == PLAIN and view.segment is not None and view.silence_left > 0:
                self.say(self.status())  # resumed in a strict silence: said, with what is left
        while True:
            written = self.session.journal.next_seq
            try:
                outcome = self._turn(front)
                again, self.session.written_again = self.session.written_again, ""
                # a line was written since one could not be (and nothing typed is kept)
                wrote = self.session.journal.next_seq != written
                if again or (self.last_not_saved and wrote and not self.unsaved):
                    self.last_not_saved = ""
                    self.say(
                        again or "The journal is written again: the session is saved as before.",
                        30 if again else 8,
                    )
            except KeyboardInterrupt:
                outcome = self.act(Action("interrupt"))
            except LiftkitError as error:  # the journal cannot be written (a full disk)
                if self.session.engine.status == NOT_STARTED:
                    raise  # nothing captured yet: one error line, not a retry loop
                outcome = self._stalled(front, error)
            if outcome is not None:
                front.show()
                return outcome

    def _turn(self, front: FrontEnd) -> Outcome | None:
        outcome = self.advance()
        if outcome is not None:
            return outcome
        reason = front.terminated()
        if reason:
            return self.terminate(reason)
        # u in the legend only with rooms to put back: in the segment and round reshuffled
        self.ui.undo = self.session.engine.last_reshuffle.can_put_back(self._round_now())
        self.ui.standing = still_kept(self.unsaved) if self.mode == LIVE else ""
        front.show()
        return self._take_input(front, self.sleep_for())

    def advance(self) -> Outcome | None:
        """Start when it is time, then take in what time (and `liftkit note`) has brought."""
        s = self.session
        if s.engine.status == NOT_STARTED and self._may_start():
            s.start(self.start_at)
            self.bells += 1
        engine = s.engine
        before = engine.index, engine.status, len(engine.fired)
        typing = self.ui.typing is not None and self.ui.typing.kind != "find"
        s.tick(hold_end=typing)
        if typing and engine.due(s.now()):  # only the session's end is still due: held
            self.say(ENDS_AFTER_THE_LINE, 2)
        self.save_kept()  # what the host typed while the journal could not be written
        moved = (engine.index, engine.status) != before[:2]
        if moved or len(engine.fired) != before[2]:  # a warning, or an auto-advance
            self.bells += 1
        if moved:
            self.ui.rooms = False
            if "; now at " in self.notice and self.ui.flash == self.notice:
                self.ui.flash_until = 0.0  # "… now at 2/4 In pairs.": no longer so
            line = self.ui.typing
            if line is not None and line.kind == "find":  # the rooms it finds in are gone
                self.ui.typing = None
                ended = s.agenda.segments[before[0]].title
                self.say(
                    f"{ended} has ended: its rooms are closed, and the find line with them.", 6
                )
        if s.engine.status == ENDED:  # what next: in the farewell, said once
            return Outcome(EXIT_OK, "ended")
        if self.mode == PLAIN:
            self._silence_over()
            self._minute_line()
            self._print_rooms()
        else:
            self._next_round()
        return None

    def farewell(self, outcome: Outcome) -> list[str]:
        """What the host reads once the session has stopped (liftkit.core.live.farewell)."""
        s = self.session
        unsaved = [kept.shown for kept in self.unsaved]
        # The stop line that keeps what was being typed could not be written (a full disk):
        # the rescue file keeps it instead.
        drafts = [d for d in (self._typed(), s.draft) if d is not None] if s.unrecorded else []
        drafts = [d if d.segment is not None else replace(d, segment=s.engine.index)
                  for d in drafts]  # fmt: skip
        stopped = s.clock.wall_at(s.now())
        rescued = rescue(s.folder, self.unsaved, self.places, drafts, stopped)
        return farewell(self.session, outcome.reason, self.mode, unsaved, self._typed(), rescued)

    def terminate(self, reason: str) -> Outcome:
        """SIGTERM or SIGHUP: stop cleanly, the session stays resumable."""
        if self.mode == PLAIN:
            self.outbox.append(f"stopping ({stop_words(reason)})")
        self.stop(reason)
        return Outcome(EXIT_INTERRUPTED, reason)

    def stop(self, reason: str) -> None:
        """Stop the session, keeping what the host was still typing in the journal; once
        only (a window closed as liftkit stopped failed the last draw, which stopped again)."""
        if self.session.journal.closed:
            return
        self.try_kept()
        self.session.stop(reason, self._typed())

    def _typed(self) -> Draft | None:
        """What the host was typing that a stop keeps: a reflection or poll counts, not a
        name being found."""
        line = self.ui.typing
        if line is None or line.kind == "find" or not line.text.strip():
            return None
        return Draft(line.kind, line.text, line.segment, line.poll if line.kind == "poll" else None)

    def sleep_for(self) -> float:
        """Real seconds until something on screen (or in plain mode's output) changes."""
        s = self.session
        t = s.now()
        if s.engine.status == NOT_STARTED and not self.start_now and self.start_at is not None:
            until = (self.start_at - s.clock.wall_at(t)).total_seconds()
            if self.mode == PLAIN:
                return min(max(until, 0.0), MAX_SLEEP)
            return min(max(until % 1.0 or 1.0, MIN_SLEEP), MAX_SLEEP)
        if self.mode == PLAIN:
            wakes = [w for w in (s.engine.next_due(), self.next_minute) if w is not None]
            if self.in_silence == s.engine.index and s.engine.deadline() is not None:
                wakes.append(t + s.engine.view(t).silence_left)
            if not wakes:
                return MAX_SLEEP
            return min(max(s.clock.real_seconds(min(wakes) - t), 0.0), MAX_SLEEP)
        wake = s.engine.next_change(t)
        real = s.clock.real_seconds(wake - t) if wake is not None else MAX_SLEEP
        return min(max(real, MIN_SLEEP), MAX_SLEEP)

    # ------------------------------------------------------------------ input

    def press(self, key: str) -> Outcome | None:
        """One key in the full-screen view."""
        if self.ui.typing is not None:
            self._edit(self.ui.typing, key)
            return None
        if pasted(key) is not None and self.ui.confirm is None:  # asked: a paste carries on
            self.say("Pasted text goes into an input line: press r (or p), then paste.", 5)
            return None
        return self.act(step(self.ui, key, self.now()))

    def command(self, line: str) -> Outcome | None:
        """One line typed in plain mode."""
        return self.act(parse_line(self.ui, line))

    def act(self, action: Action) -> Outcome | None:
        """What an action does: the one place where the host's actions are decided."""
        s = self.session
        name = action.name
        if name in ("none", "say", "help", "status", "notes", "interrupt", "ask_quit", "quit"):
            return self._talk(action)
        if s.engine.status == NOT_STARTED:
            if name in ("toggle_pause", "next"):
                self.start_now = True
            else:
                self.say(NOT_STARTED_YET)
            return None
        if name == "next" and action.text != "end" and s.engine.index == s.engine.count - 1:
            self._ask("end")  # the last segment: ending cannot be undone
        elif name == "rooms":
            self._open_rooms()
        elif name in ("groups", "reshuffle"):
            self._groups(name)
        elif name in ("groups_back", "put_back"):
            self._put_back(name == "put_back")
        elif name in ("reflect", "poll", "find") and self.mode == LIVE:
            self._open_input(name)
        elif name == "find":
            self._find(action.text)
        elif name == "reflect":
            self.reflect(action.text)
        elif name == "poll":
            self._poll_line(action.text)
        else:
            self._move(action)
        return None

    def _talk(self, action: Action) -> Outcome | None:
        """Actions that do not depend on where the session is."""
        name = action.name
        if name == "say":
            self.say(action.text, 4)
        elif name == "help" and self.mode == PLAIN:
            self.say(PLAIN_HELP)
        elif name == "status":
            self.say(self.status() or "not started")
        elif name == "notes":
            self.session.record_notes(self.ui.show_notes)
        elif name == "ask_quit":
            self._ask("quit")
        elif name == "interrupt" and self.ui.typing is not None:
            self._cancel_input()
        elif name == "interrupt":
            ended = self.mode == PLAIN and getattr(self.front, "input_ended", False)
            if self.ui.confirm != "interrupt" and not ended:
                self._ask("interrupt")
                return None
            if self.ui.confirm != "interrupt":  # `< /dev/null`: no y could be typed
                self.outbox.append(
                    "Ctrl-C: standard input has ended, so nothing could answer a question: "
                    "quitting now; the reflections are saved"
                )
            self.ui.confirm = None
            return self._quit("interrupt")
        elif name == "quit":
            return self._quit("interrupt" if action.text == "interrupt" else "quit")
        return None

    def _ask(self, what: str) -> None:
        self.ui.confirm = what
        if self.mode == PLAIN:
            self.outbox.append(CONFIRM[what])

    def _quit(self, reason: str) -> Outcome:
        s = self.session
        if self.mode == PLAIN and reason == "interrupt":  # (a quit was just confirmed)
            self.outbox.append("interrupted: stopping")
        self.try_kept()
        s.stop(reason)  # `stopped (quit)`; how to carry on: in the farewell, said once
        return Outcome(EXIT_INTERRUPTED if reason == "interrupt" else EXIT_OK, reason)

    def _move(self, action: Action) -> None:
        """Pause, resume, next, back, ± time, jump: the clock and the segments."""
        s = self.session
        engine = s.engine
        name = action.name
        before = engine.status, engine.index
        if name == "toggle_pause":
            s.toggle_pause()
            paused = engine.status == PAUSED
            self.say("Paused: space resumes." if paused else "Running again.", 3, True)
        elif name in ("pause", "resume"):
            if not (s.pause() if name == "pause" else s.resume()):
                self.say(f"Already {'paused' if name == 'pause' else 'running'}.")
        elif name == "next":
            s.next_()
        elif name == "back":
            if not s.back():
                self.say("This is the first segment.")
        elif name == "jump":
            target = action.number if action.number is not None else -1
            if not 0 <= target < engine.count:
                self.say(f"No segment {target + 1}: choose 1 to {engine.count}.")
            else:
                s.jump(target)
        elif name == "extend":
            held = engine.view(s.now()).round  # a breakout of several rounds: the round's time
            done = [e for e in s.extend(action.seconds) if isinstance(e, Extend)]
            if not done:
                self.say("No time left to take from this segment.")
            else:
                sign = "+" if action.seconds > 0 else "-"
                view = engine.view(s.now())  # (a `-` that took the rest: none left in it)
                left = format_clock(max(view.round_left, 0) if view.round == held else 0)
                where = f"round {held} of {view.rounds}" if held else "this segment"
                amount = abs(done[0].seconds)  # less than asked when less was left
                unit = "1 min" if amount == MINUTE else format_duration(max(round(amount), 1))
                if view.round == held and view.round_left <= -1:  # given to a segment over time
                    over = format_clock(math.floor(-view.round_left))
                    self.say(f"{sign}{unit}: still {over} over time in {where}.", 3, True)
                else:
                    self.say(f"{sign}{unit}: {left} left in {where}.", 3, True)
        if name in ("next", "back", "jump") and (engine.status, engine.index) != before:
            self.bells += 1
            self.ui.rooms = False
            if self.mode == PLAIN:  # now, not at the next tick: commands piped in a burst
                self._print_rooms()  # moved on first, and a breakout's rooms went unprinted
            if engine.status == PAUSED and engine.used_up(engine.index):
                where = f"{engine.index + 1}/{engine.count}"
                self.say(f"Paused: {where} has no time left. + adds a minute, space moves on.", 8)
            elif before[0] == PAUSED and engine.status != PAUSED:  # not "Paused: space resumes."
                self.say("Running again.", 3, True)
