"""The full-screen live session: rich `Live` in a `with` block, keys in cbreak mode.

One loop: process what time has brought, draw, sleep until the shown second changes or a
key or signal arrives, act on the keys. Every capture is journalled (and fsynced) before the
screen says it is saved.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from rich.console import Console
from rich.live import Live

from liftkit.cli.live.frame import Frame
from liftkit.cli.live.terminal import KeyReader, Signals, Terminated, forget_pending_input
from liftkit.core.agenda.durations import format_clock
from liftkit.core.errors import EXIT_INTERRUPTED, EXIT_OK, LiftkitError
from liftkit.core.live.capture import parse_counts
from liftkit.core.live.controls import Action, Ui, step
from liftkit.core.live.engine import ENDED, NOT_STARTED
from liftkit.core.live.events import JournalEvent, SegmentStart, TimeWarning
from liftkit.core.live.screen import GroupsSummary, build_screen
from liftkit.core.live.session import LiveSession, carry_out
from liftkit.core.text import plural

# The longest sleep between redraws, in real seconds (the wall clock and messages move on).
MAX_SLEEP = 1.0
# The shortest, so that a fast rehearsal does not redraw hundreds of times a second.
MIN_SLEEP = 0.1
ALT_SCREEN = "\x1b[?1049h"
CLEAR = "\x1b[2J\x1b[H"


@dataclass
class Outcome:
    exit_code: int
    reason: str  # "ended", "quit", "interrupt", "sigterm", "sighup"


GroupsView = Callable[[LiveSession], GroupsSummary | None]
Reshuffle = Callable[[LiveSession], str]


class LiveApp:
    def __init__(
        self,
        session: LiveSession,
        console: Console,
        groups_view: GroupsView | None = None,
        reshuffle: Reshuffle | None = None,
        start_at: datetime | None = None,
        notice: str = "",
    ) -> None:
        self.session = session
        self.notice = notice  # said once when the view opens (e.g. how a resume went)
        self.unsaved: list[str] = []  # reflections the journal could not take
        self.start_at = start_at  # the planned start, kept in the journal
        self.start_now = start_at is None
        self.console = console
        self.ui = Ui(rate=session.clock.rate, show_notes=session.engine.notes_shown)
        self.groups_view = groups_view
        self.reshuffle = reshuffle
        self.signals = Signals()
        self.frame = Frame()
        self.session.guard = self.signals.deferred

    # ------------------------------------------------------------------ drawing

    def screen(self) -> object:
        s = self.session
        t = s.now()
        size = self.console.size
        return self.frame.render(
            build_screen(
                s.engine.view(t),
                self.ui,
                title=s.agenda.title,
                now_wall=s.clock.wall_at(t),
                session_start_wall=s.schedule_start() or self.start_at,
                rate=s.clock.rate,
                now=t,
                groups=self.groups_view(s) if self.groups_view else None,
                start_at=self.start_at,
            ),
            size.width,
            size.height,
        )

    def sleep_for(self) -> float:
        s = self.session
        t = s.now()
        wake = s.engine.next_change(t)
        real = s.clock.real_seconds(wake - t) if wake is not None else MAX_SLEEP
        if s.engine.status == NOT_STARTED and self.start_at is not None and not self.start_now:
            until = (self.start_at - s.clock.wall_at(t)).total_seconds()
            real = until % 1.0 or 1.0
        return min(max(real, MIN_SLEEP), MAX_SLEEP)

    # ------------------------------------------------------------------ the loop

    def run(self) -> Outcome:
        with self.signals, KeyReader(sys.stdin.fileno(), self.signals) as keys:
            try:
                with Live(
                    console=self.console,
                    screen=True,
                    auto_refresh=False,
                    redirect_stdout=False,
                    redirect_stderr=False,
                ) as live:
                    outcome = self._loop(live, keys)
            except Terminated as stop:
                self.session.stop(stop.reason)
                return Outcome(EXIT_INTERRUPTED, stop.reason)
            except OSError as error:
                # The terminal went away (a closed window): the journal is what matters.
                if self.signals.terminate or error.errno in (errno.EIO, errno.EPIPE):
                    reason = self.signals.terminate or "sighup"
                    self.session.stop(reason)
                    return Outcome(EXIT_INTERRUPTED, reason)
                self.session.stop("error")
                raise
            except BaseException:
                self.session.stop("error")
                raise
        return outcome

    def _loop(self, live: Live, keys: KeyReader) -> Outcome:
        s = self.session
        if self.notice:
            self.ui.say(self.notice, s.now(), 8)
        while True:
            try:
                if s.engine.status == NOT_STARTED and (
                    self.start_now
                    or self.start_at is None
                    or s.clock.wall_at(s.now()) >= self.start_at
                ):
                    s.start(self.start_at)
                self._ring(s.tick())
                if s.engine.status == ENDED:
                    live.update(self.screen(), refresh=True)
                    return Outcome(EXIT_OK, "ended")
                if self.signals.terminate:
                    s.stop(self.signals.terminate)
                    return Outcome(EXIT_INTERRUPTED, self.signals.terminate)
                if self.signals.continued:  # back from Ctrl-Z and `fg`
                    self.signals.continued = False
                    keys.cbreak()
                live.update(self.screen(), refresh=True)
                pressed = keys.read(self.sleep_for())
                pressed += ["CTRL_C"] * self.signals.take_interrupts()
                for i, key in enumerate(pressed):
                    action = step(self.ui, key, s.now())
                    if action.name in ("reflect", "poll"):
                        # What came in the same burst was typed for the prompt, not as keys.
                        self._ask(action.name, live, keys, typed_ahead(pressed[i + 1 :]))
                        break
                    outcome = self._act(action)
                    if outcome is not None:
                        return outcome
            except KeyboardInterrupt:
                outcome = self._act(step(self.ui, "CTRL_C", s.now()))
                if outcome is not None:
                    return outcome
            except LiftkitError as error:  # the journal cannot be written (a full disk)
                self.ui.say(f"NOT SAVED: {error.message}. {error.hint}", s.now(), 30)

    def _ring(self, events: list[JournalEvent]) -> None:
        if any(isinstance(e, TimeWarning | SegmentStart) for e in events):
            self.console.bell()

    def _act(self, action: Action) -> Outcome | None:
        s = self.session
        name = action.name
        t = s.now()
        if name == "quit":
            reason = "interrupt" if action.text == "interrupt" else "quit"
            s.stop(reason)
            return Outcome(EXIT_INTERRUPTED if reason == "interrupt" else EXIT_OK, reason)
        if s.engine.status == NOT_STARTED:
            if name in ("toggle_pause", "next"):
                self.start_now = True
            elif name != "none":
                self.ui.say("Not started yet: n or space starts the session now.", t, 3)
            return None
        if name == "next" and action.text != "end" and s.engine.index == s.engine.count - 1:
            self.ui.confirm = "end"  # the last segment: ending cannot be undone
            return None
        if name in ("toggle_pause", "next", "back", "extend", "jump"):
            before = s.engine.status, s.engine.index
            message = carry_out(s, action, "live")
            if name == "toggle_pause":
                message = "Paused: space resumes." if s.engine.status == "paused" else message
            elif name == "extend" and not message:
                sign = "+" if action.seconds > 0 else "-"
                left = max(s.engine.remaining(s.now()), 0)
                message = f"{sign}1 min: {format_clock(left)} left in this segment."
            elif name in ("next", "back") and (s.engine.status, s.engine.index) != before:
                self.console.bell()
            if message:
                self.ui.say(message, s.now(), 3)
        elif name == "notes":
            s.record_notes(self.ui.show_notes)
        elif name == "reshuffle":
            if self.reshuffle is None:
                self.ui.say("No groups to reshuffle: start with --attendees FILE.", t, 4)
            else:
                self.ui.say(self.reshuffle(s), t, 4)
        return None

    # ------------------------------------------------------------------ prompts

    def _prompt(self, live: Live, keys: KeyReader, ask: Callable[[], object]) -> object:
        """Run a questionary prompt with the clock still running, then return to the view.

        The prompt stays on the alternate screen, so the host's shell history never shows
        on a shared screen; keys typed but not read are dropped when it closes.
        """
        live.stop()
        out = self.console.file
        out.write(ALT_SCREEN + CLEAR)
        out.flush()
        try:
            with keys.cooked(), self.signals.prompt():
                return ask()
        finally:
            forget_pending_input(keys.fd)
            out.write(CLEAR)
            live.start(refresh=True)

    def _ask(self, name: str, live: Live, keys: KeyReader, typed: str) -> None:
        s = self.session
        if s.engine.status == NOT_STARTED:
            self.ui.say("Not started yet: n or space starts the session now.", s.now(), 3)
        elif name == "reflect":
            self._reflect(live, keys, typed)
        else:
            self._poll(live, keys, typed)

    def _toolbar(self) -> str:
        s = self.session
        view = s.engine.view(s.now())
        if view.segment is None:
            return ""
        left = view.remaining
        when = f"+{format_clock(-left)} over" if left < 0 else f"{format_clock(left)} left"
        return f" {view.segment.title}: {when} (the clock keeps running; Ctrl-C cancels)"

    def _reflect(self, live: Live, keys: KeyReader, typed: str) -> None:
        from liftkit.cli.prompts import ask_text

        s = self.session
        segment = s.engine.index if s.engine.current is not None else None
        text = self._prompt(
            live,
            keys,
            lambda: ask_text(
                "Reflection ('Name: text', #tags):", toolbar=self._toolbar, default=typed
            ),
        )
        self._ring(s.tick())
        if not isinstance(text, str) or not text.strip():
            self.ui.say("No reflection recorded.", s.now(), 3)
            return
        try:
            event = s.reflect(text, "live", segment=segment)
        except LiftkitError as error:
            self.unsaved.append(text)
            self.ui.say(
                f"NOT SAVED: {error.message}. The text is kept and shown when liftkit stops.",
                s.now(),
                30,
            )
            return
        if event is not None:
            who = f" from {event.author}" if event.author else ""
            self.ui.say(f"Saved reflection{who} ({len(s.engine.reflections)} so far).", s.now(), 4)

    def _poll(self, live: Live, keys: KeyReader, typed: str) -> None:
        from liftkit.cli.prompts import ask_counts

        s = self.session
        segment = s.engine.current
        if segment is None or not segment.polls:
            self.ui.say("This segment has no polls.", s.now(), 3)
            return
        index = s.engine.index
        saved = 0
        for j, poll in enumerate(segment.polls):
            answer = self._prompt(
                live,
                keys,
                lambda poll=poll, first=(j == 0): ask_counts(
                    poll.question,
                    poll.options,
                    toolbar=self._toolbar,
                    default=typed if first else "",
                ),
            )
            self._ring(s.tick())
            if not isinstance(answer, str):
                break
            try:
                counts = parse_counts(answer, poll.options)
            except LiftkitError as error:  # validated in the prompt; kept for safety
                self.ui.say(str(error), s.now(), 4)
                break
            s.record_poll(index, j, counts)
            saved += 1
        self.ui.say(
            f"Saved {plural(saved, 'poll result')}." if saved else "No poll recorded.", s.now(), 4
        )


def typed_ahead(keys: list[str]) -> str:
    """The text in keys that came in the same burst as r or p (up to the first Enter)."""
    text = []
    for key in keys:
        if key == "ENTER":
            break
        if len(key) == 1 and key.isprintable():
            text.append(key)
    return "".join(text)
