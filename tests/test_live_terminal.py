"""`liftkit run` in a real terminal (tmux): keys, capture, SIGKILL and resume, restore."""

import json
import re
import signal
import sys
import time

import pytest
from support.tmux import Tmux

LIFTKIT = [sys.executable, "-m", "liftkit"]

AGENDA = """
title = "Tmux rehearsal"

[[segments]]
title = "Welcome"
duration = "2m"
kind = "welcome"
prompt = "Say hello in the chat"
notes = "SECRET HOST NOTE"

[[segments.polls]]
question = "Been before?"
options = ["Yes", "No"]

[[segments]]
title = "Breakouts"
duration = "10m"
kind = "breakout"
questions = ["What resonated?"]

[[segments]]
title = "Close"
duration = "5m"
kind = "reflection"
"""


@pytest.fixture
def term(tmp_path):
    (tmp_path / "a.toml").write_text(AGENDA)
    t = Tmux(80, 24, cwd=str(tmp_path))
    yield t
    t.close()


def journal(tmp_path):
    (path,) = (tmp_path / "s").glob("*/journal.jsonl")
    return [json.loads(line) for line in path.read_text().splitlines()]


def stty_is_sane(term: Tmux) -> None:
    """Echo, line reading and Ctrl-C are back on in the terminal after liftkit exits."""
    term.type("stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo|isig)$' | sort | tr '\\n' ,; echo")
    screen = term.wait_for("isig,")
    assert "echo,icanon,isig," in screen


def test_keys_capture_sigkill_resume_and_a_restored_terminal(term, tmp_path):
    term.run([*LIFTKIT, "run", "a.toml", "--rehearse", "5", "--sessions", "s"])
    screen = term.wait_for("running")
    assert "Tmux rehearsal" in screen and "Welcome" in screen and "█" in screen
    assert "SECRET HOST NOTE" in screen
    term.keys("h")
    assert "SECRET HOST NOTE" not in term.wait_for("Host notes hidden")
    term.keys("Space")
    term.wait_for("PAUSED")
    term.keys("Space")
    term.wait_for("running")
    term.keys("p")
    term.wait_for("Been before?")
    term.type("30 12")
    term.wait_for("Saved 1 poll result")
    term.keys("n")
    term.wait_for("2/3  Breakouts")
    term.keys("+")
    term.wait_for("+1 min")
    term.keys("r")
    term.wait_for("Reflection")
    term.type("Ada Lovelace: kept after a crash #crash")
    term.wait_for("Saved reflection from Ada Lovelace (1 so far)")

    term.signal(signal.SIGKILL)
    term.wait_for("EXIT=137")
    term.run([*LIFTKIT, "resume", "latest", "--sessions", "s"])
    screen = term.wait_for("1 reflection")
    assert "2/3  Breakouts" in screen
    term.keys("q")
    term.wait_for("Quit?")
    term.keys("y")
    screen = term.wait_for("EXIT=0")
    assert "Session stopped (quit)" in screen
    stty_is_sane(term)

    events = journal(tmp_path)
    reflections = [e for e in events if e["type"] == "reflection"]
    assert [(r["author"], r["text"], r["tags"], r["segment"]) for r in reflections] == [
        ("Ada Lovelace", "kept after a crash #crash", ["crash"], 1)
    ]
    assert [e["counts"] for e in events if e["type"] == "poll"] == [{"Yes": 30, "No": 12}]
    assert [e["type"] for e in events].count("session_resume") == 1
    assert events[-1]["type"] == "stop" and events[-1]["reason"] == "quit"


def test_warning_and_overrun_are_words_as_well_as_colour(term, tmp_path):
    (tmp_path / "short.toml").write_text(
        'title = "Short"\n[[segments]]\ntitle = "Only"\nduration = "90s"\nwarn = ["1m"]\n'
    )
    term.run([*LIFTKIT, "run", "short.toml", "--rehearse", "20", "--sessions", "s"])
    term.wait_for("1 MIN LEFT")
    screen = term.wait_for("OVER TIME", timeout=15)
    assert "+" in screen  # the big overrun counter starts with a plus sign
    term.keys("C-c")
    term.wait_for("press Ctrl-C again")
    term.keys("C-c")
    assert "Session stopped (interrupt)" in term.wait_for("EXIT=130")
    stty_is_sane(term)
    events = journal(tmp_path)
    assert [e["before"] for e in events if e["type"] == "warning"] == [60, 0]
    assert events[-1] == events[-1] | {"type": "stop", "reason": "interrupt"}


def test_a_resized_window_is_redrawn_to_its_new_size(term, tmp_path):
    term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
    small = term.wait_for("running")
    assert max(len(line) for line in small.splitlines()) <= 80
    term.resize(140, 45)

    def digit_rows(screen):
        return len([line for line in screen.splitlines() if "█" in line])

    deadline = time.monotonic() + 10
    big = term.screen()
    while time.monotonic() < deadline and digit_rows(big) <= digit_rows(small):
        time.sleep(0.1)
        big = term.screen()
    assert digit_rows(big) > digit_rows(small)  # larger digits
    assert max(len(line.rstrip()) for line in big.splitlines()) > 80  # using the width
    term.signal(signal.SIGTERM)
    assert "Session stopped (sigterm)" in term.wait_for("EXIT=130")
    stty_is_sane(term)
    assert journal(tmp_path)[-1]["reason"] == "sigterm"


def test_the_bell_rings_once_for_a_warning(tmp_path):
    pexpect = pytest.importorskip("pexpect")
    (tmp_path / "bell.toml").write_text(
        'title = "Bell"\n[[segments]]\ntitle = "Only"\nduration = "2m"\nwarn = ["1m"]\n'
    )
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("COLUMNS", "LINES")}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "liftkit", "run", "bell.toml", "--rehearse", "30", "--sessions", "s"],
        cwd=str(tmp_path),
        env=env,
        dimensions=(24, 80),
    )
    child.expect("running", timeout=10)
    child.expect("\x07", timeout=10)  # the one-minute warning
    child.expect("1 MIN LEFT", timeout=5)
    child.sendcontrol("c")
    child.expect("Ctrl-C again", timeout=5)
    child.sendcontrol("c")
    child.expect(pexpect.EOF, timeout=10)
    child.close()
    assert child.exitstatus == 130


def test_a_closed_terminal_stops_the_session_cleanly(term, tmp_path):
    term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
    term.wait_for("running")
    term.keys("r")
    term.wait_for("Reflection")
    term.type("kept when the window closes")
    term.wait_for("Saved reflection")
    term.close()  # the window goes away: SIGHUP
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and journal(tmp_path)[-1]["type"] != "stop":
        time.sleep(0.1)
    events = journal(tmp_path)
    assert events[-1]["type"] == "stop" and events[-1]["reason"] == "sighup"
    assert [e["text"] for e in events if e["type"] == "reflection"] == [
        "kept when the window closes"
    ]


def test_an_error_in_the_view_keeps_the_journal_and_the_terminal(term, tmp_path):
    # A view that fails on its twentieth frame, after a reflection has been saved.
    (tmp_path / "faulty.py").write_text(
        "import sys\n"
        "import liftkit.cli.live.frame as view\n"
        "calls = 0\n"
        "real = view._bars\n"
        "def bars(*args):\n"
        "    global calls\n"
        "    calls += 1\n"
        "    if calls >= 20 and '--now' in open('trigger').read():\n"
        "        raise RuntimeError('the view broke')\n"
        "    return real(*args)\n"
        "view._bars = bars\n"
        "from liftkit.cli.main import main\n"
        "main(sys.argv[1:])\n"
    )
    (tmp_path / "trigger").write_text("")
    term.run([sys.executable, "faulty.py", "run", "a.toml", "--sessions", "s", "--rehearse", "20"])
    term.wait_for("running")
    term.keys("r")
    term.wait_for("Reflection")
    term.type("saved before the fault")
    term.wait_for("Saved reflection")
    (tmp_path / "trigger").write_text("--now")
    screen = term.wait_for("EXIT=1", timeout=15)
    assert "internal error: RuntimeError: the view broke" in screen
    assert "Traceback" not in screen
    stty_is_sane(term)
    events = journal(tmp_path)
    assert [e["text"] for e in events if e["type"] == "reflection"] == ["saved before the fault"]
    assert events[-1]["type"] == "stop" and events[-1]["reason"] == "error"


@pytest.mark.parametrize("no_color", [True, False])
def test_no_color_drops_colours_but_keeps_the_words(tmp_path, no_color):
    pexpect = pytest.importorskip("pexpect")
    (tmp_path / "warn.toml").write_text(
        'title = "Warn"\n[[segments]]\ntitle = "Only"\nduration = "2m"\nwarn = ["1m"]\n'
    )
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("COLUMNS", "LINES")}
    env.pop("NO_COLOR", None)
    env["TERM"] = "xterm-256color"
    if no_color:
        env["NO_COLOR"] = "1"
    child = pexpect.spawn(
        sys.executable,
        ["-m", "liftkit", "run", "warn.toml", "--rehearse", "30", "--sessions", "s"],
        cwd=str(tmp_path),
        env=env,
        dimensions=(24, 80),
        encoding="utf-8",
        # Ctrl-C makes the terminal driver flush its output queue (no NOFLSH), which can
        # cut a character in half on the way to us.
        codec_errors="replace",
    )
    child.expect("1 MIN LEFT", timeout=15)
    shown = child.before
    child.sendcontrol("c")
    child.expect("Ctrl-C again", timeout=10)  # two signals sent at once would merge into one
    child.sendcontrol("c")
    child.expect(pexpect.EOF, timeout=10)
    child.close()
    colour = re.compile(r"\x1b\[[0-9;]*(?:3[0-7]|9[0-7]|38;[25])[;m]")
    assert bool(colour.search(shown)) is not no_color


def test_a_breakout_shows_its_groups_and_g_reshuffles_them(term, tmp_path):
    (tmp_path / "people.csv").write_text(
        "First Name,Last Name,Email\n"
        + "".join(f"Ann{i},Lee{i},a{i}@example.org\n" for i in range(10))
    )
    term.run([*LIFTKIT, "run", "a.toml", "--attendees", "people.csv", "--seed", "4",
              "--sessions", "s"])  # fmt: skip
    term.wait_for("running")
    term.keys("n")
    screen = term.wait_for("Room 1")
    assert "Groups: 3 rooms of 3-4 · 10 people · seed 4" in screen
    term.keys("g")
    term.wait_for("Reshuffle the breakout groups?")
    term.keys("y")
    term.wait_for("Groups reshuffled")
    term.keys("q")
    term.wait_for("Quit?")
    term.keys("y")
    term.wait_for("EXIT=0")
    groups = [e for e in journal(tmp_path) if e["type"] == "groups"]
    assert [g["segment"] for g in groups] == [1, 1]
    assert groups[0]["seed"] == 4 and groups[1]["seed"] != 4


def test_ctrl_c_still_asks_after_a_prompt_has_been_open(term, tmp_path):
    term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
    term.wait_for("running")
    term.keys("r")
    term.wait_for("Reflection")
    term.keys("Enter")  # nothing typed: no reflection
    term.wait_for("No reflection recorded")
    term.keys("C-c")
    term.wait_for("press Ctrl-C again")
    term.keys("C-c")
    assert "Session stopped (interrupt)" in term.wait_for("EXIT=130")


def test_sigterm_while_typing_a_reflection_stops_cleanly(term, tmp_path):
    term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
    term.wait_for("running")
    term.keys("r")
    term.wait_for("Reflection")
    term.type("half typ", enter=False)
    term.wait_for("half typ")
    term.signal(signal.SIGTERM)
    screen = term.wait_for("EXIT=130")
    assert "Session stopped (sigterm)" in screen
    assert "Traceback" not in screen and "Press ENTER" not in screen
    stty_is_sane(term)
    events = journal(tmp_path)
    assert events[-1]["type"] == "stop" and events[-1]["reason"] == "sigterm"
    assert not [e for e in events if e["type"] == "reflection"]  # never confirmed


def test_keys_typed_with_r_go_into_the_prompt_not_into_commands(term, tmp_path):
    term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
    term.wait_for("running")
    term.type("rBen: nice one", enter=False)  # one burst, as a paste would come
    term.wait_for("Reflection")
    term.keys("Enter")
    term.wait_for("Saved reflection from Ben")
    screen = term.screen()
    assert "1/3  Welcome" in screen and "PAUSED" not in screen
    events = journal(tmp_path)
    assert [e["text"] for e in events if e["type"] == "reflection"] == ["nice one"]
    assert not [e for e in events if e["type"] in ("pause", "segment_end")]


def test_the_last_segment_asks_before_ending_and_hidden_notes_stay_hidden(term, tmp_path):
    term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
    term.wait_for("SECRET HOST NOTE")
    term.keys("h")
    term.wait_for("Host notes hidden")
    term.signal(signal.SIGKILL)
    term.wait_for("EXIT=137")
    term.run([*LIFTKIT, "resume", "latest", "--sessions", "s"])
    screen = term.wait_for("Resumed")
    assert "SECRET HOST NOTE" not in screen  # still hidden on a shared screen
    term.keys("n", "n")
    term.wait_for("3/3  Close")
    term.keys("n")
    term.wait_for("End the session?")
    term.keys("x")  # anything but y carries on
    term.wait_for("Carrying on")
    term.keys("n")
    term.wait_for("End the session?")
    term.keys("y")
    assert "Session complete" in term.wait_for("EXIT=0")


def test_ctrl_z_and_fg_give_back_a_working_screen(term, tmp_path):
    term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
    term.wait_for("running")
    term.keys("C-z")
    term.wait_for("Stopped")
    term.type("fg")
    term.wait_for("running")
    term.keys("n")
    term.wait_for("2/3  Breakouts")
    term.keys("q")
    term.wait_for("Quit?")
    term.keys("y")
    term.wait_for("Session stopped (quit)")  # (after fg, bash runs no `; echo EXIT`)
    stty_is_sane(term)


def test_a_small_window_keeps_the_countdown_and_the_confirmation(tmp_path):
    (tmp_path / "a.toml").write_text(AGENDA)
    small = Tmux(40, 12, cwd=str(tmp_path))
    try:
        small.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
        screen = small.wait_for("running")
        assert re.search(r"\d\d:\d\d  running", screen)  # the time, not cropped digits
        small.keys("q")
        small.wait_for("Quit?")
        small.keys("y")
        small.wait_for("EXIT=0")
    finally:
        small.close()


def test_a_dumb_terminal_and_ctrl_d_in_plain_mode(term, tmp_path):
    term.type("export TERM=dumb")
    term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
    term.wait_for("> 1/3 Welcome")  # plain lines, not an invisible full screen
    term.keys("C-d")
    term.wait_for("Ctrl-D ignored")
    term.type("r still listening")
    term.wait_for("saved reflection (1): still listening")
    term.type("q")
    term.type("y")
    term.wait_for("EXIT=0")
