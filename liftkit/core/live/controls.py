"""What the host's keys and typed lines mean: (ui, key) -> action, (ui, line) -> action.

The front-ends read keys (or lines in plain mode); `step` and `parse_line` turn them into
an `Action`, and the session controller (controller.py) decides what each action does.
Screen-only state (notes shown, help shown, a pending confirmation, a short message) lives
in `Ui`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from liftkit.core.agenda.durations import DurationError, parse_duration
from liftkit.core.agenda.model import Segment
from liftkit.core.live.keynames import nothing_here, silent
from liftkit.core.text import command_line

MINUTE = 60.0

# A key that starts with PASTE carries text pasted in one piece (bracketed paste, or what
# came after Enter in the same read while typing): text for the input line, never commands.
PASTE = "PASTE:"


def pasted(key: str) -> str | None:
    """The text a paste key carries, on one line (line breaks become spaces); else None."""
    if not key.startswith(PASTE):
        return None
    text = re.sub(r"[\r\n]+", " ", key[len(PASTE) :]).replace("\t", " ")
    return "".join(c for c in text if typable(c))


def typable(char: str) -> bool:
    """A character the input line keeps: the printable ones, and the invisible joiners that
    written words and emoji need (a QA run typed "👩🏽‍⚕️", a nurse, and the journal held a
    woman and a staff; Persian "می‌خواهم" lost its non-joiner): ZWNJ, ZWJ, and the tag
    characters of the flags of England, Scotland and Wales."""
    return char.isprintable() or char in "\u200c\u200d" or "\U000e0020" <= char <= "\U000e007f"


def without_last_character(text: str) -> str:
    """`text` with its last character as the host sees it gone: an emoji with its skin tone,
    presentation mark and joined parts (👩🏽‍⚕️ is five code points, and one Backspace left
    "👩🏽‍⚕"), a letter with its accents; a joiner left at the end goes with it (Persian's
    ZWNJ: an invisible one that the next Backspace seemed to ignore)."""
    end = len(text)
    while end > 0:
        while end > 0 and _extends(text[end - 1]):
            end -= 1
        end = max(end - 1, 0)  # the character itself
        if _pair_ends_at(text, end):
            end -= 1  # a flag (🇬🇧): two regional indicators, G and B
        if not (end > 0 and text[end - 1] == "\u200d"):
            break
        end -= 1  # joined to the one before it, which goes too
    while end and text[end - 1] in "\u200c\u200d":
        end -= 1
    return text[:end]


def _pair_ends_at(text: str, end: int) -> bool:
    """Whether text[end], a regional indicator, is the second of a flag's pair: one of an
    even run of them."""
    run = 0
    while end - run >= 0 and "\U0001f1e6" <= text[end - run] <= "\U0001f1ff":
        run += 1
    return run > 0 and run % 2 == 0


def _extends(char: str) -> bool:
    """A code point drawn as part of the one before it."""
    return (
        unicodedata.combining(char) != 0
        or "\ufe00" <= char <= "\ufe0f"  # variation selectors (emoji presentation)
        or "\U0001f3fb" <= char <= "\U0001f3ff"  # skin tones
        or "\U000e0020" <= char <= "\U000e007f"  # the tags of a flag
        or char == "\u20e3"  # the keycap of 1️⃣
    )


def pasted_lines(keys: list[str], rooms: bool = False) -> bool:
    """Whether one read of keys is lines pasted while no input line is open, in a terminal
    without bracketed paste: typed characters and an Enter (nobody types that fast, and an
    Enter means nothing then). They are text, not keys that would skip segments. A read
    that starts with r or p, or with f or / in the rooms view, opens the line itself: what
    follows is typed into it (f and a name typed fast were lost as a paste)."""
    return (
        len(keys) > 2
        and keys[0].lower() not in ("r", "p")
        and not (rooms and keys[0] in ("f", "/"))
        and "ENTER" in keys
        and all(len(k) == 1 or k == "ENTER" for k in keys)
    )


# At most this many keys after an Enter in the same read are keys typed fast (Enter then n);
# more are the next lines of a paste from a terminal without bracketed paste.
TYPED_AFTER_ENTER = 3


def enter_ends_line(before: list[str], rest: list[str]) -> bool:
    """Whether an Enter in the input line ends it, `before` and `rest` being what came before
    and after it in the same read: a few keys typed fast are keys (Enter then n saves, then
    moves on). An Enter last in its read ends the line. Otherwise, text before the Enter in
    the same read, several characters after it, or another Enter, are lines pasted in a
    terminal without bracketed paste: text of the line, so that a paste cannot skip segments
    ("Good session⏎no" is one reflection). A key that no paste holds (an arrow, Esc, a
    bracketed paste) was typed."""
    if not rest:
        return True  # the last of its read: typed (or a slow link's batch of typed keys)
    if any(len(k) == 1 for k in before):
        return False
    if any(len(k) > 1 and k != "ENTER" for k in rest):
        return True
    return "ENTER" not in rest and len(rest) <= TYPED_AFTER_ENTER


KEYS: dict[str, str] = {
    " ": "toggle_pause",
    "n": "next",
    "RIGHT": "next",
    "b": "back",
    "LEFT": "back",
    "+": "extend",
    "=": "extend",
    "-": "shorten",
    "_": "shorten",
    "r": "reflect",
    "p": "poll",
    "g": "rooms",
    "h": "notes",
    "?": "help",
    "q": "quit",
}

# In order of importance: a narrow screen shows the first ones that fit (and always ? and q).
# p and g show only where there is a poll or there are groups, so they come early.
LEGEND = (
    ("space", "pause"),
    ("n", "next"),
    ("r", "reflect"),
    ("p", "poll"),
    ("g", "rooms"),
    ("+/-", "min"),
    ("b", "back"),
    ("h", "notes"),
    ("?", "help"),
    ("q", "quit"),
)


def legend_now(
    legend: Sequence[tuple[str, str]], space: str, hidden: Collection[str] = ()
) -> tuple[tuple[str, str], ...]:
    """A legend as it reads now: space says what it does ("pause", "resume", "start"), and
    the keys that do nothing here are left out."""
    return tuple(
        (key, space if key == "space" else what) for key, what in legend if key not in hidden
    )


def hidden_keys(segment: Segment | None, rooms: bool, waiting: bool, undo: bool) -> set[str]:
    """Keys that do nothing here, left out of the legend: p without polls, g without `rooms`,
    h without host notes (it still hides later segments' notes, as ? says), u with no
    reshuffle to put back, and before a --start time all but space, n, h, ?, q."""
    polls = bool(segment and segment.polls) and not waiting  # the first segment's, shown
    idle = {"p": not polls, "g": not rooms, "u": not undo}
    idle |= dict.fromkeys(("r", "+/-", "b"), waiting)
    idle["h"] = not (segment and segment.notes)
    return {key for key, nothing in idle.items() if nothing}


# The rooms view's own keys (the others keep their meaning there).
ROOMS_LEGEND = (
    ("←/→", "page"),
    ("g/Esc", "clock"),  # before s: a narrow window keeps the way back to the clock
    ("s", "reshuffle"),
    ("u", "undo"),
    ("f", "find"),
    ("space", "pause"),
    ("?", "help"),
    ("q", "quit"),
)
ROOMS_KEYS = {
    "RIGHT": 1, "DOWN": 1, "PGDN": 1, "LEFT": -1, "UP": -1, "PGUP": -1,
}  # fmt: skip

HELP = (
    ("space", "pause or resume the clock"),
    ("n or →", "next segment"),
    ("b or ←", "back to the previous segment (its time is kept)"),
    ("+ / -", "one minute more / less for this segment"),
    ("r", "record a reflection ('Name: text' credits it, #words tag it)"),
    ("p", "record poll results for this segment"),
    (
        "g",
        "the rooms view: every room and name; ←/→ pages, f finds a person's room, "
        "s reshuffles, u puts back the rooms before it, g or Esc returns",
    ),
    ("h", "hide or show the host notes (before sharing your screen)"),
    ("?", "show or hide this help"),
    ("q", "quit (asks; y confirms). `liftkit resume latest` carries on"),
    ("Ctrl-C", "twice to quit at once"),
)


def help_keys(folder: str) -> tuple[tuple[str, str], ...]:
    """The help of a session in `folder`: q names the command that resumes it, as the
    quit's last line does (`latest` would be another session's, under another --sessions)."""
    resume = command_line("liftkit", "resume", folder)
    quit_line = ("q", f"quit (asks; y confirms). `{resume}` carries on")
    return tuple(quit_line if key == "q" else (key, meaning) for key, meaning in HELP)


# How the host talks to the session: keys on the full screen, or typed lines (plain mode).
LIVE, PLAIN = "live", "plain"

PLAIN_HELP = (
    "commands: n (next), b (back), + / - (one minute more / less), pause, resume, "
    "r TEXT (reflection), p [POLL] COUNTS (poll results, e.g. p 30 12), g (reshuffle groups), "
    "undo (the rooms before the last reshuffle), find NAME (their room), jump N, status, help, "
    "q then y (quit)"
)


# What a pending confirmation asks, in words that fit a key (full screen) and a line (plain).
CONFIRM = {
    "quit": "Quit? y to confirm, anything else carries on (the session stays resumable)",
    "interrupt": "Ctrl-C: press Ctrl-C again or y to quit, anything else carries on",
    "reshuffle": "Reshuffle the breakout groups? y to confirm, anything else keeps them",
    "reshuffle_later": "Reshuffle the breakout groups? The later rounds and steps that keep "
    "these rooms change too. y to confirm, anything else keeps them",
    "end": "End the session? It cannot be resumed after. y to confirm, anything else carries on",
    "put_back": "Put back the rooms as they were before the reshuffle? y to confirm, anything "
    "else keeps these",
}


FIND_LABEL = "Find (part of a name)"  # f in the rooms view: Enter finds, saves nothing


@dataclass
class InputLine:
    """Text the host is typing at the bottom of the screen while the clock runs on."""

    kind: str  # "reflect", "poll" or "find" (a person's room: nothing to keep)
    label: str  # what is asked: "Reflection ('Name: text', #tags)", "Poll 1 [Yes/No]"
    detail: str = ""  # said above the line: a poll's whole question
    text: str = ""
    segment: int | None = None  # where it was opened: a capture belongs there
    poll: int = 0  # for "poll": which of the segment's polls is asked now
    saved: int = 0  # poll results saved so far in this round of questions


@dataclass
class Ui:
    show_notes: bool = True
    show_help: bool = False
    confirm: str | None = None  # "quit", "interrupt", "reshuffle", "end"…: waiting for y
    flash: str = ""
    flash_until: float = 0.0  # session seconds
    rate: float = 1.0  # session seconds per real second (--rehearse)
    typing: InputLine | None = None
    rooms: bool = False  # the rooms view is open (g)
    rooms_page: int = 0  # which page of it, counted from found[0]'s (modulo the pages there are)
    found: tuple[tuple[str, str], ...] = ()  # (room, member as shown) last found in the view
    undo: bool = False  # u has rooms to put back: the last reshuffle, in this segment
    standing: str = ""  # said whenever no message is: what is kept unsaved (a full disk)

    def say(self, message: str, now: float, seconds: float = 4.0) -> None:
        """Show a message for `seconds` of real time."""
        self.flash = message
        self.flash_until = now + seconds * self.rate

    def message(self, now: float) -> str:
        return self.flash if now < self.flash_until else self.standing


@dataclass(frozen=True)
class Action:
    """What to do to the session: a name, and a number or text for some."""

    name: str  # none, toggle_pause, pause, resume, next, back, extend, jump, reflect, poll,
    # groups, reshuffle, groups_back, put_back, find, ask_quit, quit, interrupt, notes,
    # status, help, say
    seconds: float = 0.0
    text: str = ""
    number: int | None = None


NONE = Action("none")


def _confirmed(pending: str) -> Action:
    if pending.startswith("reshuffle"):
        return Action("reshuffle")
    if pending == "put_back":
        return Action("put_back")
    if pending == "end":
        return Action("next", text="end")
    return Action("quit", text=pending)


def step(ui: Ui, key: str, now: float) -> Action:
    """One key press in the full-screen view."""
    if key == "CTRL_C":
        return Action("interrupt")
    if ui.confirm is not None:
        pending, ui.confirm = ui.confirm, None
        if key in ("y", "Y"):
            return _confirmed(pending)
        ui.say("Carrying on.", now, 2.0)
        return NONE
    if ui.rooms:
        if key in ("g", "ESC"):
            ui.rooms = False
            return NONE
        if key in ROOMS_KEYS:
            ui.rooms_page += ROOMS_KEYS[key]
            return NONE
        if key == "s":
            return Action("groups")  # reshuffle, once confirmed
        if key == "u":
            return Action("groups_back")  # the rooms before the reshuffle, once confirmed
        if key in ("f", "/"):
            return Action("find")  # opens the input line for part of a name
    # Caps Lock on: N is n (no key is bound in upper case)
    command = KEYS.get(key) or (KEYS.get(key.lower()) if len(key) == 1 else None)
    if command is None:
        if not silent(key):
            ui.say(nothing_here(key), now, 3.0)
        ui.show_help = False
        return NONE
    if command == "notes":
        ui.show_notes = not ui.show_notes
        ui.say("Host notes shown." if ui.show_notes else "Host notes hidden.", now, 2.0)
        return Action("notes")  # journalled, so that a resume keeps them hidden
    if command == "help":
        ui.show_help = not ui.show_help
        return NONE
    if command == "quit":
        return Action("ask_quit")
    if command == "extend":
        return Action("extend", seconds=MINUTE)
    if command == "shorten":
        return Action("extend", seconds=-MINUTE)
    return Action(command)


def parse_line(ui: Ui, line: str) -> Action:
    """One line typed in plain mode. A file of commands saved by Windows Notepad starts with
    a byte order mark, which is not part of its first command."""
    text = line.strip().removeprefix("\ufeff").strip()
    if not text:
        return NONE
    word, _, rest = text.partition(" ")
    word = word.lower()
    rest = rest.strip()
    if ui.confirm is not None:
        pending, ui.confirm = ui.confirm, None
        if word in ("y", "yes"):
            return _confirmed(pending)
        return Action("say", text="Carrying on.")
    simple = {
        "n": "next", "next": "next", "start": "next", "b": "back", "back": "back",
        "pause": "pause", "resume": "resume", "status": "status", "s": "status",
        "help": "help", "?": "help",
    }  # fmt: skip
    if word in simple and not rest:
        return Action(simple[word])
    if word in ("+", "-") and not rest:
        return Action("extend", seconds=MINUTE if word == "+" else -MINUTE)
    if word in ("+", "-", "extend") and rest:
        try:
            seconds = parse_duration(rest)
        except DurationError as exc:
            return Action("say", text=f"{exc}: try + 2m or - 30s")
        return Action("extend", seconds=-seconds if word == "-" else seconds)
    if word in ("r", "reflect", "reflection"):
        if not rest:
            return Action("say", text="Type the reflection after r, e.g. r Ada: listen more")
        return Action("reflect", text=rest)
    if word in ("p", "poll"):
        return Action("poll", text=rest)
    if word in ("g", "groups"):
        return Action("groups")
    if word in ("u", "undo") and not rest:
        return Action("groups_back")
    if word in ("f", "find"):
        return Action("find", text=rest)
    if word in ("q", "quit"):
        return Action("ask_quit")
    if word in ("jump", "j", "go") and rest.isdecimal():  # "²" is a digit int() refuses
        # no segment either way, and int() of 5,000 digits raises
        return Action("jump", number=int(rest) - 1 if len(rest) < 10 else 10**9)
    return Action("say", text=f"unknown command {text!r}; {PLAIN_HELP}")
