"""The big overrun counter reads as digits on the host's screen, in `liftkit view` and in the
rooms view, in colour and without it: never drawn in reverse video."""

import io
import re
import sys
import time

from rich.console import Console
from support.bigdigits import digit_rows, read_big, reversed_cells
from support.tmux import Tmux

from liftkit.cli.live.frame import Frame
from liftkit.core.live.screen import OVER, GroupsSummary, Screen

LIFTKIT = [sys.executable, "-m", "liftkit"]

AGENDA = """
title = "Short"
[[segments]]
title = "Talk"
duration = "1m"
[[segments]]
title = "Close"
duration = "10m"
"""


def overrun(term: Tmux, timeout: float = 15.0) -> tuple[str, str]:
    """The screen (text, and with its styles) once the big digits show an overrun."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = term.screen()
        if "OVER TIME" in text and read_big(digit_rows(text)).startswith("+"):
            styled = term.screen(styles=True)
            if digit_rows(styled_text(styled)) == digit_rows(text):  # the same second
                return text, styled
        time.sleep(0.1)
    raise AssertionError(f"no overrun on the screen:\n{term.screen()}")


def styled_text(styled: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", styled)


def reversed_digits(styled: str) -> tuple[int, int]:
    """(█ cells in reverse video, █ cells) in the rows of big digits."""
    plain = styled_text(styled).splitlines()
    rows = set(digit_rows("\n".join(plain)))
    counts = [
        reversed_cells(line)
        for line, text in zip(styled.splitlines(), plain, strict=True)
        if text in rows
    ]
    return sum(f for f, _ in counts), sum(t for _, t in counts)


def test_the_overrun_reads_as_digits_on_the_host_screen_and_in_the_view(tmp_path):
    """'bold red reverse' drew each █ in the background's colour: the digits were holes in
    a ragged red patch whose outer strokes met the plain background and vanished (NO_COLOR
    too: it keeps reverse video)."""
    (tmp_path / "a.toml").write_text(AGENDA)
    host, audience = Tmux(80, 24, cwd=str(tmp_path)), Tmux(80, 24, cwd=str(tmp_path))
    try:
        host.run([*LIFTKIT, "run", "a.toml", "--sessions", "s", "--rehearse", "30"])
        host.wait_for("Talk")
        audience.type("export NO_COLOR=1")
        audience.run([*LIFTKIT, "view", "latest", "--sessions", "s"])
        for term in (host, audience):
            text, styled = overrun(term)
            shown = read_big(digit_rows(text))
            assert shown[0] == "+" and "?" not in shown and ":" in shown, (shown, text)
            flipped, blocks = reversed_digits(styled)
            assert blocks > 0 and flipped == 0, (flipped, blocks, styled)
            # the words stay as strong as they were: reversed, in colour or not
            status = next(ln for ln in styled.splitlines() if "OVER TIME" in ln)
            assert reversed_cells(status, "V") == (1, 1), status
    finally:
        host.close()
        audience.close()


def test_the_rooms_view_draws_its_overrun_without_reverse_video():
    rooms = tuple((f"Room {n}", (f"Person {n}a", f"Person {n}b")) for n in range(1, 4))
    screen = Screen(
        title="Short", wall_clock="10:00", position="2/3", segment_title="Breakouts",
        kind="breakout", countdown="+00:59", tone=OVER, status="▲ OVER TIME",
        segment_line="", segment_progress=1.0, session_line="", session_progress=0.5,
        prompt="", questions=(), notes="", next_line="",
        groups=GroupsSummary("3 rooms of 2", rooms), message="", rooms_view=True,
    )  # fmt: skip
    for colours in ("256", None):
        out = io.StringIO()
        console = Console(width=100, height=40, file=out, color_system=colours, force_terminal=True)
        console.print(Frame().render(screen, 100, 40))
        styled = out.getvalue()
        shown = read_big(digit_rows(styled_text(styled)))
        assert shown == "+0:59", (shown, styled_text(styled))
        flipped, blocks = reversed_digits(styled)
        assert blocks > 0 and flipped == 0, (colours, flipped, blocks)
