"""`liftkit run` and `liftkit view` in the environments hosts have (docs/live.md): variables a
shell exports, a locale, output sent to a file. In a real terminal (tmux)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import pytest
from support.tmux import SHARED_SCREEN, Tmux, host_and_audience

LIFTKIT = [sys.executable, "-m", "liftkit"]


@pytest.fixture
def terms(tmp_path):
    with host_and_audience(tmp_path) as pair:
        yield pair


def width_used(screen: str) -> int:
    return max(len(line.rstrip()) for line in screen.splitlines())


def digit_rows(screen: str) -> int:
    return sum("█" in line for line in screen.splitlines())


def wait_for_width(term: Tmux, wider_than: int, timeout: float = 10.0) -> str:
    """The screen once it is drawn wider than `wider_than` columns and its drawing has
    settled (the same twice running, the second countdown aside): a capture in the middle
    of a redraw, after the resize, holds only the digits' first rows."""
    deadline = time.monotonic() + timeout
    screen, before = term.screen(), ""
    while time.monotonic() < deadline and (
        width_used(screen) <= wider_than or digit_rows(screen) != digit_rows(before)
    ):
        time.sleep(0.2)
        screen, before = term.screen(), screen
    return screen


@pytest.mark.parametrize("command", ["run", "view"])
def test_columns_and_lines_in_the_environment_do_not_fix_the_screen_s_size(terms, command):
    """`COLUMNS=40 LINES=10 liftkit view latest` drew 40x10 in an 80x24 window, and a window
    made larger with COLUMNS and LINES exported kept its screen in the corner: Rich prefers
    them to the terminal's own size."""
    host, audience = terms
    sized = ["env", "COLUMNS=40", "LINES=10"]
    if command == "run":
        term = host
        term.run([*sized, *LIFTKIT, "run", "a.toml", "--sessions", "s"])
    else:
        host.run([*LIFTKIT, "run", "a.toml", "--plain", "--sessions", "s"])
        host.wait_for("session started")
        term = audience
        term.run([*sized, *LIFTKIT, "view", "latest", "--sessions", "s"])
    term.wait_for("Welcome")
    first = wait_for_width(term, 40)
    assert 40 < width_used(first) <= 80, first  # the window's 80 columns
    assert digit_rows(first) >= 5, first  # big digits: 24 rows, not 10
    term.resize(130, 40)
    larger = wait_for_width(term, 80)
    assert 80 < width_used(larger) <= 130, larger
    assert digit_rows(larger) > digit_rows(first), larger
    term.keys("q")
    if command == "run":
        term.wait_for("Quit?")
        term.keys("y")
    term.wait_for("EXIT=0")


def test_the_view_of_a_rehearsal_draws_at_most_ten_frames_a_second(tmp_path):
    """At `--rehearse 60` each second of the session is a sixtieth of a real one: the view
    redrew 50 times a second (8 % of a CPU), where `run` draws 10 at most. Counted from what
    the view writes to its terminal: the segment's bar ('… of 50:00') in each frame."""
    pexpect = pytest.importorskip("pexpect")
    (tmp_path / "a.toml").write_text(SHARED_SCREEN.replace('duration = "3m"', 'duration = "50m"'))
    (tmp_path / "s").mkdir()  # the view may open before the run makes it: it waits there
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "TERM": "xterm-256color"}
    host = subprocess.Popen(
        [*LIFTKIT, "run", "a.toml", "--plain", "--rehearse", "60", "--sessions", "s"],
        cwd=tmp_path, env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    view = pexpect.spawn(
        LIFTKIT[0], [*LIFTKIT[1:], "view", "latest", "--sessions", "s"],
        cwd=str(tmp_path), env=env, dimensions=(24, 80), encoding="utf-8",
    )  # fmt: skip
    try:
        view.expect("of 50:00", timeout=15)
        written, seconds = "", 3.0
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                written += view.read_nonblocking(65536, timeout=0.05)
            except pexpect.TIMEOUT:
                continue
        frames = written.count("of 50:00")
        assert seconds <= frames <= 10 * seconds + 2, (
            frames
        )  # it runs (on a busy machine too), and no faster
    finally:
        view.terminate(force=True)
        host.terminate()
        host.wait(timeout=10)
        host.stdin.close()  # type: ignore[union-attr]


def test_run_with_its_output_in_a_file_says_so_and_asks_on_the_terminal(terms, tmp_path):
    """`liftkit run AGENDA > log.txt` from a terminal chose plain mode without a word: the
    terminal stayed blank, and `Quit? y to confirm` went to the file alone."""
    term = terms[0]
    term.type(f"{' '.join(LIFTKIT)} run a.toml --sessions s > log.txt; echo EXIT=$?")
    term.wait_for("Plain mode: standard output is not a terminal")
    term.type("help")
    term.wait_for("jump N")
    term.type("q")
    screen = term.wait_for("Quit? y to confirm")
    term.type("y")
    screen = term.wait_for("EXIT=0")
    assert "(help lists them)" in screen.replace("\n", " ")
    log = (tmp_path / "log.txt").read_text()
    assert "Quit? y to confirm" in log and "stopped (quit)" in log  # the file has it all
    assert "stopped (quit)" not in screen  # the events stay in the file


@pytest.mark.parametrize("locale", ["LANG=C", "LC_ALL=C", "LC_ALL=POSIX"])
def test_an_ascii_locale_gets_the_ascii_stand_ins(terms, locale):
    """Python's UTF-8 mode, on by itself in the C and POSIX locales, says utf-8 for every
    stream: the countdown was drawn in blocks that an ASCII terminal cannot show."""
    host, audience = terms
    ascii_env = ["env", "-u", "LC_ALL", "-u", "LC_CTYPE", "-u", "LANG", locale]
    host.run([*ascii_env, *LIFTKIT, "run", "a.toml", "--sessions", "s"])
    shown = host.wait_for("running")
    assert "####" in shown and "█" not in shown and "·" not in shown, shown
    audience.run([*ascii_env, *LIFTKIT, "view", "latest", "--sessions", "s"])
    seen = audience.wait_for("running")
    assert "####" in seen and "█" not in seen and "Say hello in the chat" in seen, seen
    audience.keys("q")
    audience.wait_for("EXIT=0")
    host.keys("q")
    host.wait_for("Quit?")
    host.keys("y")
    assert "Error" not in host.wait_for("EXIT=0")


EMOJI = """
title = "Nurses 👩🏽‍⚕️ call"
[[segments]]
title = "Welcome 👍🏽 all"
duration = "3m"
kind = "welcome"
prompt = "Say hello 👨‍👩‍👧 in the chat"
"""


def test_an_ascii_locale_draws_an_emoji_of_several_characters_as_wide_as_it_counts(tmp_path):
    """In LC_ALL=C an emoji with a skin tone or joiners was one `?` a character (seven for
    👩🏽‍⚕️) where the layout counted two columns: the title pushed the clock onto line 2."""
    (tmp_path / "a.toml").write_text(EMOJI)
    term = Tmux(80, 24, cwd=str(tmp_path))
    try:
        term.run(["env", "-u", "LANG", "-u", "LC_CTYPE", "LC_ALL=C", *LIFTKIT, "run", "a.toml",
                  "--sessions", "s"])  # fmt: skip
        screen = term.wait_for("running")
        lines = screen.splitlines()
        assert re.fullmatch(r"Nurses \?\? call +\d\d:\d\d", lines[0]), screen
        assert len(lines[0]) == 80 and lines[1].startswith("1/1  Welcome ?? all  - welcome")
        assert "Say hello ?? in the chat" in screen, screen
        term.keys("q")
        term.wait_for("Quit?")
        term.keys("y")
        assert "Error" not in term.wait_for("EXIT=0")
    finally:
        term.close()


@pytest.mark.parametrize("locale", ["LANG=xx_XX.UTF-8", "LC_CTYPE=UTF-8", "LC_ALL=xx_XX.utf8"])
def test_a_utf_8_locale_that_is_not_installed_still_gets_utf_8(tmp_path, locale):
    """A UTF-8 terminal whose locale is not installed (or `LC_CTYPE=UTF-8`, ssh from a Mac):
    Python's UTF-8 mode, on there as in the C locale, was taken for an ASCII terminal, and
    the countdown was drawn with `#`, "Zoë 日本" shown as "Zoe ????"."""
    (tmp_path / "a.toml").write_text('title = "Zoë 日本"\n' + SHARED_SCREEN.split("\n", 2)[2])
    term = Tmux(80, 24, cwd=str(tmp_path))
    try:
        term.run(["env", "-u", "LANG", "-u", "LC_CTYPE", "-u", "LC_ALL", locale, *LIFTKIT, "run",
                  "a.toml", "--sessions", "s"])  # fmt: skip
        screen = term.wait_for("running")
        assert screen.startswith("Zoë 日本 ") and "████" in screen and "####" not in screen, screen
        term.keys("q")
        term.wait_for("Quit?")
        term.keys("y")
        assert "Error" not in term.wait_for("EXIT=0")
    finally:
        term.close()


def joined(screen: str) -> str:
    """The screen's text without spaces and line ends: tmux breaks lines inside words."""
    return "".join(screen.split())


@pytest.mark.parametrize(
    ("how", "why"),
    [
        (["env", "-u", "TERM"], "this terminal cannot draw the full screen (TERM is not set)"),
        (["env", "TERM=dumb"], "this terminal cannot draw the full screen (TERM=dumb)"),
        (["sh", "-c", 'echo status | "$0" "$@"'], "standard input is not a terminal"),
    ],
)
def test_plain_mode_chosen_on_a_terminal_says_why(tmp_path, how, why):
    """`env -u TERM liftkit run …`, `TERM=dumb …` or `echo n | liftkit run …` went plain
    without a word, where output sent to a file is said."""
    (tmp_path / "a.toml").write_text(SHARED_SCREEN)
    term = Tmux(80, 24, cwd=str(tmp_path))
    try:
        term.run([*how, *LIFTKIT, "run", "a.toml", "--sessions", "s"])
        shown = joined(term.wait_for("session started"))
        assert joined(f"Plain mode: {why}") in shown, shown
        term.signal(signal.SIGTERM)
        term.wait_for("EXIT=")
    finally:
        term.close()


def test_ctrl_c_at_the_end_of_input_quits_at_once_and_says_the_reflections_are_saved(tmp_path):
    """With standard input at its end (`< /dev/null`), Ctrl-C asked `y to quit`, which
    nothing could type."""
    (tmp_path / "a.toml").write_text(SHARED_SCREEN)
    term = Tmux(80, 24, cwd=str(tmp_path))
    try:
        term.type(f"{' '.join(LIFTKIT)} run a.toml --sessions s < /dev/null; echo EXIT=$?")
        term.wait_for("end of input")
        term.keys("C-c")
        shown = joined(term.wait_for("EXIT=130"))
    finally:
        term.close()
    assert "ytoquit" not in shown, shown
    assert joined("standard input has ended, so nothing could answer a question") in shown
    assert joined("quitting now; the reflections are saved") in shown
