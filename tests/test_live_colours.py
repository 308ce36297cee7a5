"""The countdown's colours read on a light terminal as on a dark one.

Recounted from what the frame writes: the colour of the countdown's block characters in
each tone a session goes through, as the 256-colour terminal receives it."""

import io
from dataclasses import replace

from rich.color import ColorType
from rich.console import Console
from support.live import FakeTime, open_session
from test_live_app import live_app

from liftkit.cli.live.frame import Frame
from liftkit.core.live.screen import DONE, NORMAL, OVER, SILENCE, WARN

AGENDA = """
title = "Colours"
[[segments]]
title = "Talk"
duration = "90s"
warn = ["1m"]
auto_advance = true
[[segments]]
title = "Close"
duration = "1m"
kind = "reflection"
silence = "30s"
"""


def luminance(rgb) -> float:
    """WCAG relative luminance."""

    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def countdown_colours(screen, color_system="256"):
    """The colours the frame gives the countdown's block characters (█) in this screen."""
    console = Console(width=100, height=30, file=io.StringIO(), color_system=color_system)
    options = console.options.update(width=100, height=30)
    lines = console.render_lines(Frame().render(screen, 100, 30), options, pad=False)
    return {s.style.color for line in lines for s in line if "█" in s.text and s.style}


WHITE, BLACK, DARK_GREY = (255, 255, 255), (0, 0, 0), (0x1E, 0x1E, 0x1E)


def session_tones(tmp_path):
    """A screen of each tone a session goes through (running, warning, silence, end...)."""
    time = FakeTime()
    session = open_session(tmp_path, AGENDA, time, rate=10)
    app, seen, _ = live_app(session, time, [(9, ["SIGINT"]), (9.5, ["SIGINT"])], width=100)
    app.run()
    tones = {}
    for screen in seen.screens:
        tones.setdefault(screen.tone, screen)
    # the end, as the screen reads once the last segment is over (drawn by its tone alone)
    tones[DONE] = replace(tones[NORMAL], tone=DONE, status="SESSION COMPLETE")
    return tones


def test_warning_and_silence_colours_read_on_white_and_on_black(tmp_path):
    """The 256-colour warning (#af8700) was 3.34:1 on white, the silence (#008787) 4.36 on
    white and 3.82 on #1e1e1e, the end (#008700) 4.47 on black: below WCAG's 4.5:1 for the
    status words drawn in them. Bold yellow, shown as bright yellow by terminals that brighten
    bold (macOS Terminal by default), had all but vanished from a light background."""
    checked = {}
    for tone, screen in session_tones(tmp_path).items():
        if tone == OVER:
            continue  # the terminal's own red, as its theme makes it
        for colour in countdown_colours(screen):
            if colour is None or colour.is_default:
                continue  # the terminal's own foreground: legible on its background
            # One of the 16 named colours is whatever the theme makes of it, bright when bold.
            assert colour.type not in (ColorType.STANDARD, ColorType.WINDOWS), (tone, colour)
            rgb = colour.get_truecolor()
            figures = [round(contrast(rgb, bg), 2) for bg in (WHITE, BLACK, DARK_GREY)]
            checked[tone] = figures
            # 4.5:1 on white and on black; on a dark grey theme no colour reaches both, and
            # the big digits are large text (3:1)
            assert figures[0] >= 4.5 and figures[1] >= 4.5 and figures[2] >= 3, (tone, figures)
    assert {WARN, SILENCE, DONE} <= set(checked), checked


def test_with_16_colours_the_tones_are_the_terminals_own_foreground(tmp_path):
    """With 16 colours (TERM=xterm) the warning, silence and end were ANSI yellow, cyan and
    green, not bold: 1.7-3.1:1 on a white background, whatever the theme."""
    tones = session_tones(tmp_path)
    assert {WARN, SILENCE, DONE} <= set(tones)
    for tone in (WARN, SILENCE, DONE):
        colours = countdown_colours(tones[tone], "standard")
        assert colours and all(c is None or c.is_default for c in colours), (tone, colours)
