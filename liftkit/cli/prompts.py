"""questionary prompts (imported only when a prompt is needed: questionary is slow to import)."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import replace

import questionary
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

from liftkit.core.agenda.durations import (
    MAX_SECONDS,
    DurationError,
    format_duration,
    parse_duration,
    seconds_after_no_minutes,
    states_a_length,
)
from liftkit.core.agenda.model import Agenda, with_durations
from liftkit.core.agenda.timeline import left_out
from liftkit.core.text import terminal_safe


def _answer(question: questionary.Question) -> object:
    _escape_cancels(question)
    try:
        value = question.unsafe_ask()  # ask() would print "Cancelled by user" too
    except EOFError:  # Ctrl-D on an empty line: prompt_toolkit ends the prompt with EOFError
        raise KeyboardInterrupt from None
    if value is None:  # Ctrl-C inside questionary
        raise KeyboardInterrupt
    return value


def _escape_cancels(question: questionary.Question) -> None:
    """Esc leaves the questions as Ctrl-C does: nothing written, exit code 130. questionary
    binds no Esc, and Esc then Enter at the template list answered "" (Error: unknown
    template ""); at once (`eager`), not after the wait for a key it might begin."""
    bindings = KeyBindings()

    @bindings.add("escape", eager=True)
    def _cancel(event: object) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")  # type: ignore[attr-defined]

    app = question.application
    app.key_bindings = merge_key_bindings([b for b in (app.key_bindings, bindings) if b])


def ask_new_agenda(
    names: Sequence[str],
    default: str,
    load: Callable[[str], Agenda],
) -> tuple[Agenda, str]:
    """Ask for the template, the title, the host, (if wanted) new durations, and what the
    call is about."""
    choices = [questionary.Choice(f"{n}: {load(n).title}", value=n) for n in names]
    name = str(
        _answer(questionary.select("Start from which template?", choices=choices, default=default))
    )
    agenda = load(name)
    # The template's answers are shown greyed, not typed in: what the host types replaces
    # them (with a default typed in, "My call" became "Community conversationMy call"), and
    # Enter on an empty line keeps them.
    title = _offered("Title of your agenda:", agenda.title)
    # on one line, as the host's and description's: a title pasted with its line break was
    # written across lines, and the live screen's header took two rows
    agenda = replace(agenda, title=" ".join(title.split()) or agenda.title)
    host = _offered("Who hosts it (your name)?", agenda.host)
    agenda = replace(agenda, host=" ".join(host.split()))
    planned = sum(s.duration for s in agenda.segments)
    if _answer(questionary.confirm("Change the segment durations?", default=False)):
        durations = []
        for i, segment in enumerate(agenda.segments):
            current = format_duration(segment.duration)
            so_far = sum(durations)
            after = len(agenda.segments) - i - 1
            answer = _offered(
                f"{segment.title}:",
                current,
                validate=lambda text, current=current, so_far=so_far, after=after: _valid_duration(
                    text, current, so_far, after
                ),
            )
            durations.append(parse_duration(answer))
            if dropped := left_out(segment, durations[-1]):  # not left out without a word
                _say(dropped)
        agenda = with_durations(agenda, durations)
    # Asked last, once the durations are settled: the template's line ("A one-hour hosted
    # conversation…") heads the event pack, and a host who made the call 30 minutes long,
    # or about their own theme, would publish it as it stands.
    offered = agenda.description
    total = sum(s.duration for s in agenda.segments)
    if total != planned and states_a_length(offered):
        # Enter would have kept "Twelve minutes that…" over a call of 15: the line is shown,
        # to copy from, but not offered.
        _say(
            f'The template\'s line, "{offered}", gives another length than your '
            f"{format_duration(total)}: type your own, or Enter for none."
        )
        offered = ""
    about = _offered("What is it about, in a line (it heads the event pack)?", offered)
    agenda = replace(agenda, description=" ".join(about.split()))
    return agenda, name


def _say(text: str) -> None:
    """A note between the questions, folded at spaces to the window's width: printed whole,
    the terminal cut its words across lines ("matters to the co" / "mmunity.")."""
    width = max(shutil.get_terminal_size().columns - 1, 20)
    print(textwrap.fill(terminal_safe(text), width, break_on_hyphens=False))


def _offered(message: str, value: str, **options: object) -> str:
    """The answer to a question, `value` when the answer is left empty."""
    hint = [("fg:ansibrightblack", value)] if value else None
    typed = str(_answer(questionary.text(message, placeholder=hint, **options)))  # type: ignore[arg-type]
    return typed if typed.strip() else value


SMALLEST_LEFT = 60  # kept for each segment still to ask: a minute, the unit a host plans in


def _valid_duration(text: str, current: str = "", so_far: int = 0, after: int = 0) -> bool | str:
    """True, or why `text` is refused; empty keeps `current`. `so_far` is what the segments
    before add up to: an agenda longer than a day is refused as it is read (`"total": "120h"
    is longer than a day`), so the answer that would make it so is asked again. A minute is
    kept for each of the `after` segments still to ask: with 23h then 1h, every answer to
    the third was refused (0 is not a duration), and the host could only start again."""
    if not text.strip():
        text = current  # the current duration stays
        if not text:
            return True
    try:
        length = parse_duration(text)
    except DurationError as exc:
        return f"{exc}: try 90s, 5m, 1h 15m or 1:30"
    # "0:05": asked again, rather than a 5-second segment
    if (seconds := seconds_after_no_minutes(text)) is not None:
        said = text.strip()
        return f"{said} is {seconds} seconds (minutes:seconds): type {seconds}m or {seconds}s"
    kept = after * SMALLEST_LEFT
    if so_far + length + kept > MAX_SECONDS:
        room = MAX_SECONDS - so_far - kept
        do = f"type at most {format_duration(room)}" if room > 0 else "Ctrl-C and start again"
        if so_far + length > MAX_SECONDS:
            return f"that makes {format_duration(so_far + length)} in all, longer than a day: {do}"
        rest = "the segment" if after == 1 else f"the {after} segments"
        return f"that leaves no minute in the day for {rest} after it: {do}"

    return True
