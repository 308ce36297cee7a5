"""The countdown's colours read on a light terminal as on a dark one.

Recounted from what the frame writes: the colour of the countdown's block characters in
each tone a session goes through, as the 256-colour terminal receives it."""

import io

from rich.color import ColorType
from rich.console import Console
from support.live import FakeTime, open_session
from test_live_app import live_app

from liftkit.cli.live.frame import Frame
from liftkit.core.live.screen import OVER, SILENCE, WARN

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


def countdown_colours(screen):
    """The colours the frame gives the countdown's block characters (█) in this screen."""
    console = Console(width=100, height=30, file=io.StringIO(), color_system="256")
    options = console.options.update(width=100, height=30)
    lines = console.render_lines(Frame().render(screen, 100, 30), options, pad=False)
    return {s.style.color for line in lines for s in line if "█" in s.text and s.style}


def test_warning_and_silence_colours_read_on_white_and_on_black(tmp_path):
    """Bold yellow, shown as bright yellow by terminals that brighten bold (macOS Terminal by
    default), all but vanished from a light background in the last minute of a segment."""
    time = FakeTime()
    session = open_session(tmp_path, AGENDA, time, rate=10)
    app, seen, _ = live_app(session, time, [(9, ["SIGINT"]), (9.5, ["SIGINT"])], width=100)
    app.run()
    tones = {}
    for screen in seen.screens:
        tones.setdefault(screen.tone, screen)
    checked = set()
    for tone, screen in tones.items():
        if tone == OVER:
            continue  # red behind the digits (reverse): the digits take the background's colour
        for colour in countdown_colours(screen):
            if colour is None or colour.is_default:
                continue  # the terminal's own foreground: legible on its background
            # One of the 16 named colours is whatever the theme makes of it, bright when bold.
            assert colour.type not in (ColorType.STANDARD, ColorType.WINDOWS), (tone, colour)
            rgb = colour.get_truecolor()
            assert contrast(rgb, (255, 255, 255)) >= 3, (tone, colour)
            assert contrast(rgb, (0, 0, 0)) >= 3, (tone, colour)
            checked.add(tone)
    assert {WARN, SILENCE} <= checked
