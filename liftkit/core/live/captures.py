"""Captures during a live session: reflections and poll counts, typed in the full screen's
input line (while the clock runs on) or given whole on a line in plain mode.

Part of the session controller (`Controller` takes these decisions through this base), kept
apart so that each reads in a sitting.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Sequence

from liftkit.core.agenda.model import Poll
from liftkit.core.errors import LiftkitError
from liftkit.core.live.capture import PastedChat, chat_reflections, session_people
from liftkit.core.live.controls import (
    FIND_LABEL,
    PLAIN,
    InputLine,
    Ui,
    pasted,
    typable,
    without_last_character,
)
from liftkit.core.live.counts import parse_counts
from liftkit.core.live.events import JournalEvent, PollCounts, Reflection
from liftkit.core.live.kept import Kept, fix_for, keep, save_kept, stalled
from liftkit.core.live.noted import polls_listed, polls_named
from liftkit.core.live.session import LiveSession
from liftkit.core.text import plural


class Captures:
    """What `r`, `p`, `r TEXT` and `p COUNTS` do; the controller supplies the state."""

    session: LiveSession
    ui: Ui
    mode: str
    unsaved: list[Kept]  # captures the journal could not take yet (liftkit.core.live.kept)
    last_not_saved: str
    _find: Callable[[str], None]  # the room of each person a query names (breakouts.py)

    def say(self, text: str, seconds: float = 3.0, restates_event: bool = False) -> None:
        raise NotImplementedError

    def reflect(self, text: str, segment: int | None = None) -> None:
        """Journal a reflection ("Name: text #tag"); a journal that fails keeps it."""
        s = self.session
        if segment is None and s.engine.current is not None:
            segment = s.engine.index
        pasted = chat_reflections(text, session_people(s.folder, s.engine.groups.values()))
        if pasted is not None:
            self._reflect_chat(pasted, segment)
            return
        parsed = s.parse(text)
        captured = s.reflection(text, self.mode, segment=segment, parsed=parsed)
        if captured is None:
            self.say("No reflection recorded.")
            return
        event = self._capture(captured, text, "the reflection is kept")
        if not isinstance(event, Reflection):
            return  # kept: the host has been told
        who = f" from {event.author}" if event.author else ""
        count = len(s.engine.reflections)
        if parsed.stranger is not None:  # plain mode has printed the saved reflection itself
            saved = f"Saved reflection ({count} so far); " if self.mode != PLAIN else ""
            self.say(f"{saved}'{parsed.stranger}:' is kept as text: not on the attendee list.", 8)
            return
        self.say(f"Saved reflection{who} ({count} so far).", 4, True)

    def _reflect_chat(self, pasted: PastedChat, segment: int | None) -> None:
        """Zoom chat messages pasted into the line: each its own reflection, by its sender;
        the host reads how many were saved, and by whom, and how many were private."""
        s = self.session
        saved: list[str] = []
        kept = False
        private = plural(pasted.private, "message")
        left_out = f"{private} not sent to everyone left out" if pasted.private else ""
        for parsed in pasted.reflections:
            raw = f"{parsed.author}: {parsed.text}" if parsed.author else parsed.text
            captured = s.reflection(raw, self.mode, segment=segment, parsed=parsed)
            if captured is None:
                continue
            event = self._capture(captured, raw, "the reflection is kept")
            if isinstance(event, Reflection):
                saved.append(event.author or "no name")
            else:  # kept, as every one after it will be: the host has been told
                kept = True
        if kept:
            return
        if not saved:
            held = left_out or "the pasted chat holds reactions only"
            self.say(f"No reflection recorded: {held}.", 6)
            return
        names = list(dict.fromkeys(saved))
        by = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        count = len(s.engine.reflections)
        what = plural(len(saved), "reflection")
        also = f"; {left_out}" if left_out else ""
        said = f"Saved {what} from the pasted chat, by {by} ({count} so far){also}."
        self.say(said, 10 if also else 8, not also)  # what was left out: said in plain mode too

    def save_poll(self, poll: int, answer: str, index: int | None = None, command: str = "") -> str:
        """Journal the counts typed for one of a segment's polls (the current one unless
        `index` says which): "saved", "kept" (the journal cannot be written now), or ""
        when they do not fit its options (the host is told why, its examples after
        `command`: plain mode's "p 2 ")."""
        s = self.session
        if index is None and s.engine.current is not None:
            index = s.engine.index
        segment = s.agenda.segments[index] if index is not None else None
        if index is None or segment is None or not 0 <= poll < len(segment.polls):
            self.say("This segment has no polls.")
            return ""
        options = segment.polls[poll].options
        try:
            counts = parse_counts(answer, options, f"poll {poll + 1}", command)
        except LiftkitError as error:
            self.say(" ".join(error.lines()), 6)
            return ""
        event = self._capture(s.poll_counts(index, poll, counts), answer, "the counts are kept")
        return "kept" if event is None else "saved"

    def _capture(self, event: Reflection | PollCounts, raw: str, kept: str) -> JournalEvent | None:
        """Write a capture, after those kept before it; when the journal cannot be written,
        keep it (None) and say so, once: liftkit.core.live.kept writes it later."""
        s = self.session
        try:
            self.save_kept()
            return s.perform([event])[0]
        except LiftkitError as error:
            self.unsaved.append(keep(event, raw, s.clock.wall_at(event.mono or 0.0)))
            it = "it" if isinstance(event, Reflection) else "them"
            later = f"liftkit saves {it} once the journal can be written again"
            self.say(f"NOT SAVED yet, {kept}: {error.message}. {fix_for(error)}: {later}.", 30)
            self.last_not_saved = stalled(error)  # said: not again while it keeps failing
            return None

    def save_kept(self) -> None:
        """Write what was kept while the journal could not be written, in the order typed,
        and say so in one line; raises LiftkitError while it still cannot be written."""
        saved = save_kept(self.session, self.unsaved)
        if saved:
            again, self.session.written_again = self.session.written_again, ""
            self.last_not_saved = ""
            self.say(f"{saved} {again}".strip(), 30 if again else 8)

    def try_kept(self) -> None:
        """As liftkit stops: what was kept is saved if the journal takes it now."""
        with contextlib.suppress(LiftkitError):
            self.save_kept()

    def polls_saved(self, saved: int) -> None:
        self.say(
            f"Saved {plural(saved, 'poll result')}." if saved else "No poll recorded.", 4, True
        )

    # ------------------------------------------------------------------ the input line

    def _open_input(self, kind: str) -> None:
        engine = self.session.engine
        draft = self.session.draft
        if draft is not None and draft.kind != kind:
            draft = None
        index = engine.index if engine.current is not None else None
        if draft is not None and draft.segment in range(len(self.session.agenda.segments)):
            index = draft.segment  # typed there before liftkit stopped: it belongs there
        segment = self.session.agenda.segments[index] if index is not None else None
        if kind == "reflect":
            self.ui.typing = InputLine("reflect", "Reflection ('Name: text', #tags)", segment=index)
        elif kind == "find":
            self.ui.typing = InputLine("find", FIND_LABEL, segment=index)
        elif segment is None or not segment.polls:
            self.say("This segment has no polls.")
        else:
            self.ui.typing = InputLine("poll", "", segment=index)
            poll = draft.poll if draft is not None and draft.poll is not None else 0
            _ask_poll(self.ui.typing, segment.polls, min(poll, len(segment.polls) - 1))
            self.ui.flash_until = 0.0  # the question, not an older message, above the line
        if self.ui.typing is not None and draft is not None:
            self.ui.typing.text, self.session.draft = draft.text, None  # typed before a stop

    def _edit(self, line: InputLine, key: str) -> None:
        """One key typed into the input line: text, a paste, Backspace, Ctrl-U, Enter or Esc."""
        text = pasted(key)
        if text is not None:  # one line of text, even when several were pasted
            if text.startswith(" ") and (not line.text or line.text.endswith(" ")):
                text = text[1:]
            line.text += text
        elif key == "ENTER":
            self._submit(line)
        elif key in ("ESC", "CTRL_C"):
            self._cancel_input()
        elif key == "BACKSPACE":
            line.text = without_last_character(line.text)
        elif key in ("ALT_BACKSPACE", "\x17"):  # Alt-Backspace, Ctrl-W: the last word
            line.text = re.sub(r"\S*\s*$", "", line.text)
        elif key == "\x15":  # Ctrl-U: start the line again
            line.text = ""
        elif key == "\t":  # a space, as in a paste: the line has no columns to tab to
            line.text += " "
        elif len(key) == 1 and typable(key):
            line.text += key
        # Anything else (Alt with a key, arrows, F-keys) does nothing while typing.

    def _cancel_input(self) -> None:
        line, self.ui.typing = self.ui.typing, None
        if line is not None and line.kind == "poll":
            self.polls_saved(line.saved)
        elif line is not None and line.kind == "find":
            self.ui.flash_until = 0.0  # nothing to say: the rooms are still in view
        else:
            self.say("No reflection recorded.")

    def _submit(self, line: InputLine) -> None:
        if line.kind == "reflect":
            self.ui.typing = None
            self.reflect(line.text, line.segment)
            return
        if line.kind == "find":
            self.ui.typing = None
            if line.text.strip():
                self._find(line.text)
            return
        agenda = self.session.agenda
        segment = agenda.segments[line.segment] if line.segment is not None else None
        if not line.text.strip() and segment is not None and line.poll + 1 < len(segment.polls):
            skipped = line.poll  # Enter alone: this poll is not recorded now, the next one is
            _ask_poll(line, segment.polls, line.poll + 1)
            line.detail = f"Poll {skipped + 1} skipped. {line.detail}"
        elif not line.text.strip():
            self._cancel_input()
        elif done := self.save_poll(line.poll, line.text, line.segment):
            kept = done == "kept"  # not saved: its NOT SAVED line stays in view
            line.saved += not kept
            if segment is not None and line.poll + 1 < len(segment.polls):
                _ask_poll(line, segment.polls, line.poll + 1)
                # the next question above the line, not the refusal of the last one
                done = "kept, NOT SAVED" if kept else done
                line.detail = f"Poll {line.poll} {done}. {line.detail}"
                self.ui.flash_until = self.ui.flash_until if kept else 0.0
            else:
                self.ui.typing = None
                if not kept:
                    self.polls_saved(line.saved)

    def _poll_line(self, text: str) -> None:
        """`p [POLL] COUNTS` in plain mode."""
        segment = self.session.engine.current
        if segment is None or not segment.polls:
            self.say("This segment has no polls.")
            return
        words = text.replace(",", " ").split()
        polls, poll = segment.polls, 0
        first_fits = bool(words) and _fits(text, polls[0].options)
        if (
            words and words[0].isdecimal() and len(words[0]) < 5 and words[1:]
        ):  # int() of 5,000 digits raises
            # "p 2 28 2": the second poll; "p 2 Yes 30 No 12" too (and "p 1 …" of a segment's
            # one poll). The first poll takes the whole line only when it fits it and what
            # follows the number does not fit that poll ("p 2 12": Yes 2, No 12 of one poll);
            # else what is wrong is said of the poll named ("poll 2: "No" has no count").
            wanted, rest, after = int(words[0]) - 1, words[1:], text.split(None, 1)[1]
            if 0 <= wanted < len(polls):
                if _fits(after, polls[wanted].options) or not first_fits:
                    poll, words, text = wanted, rest, after
            elif not first_fits:  # "p 3 30 12" was "poll 1: 3 counts for 5 options"
                self.say(f"No poll {wanted + 1} here: this segment has {polls_named(polls)}.")
                return
        elif words and not first_fits:
            # "p Yes 30 No 12" of the second poll, the first a score: the one poll it fits
            fitting = [j for j, p in enumerate(polls) if j and _fits(text, p.options)]
            poll = fitting[0] if len(fitting) == 1 else 0
        if not words:
            example = " ".join("0" for _ in segment.polls[poll].options)
            self.say(f"Polls here: {polls_listed(polls)}. Type e.g. p {example}")
            return
        # as typed: "Yes 9, No" says which option lacks its count; its examples are whole
        # commands ("p 2 10 11"), the poll named when the segment has more than one
        command = f"p {poll + 1} " if len(polls) > 1 else "p "
        self.save_poll(poll, text, command=command)


def _fits(text: str, options: Sequence[str]) -> bool:
    try:
        parse_counts(text, options)
    except LiftkitError:
        return False
    return True


def _ask_poll(line: InputLine, polls: Sequence[Poll], poll: int) -> None:
    """The input line asks for poll `poll`'s counts: a short label, so that what is typed
    stays in view ("Poll 1 [Yes/No]"), and the whole question above it."""
    asked = polls[poll]
    line.poll, line.text = poll, ""
    line.label = f"Poll {poll + 1} [{'/'.join(asked.options)}]"
    if poll + 1 < len(polls):  # how to record a later poll alone
        line.label += f" (Enter alone: poll {poll + 2})"
    which = f"Poll {poll + 1} of {len(polls)}" if len(polls) > 1 else "Poll"
    line.detail = f"{which}: {asked.question} [{' / '.join(asked.options)}]: type the counts"
