"""`liftkit view` in a real terminal, following a session run in plain mode in another one."""

import hashlib
import json
import re
import signal
import sys
import time

import pytest
from support.tmux import Tmux

LIFTKIT = [sys.executable, "-m", "liftkit"]

AGENDA = """
title = "Shared screen"

[[segments]]
title = "Welcome"
duration = "3m"
kind = "welcome"
prompt = "Say hello in the chat"
notes = "SECRET HOST NOTE"

[[segments]]
title = "Breakouts"
duration = "10m"
kind = "breakout"
group_size = 3

[[segments]]
title = "Close"
duration = "5m"
kind = "reflection"
"""

PEOPLE = [
    "Ada Lovelace", "Bo Li", "Cy Young", "Di Dee", "Ed Eng", "Flo Fox", "Gus Grey", "Hal Hope",
    "Ivy Ives",
]  # fmt: skip


@pytest.fixture
def terms(tmp_path):
    (tmp_path / "a.toml").write_text(AGENDA)
    (tmp_path / "people.txt").write_text("\n".join(PEOPLE) + "\n")
    host = Tmux(80, 24, cwd=str(tmp_path))
    audience = Tmux(80, 24, cwd=str(tmp_path))
    yield host, audience
    host.close()
    audience.close()


def journal_path(tmp_path):
    (path,) = (tmp_path / "s").glob("*/journal.jsonl")
    return path


def last_rooms(tmp_path):
    events = [json.loads(line) for line in journal_path(tmp_path).read_text().splitlines()]
    groups = [e for e in events if e["type"] == "groups"][-1]
    return [[m["name"] for m in g["members"]] for g in groups["rounds"][0]["groups"]]


def countdown_rows(screen):
    """The countdown: big digits, or one line ("  09:27  running") where rooms take the room."""
    return [
        line for line in screen.splitlines() if "█" in line or re.match(r"\s+\d\d:\d\d  ", line)
    ][:10]


def wait_for_change(term, before, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if countdown_rows(term.screen()) != before:
            return
        time.sleep(0.1)
    raise AssertionError(f"the countdown stopped:\n{term.screen()}")


def wait_until_gone(term, text, timeout=4.0):
    deadline = time.monotonic() + timeout
    while text in term.screen():
        assert time.monotonic() < deadline, f"{text!r} stayed:\n{term.screen()}"
        time.sleep(0.1)


def test_view_follows_pause_skip_reshuffle_a_crash_and_the_end(terms, tmp_path):
    host, audience = terms
    host.run([*LIFTKIT, "run", "a.toml", "--plain", "--rehearse", "5", "--sessions", "s",
              "--attendees", "people.txt"])  # fmt: skip
    host.wait_for("session started")
    view = [*LIFTKIT, "view", "latest", "--sessions", "s"]

    audience.run(view)  # Ctrl-C closes it with 130 and gives the terminal back
    audience.wait_for("Say hello in the chat")
    audience.keys("C-c")
    audience.wait_for("EXIT=130")
    audience.type(
        "stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo|isig)$' | sort | tr '\\n' ,; echo"
    )
    assert "echo,icanon,isig," in audience.wait_for("isig,")

    audience.run(view)
    screen = audience.wait_for("Say hello in the chat")
    assert "1/3  Welcome" in screen and "█" in screen
    for private in ("SECRET HOST NOTE", "quit", "help", "space"):
        assert private not in screen
    host.type("pause")
    audience.wait_for("■ PAUSED", timeout=3)
    host.type("resume")
    audience.wait_for("running", timeout=5)
    host.type("n")
    screen = audience.wait_for("2/3  Breakouts", timeout=5)
    assert "3 rooms of 3" in screen
    host.type("g")
    host.type("y")
    host.wait_for("Groups reshuffled")
    first = last_rooms(tmp_path)[0]  # the rooms view: a room's name, then a name a line
    shown = "\n".join([f"Room 1 ({len(first)})", *(f"  {name}" for name in first)])
    audience.wait_for(shown, timeout=5)

    host.signal(signal.SIGKILL)  # the host's liftkit dies; the call, and the clock, go on
    host.wait_for("EXIT=137")
    screen = audience.wait_for("not running", timeout=4)
    wait_for_change(audience, countdown_rows(screen))
    host.run([*LIFTKIT, "resume", "latest", "--plain", "--sessions", "s"])
    host.wait_for("Resumed")
    wait_until_gone(audience, "not running")
    host.type("pause")
    audience.wait_for("■ PAUSED", timeout=3)

    host.type("n")
    audience.wait_for("3/3  Close", timeout=5)
    host.type("n")
    host.type("y")
    host.wait_for("EXIT=0")
    screen = audience.wait_for("SESSION COMPLETE", timeout=5)
    assert "The session has ended" in screen
    digest = hashlib.sha256(journal_path(tmp_path).read_bytes()).hexdigest()
    time.sleep(1)  # still showing; a key closes it
    audience.keys("x")
    screen = audience.wait_for("EXIT=0")
    assert re.search(r"The session has ended \(0 reflections\)", screen)
    assert hashlib.sha256(journal_path(tmp_path).read_bytes()).hexdigest() == digest


@pytest.mark.parametrize(
    ("lose", "said"),
    [("folder", "the session folder is gone"), ("emptied", "its journal.jsonl was emptied")],
)
def test_a_session_folder_deleted_under_the_view_is_said_on_screen(terms, tmp_path, lose, said):
    # The session's folder deleted while the view was shared on the call: it counted on as if
    # nothing had happened; its journal emptied, it showed WAITING TO START for ever.
    import shutil

    host, audience = terms
    host.run([*LIFTKIT, "run", "a.toml", "--plain", "--sessions", "s"])
    host.wait_for("session started")
    audience.run([*LIFTKIT, "view", "latest", "--sessions", "s"])
    audience.wait_for("Say hello in the chat")
    folder = journal_path(tmp_path).parent
    # A running session writes its folder, or its journal emptied, again (test_folder_gone.py)
    host.type("q")
    host.type("y")
    host.wait_for("EXIT=0")
    if lose == "folder":
        shutil.rmtree(folder)
    else:
        journal_path(tmp_path).write_bytes(b"")
    screen = audience.wait_for("This window can no longer follow the session", timeout=8)
    assert said in screen
    assert "1/3  Welcome" in screen and "Say hello in the chat" in screen  # the last screen read
    assert "WAITING TO START" not in screen
    audience.keys("q")
    screen = audience.wait_for("EXIT=1")
    assert f"Stopped following s/{folder.name}: {said}" in " ".join(screen.split())
    assert "Traceback" not in screen and "Error" not in screen


def test_closing_the_view_s_window_is_no_crash(terms, tmp_path):
    # The audience's window closed mid-call (a terminal tab shut, tmux killed): the view must
    # go quietly, as the host's console does, not save a crash report as an internal error.
    host, audience = terms
    host.run([*LIFTKIT, "run", "a.toml", "--plain", "--sessions", "s"])
    host.wait_for("session started")
    crashes = tmp_path / "crashes"
    crashes.mkdir()
    for _ in range(3):  # the window may close while the view waits or while it draws
        audience.run(["env", f"TMPDIR={crashes}", *LIFTKIT, "view", "latest", "--sessions", "s"])
        audience.wait_for("Say hello in the chat")
        pid = audience.command_pid()
        audience.close()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.1)
        assert not _alive(pid)
        audience = Tmux(80, 24, cwd=str(tmp_path))
    audience.close()
    assert [p.read_text() for p in crashes.iterdir()] == []  # the traceback, if any
    host.type("pause")  # the session itself carries on
    host.wait_for("paused")


def test_a_window_closed_while_the_keys_are_set_up_again_is_the_window_gone():
    # Back from Ctrl-Z (SIGCONT), the view and the console set their keys up again; a window
    # closed meanwhile made termios raise its own error, no OSError, and so a crash report.
    import os
    import pty

    from liftkit.cli.live.terminal import KeyReader, Signals, window_gone

    parent, child = pty.openpty()
    keys = KeyReader(child, Signals())
    keys.cbreak()
    os.close(parent)  # the window closes
    with pytest.raises(OSError) as raised:
        keys.cbreak()
    assert window_gone(raised.value, None) == "sighup"
    keys.restore()  # and giving the terminal back stays quiet
    os.close(child)


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


def test_view_counts_down_to_the_planned_start_as_the_host_does(terms, tmp_path):
    # While the host waited for --start, the view showed a big 00:00 "WAITING TO START".
    from datetime import datetime, timedelta

    host, audience = terms
    start = (datetime.now() + timedelta(minutes=3)).strftime("%H:%M")
    host.run([*LIFTKIT, "run", "a.toml", "--start", start, "--sessions", "s"])
    host.wait_for(f"STARTS AT {start}")
    audience.run([*LIFTKIT, "view", "latest", "--sessions", "s"])
    first = audience.wait_for(f"STARTS AT {start}")
    assert "WAITING TO START" not in first and "n or space" not in first
    digits = [line for line in first.splitlines() if "█" in line]
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:  # the countdown moves, second by second
        time.sleep(0.3)
        if [line for line in audience.screen().splitlines() if "█" in line] != digits:
            break
    else:
        raise AssertionError("the countdown to the start did not move")
    host.keys("n")  # the host starts now: the view follows
    audience.wait_for("1/3  Welcome")
    audience.wait_for("running")
    host.keys("q")
    host.wait_for("Quit?")
    host.keys("y")
    host.wait_for("EXIT=0")
    audience.keys("q")
    audience.wait_for("EXIT=0")


def test_ctrl_z_gives_the_shell_its_screen_back_and_fg_the_view(terms, tmp_path):
    # The shell's prompt came up on the view's screen, with the cursor hidden.
    host, audience = terms
    host.run([*LIFTKIT, "run", "a.toml", "--plain", "--sessions", "s"])
    host.wait_for("session started")
    audience.run([*LIFTKIT, "view", "latest", "--sessions", "s"])
    audience.wait_for("Say hello in the chat")
    assert audience.state("#{alternate_on} #{cursor_flag}") == "1 0"
    audience.keys("C-z")
    audience.wait_for("Stopped")
    assert audience.state("#{alternate_on} #{cursor_flag}") == "0 1"
    audience.type("fg")
    audience.wait_for("Say hello in the chat")
    assert audience.state("#{alternate_on} #{cursor_flag}") == "1 0"
    audience.keys("q")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and audience.state("#{alternate_on}") != "0":
        time.sleep(0.1)
    assert audience.state("#{alternate_on} #{cursor_flag}") == "0 1"
    host.type("q")
    host.type("y")
    host.wait_for("EXIT=0")


def test_a_latin_1_terminal_shows_the_countdown_in_ascii_with_no_crash(terms, tmp_path):
    # On a Latin-1 (or ASCII) locale, `liftkit run` and `liftkit view` ended on the first
    # frame with "internal error: UnicodeEncodeError" and a crash report.
    host, audience = terms
    latin_1 = ["env", "PYTHONIOENCODING=latin-1"]
    host.run([*latin_1, *LIFTKIT, "run", "a.toml", "--sessions", "s"])
    shown = host.wait_for("running")
    assert "####" in shown and "█" not in shown and "Error" not in shown
    audience.run([*latin_1, *LIFTKIT, "view", "latest", "--sessions", "s"])
    seen = audience.wait_for("running")
    assert "####" in seen and "Say hello in the chat" in seen and "Error" not in seen
    host.keys("r")
    host.type("Bo Li: caf\u00e9 \u89c2 \u2026", enter=False)  # é is Latin-1, 观 and … are not
    host.wait_for("caf")
    host.keys("Enter")
    host.wait_for("Saved reflection")
    host.keys("q")
    host.wait_for("Quit?")
    host.keys("y")
    assert "Error" not in host.wait_for("EXIT=0")
    audience.keys("q")
    audience.wait_for("EXIT=0")
    (path,) = (tmp_path / "s").glob("*/journal.jsonl")
    assert "caf\u00e9 \u89c2 \u2026" in path.read_text(encoding="utf-8")  # kept as typed


ASKING = """
title = "Asked"

[[segments]]
title = "Breakouts"
duration = "10m"
kind = "breakout"
group_size = 3
prompt = "In your room, discuss:"
questions = ["What surprised you?", "What will you try this week?"]
notes = "SECRET HOST NOTE"
"""


@pytest.mark.parametrize(("width", "height", "asked"), [(80, 24, True), (60, 12, False)])
def test_the_audience_reads_the_questions_above_the_rooms(tmp_path, width, height, asked):
    # In a breakout room the shared screen is out of sight: the audience view showed the rooms
    # alone, and people left for them without the questions. A small window keeps the rows
    # for the rooms.
    (tmp_path / "a.toml").write_text(ASKING)
    (tmp_path / "people.txt").write_text("\n".join(PEOPLE) + "\n")
    host, audience = Tmux(80, 24, cwd=str(tmp_path)), Tmux(width, height, cwd=str(tmp_path))
    try:
        host.run([*LIFTKIT, "run", "a.toml", "--plain", "--sessions", "s",
                  "--attendees", "people.txt"])  # fmt: skip
        host.wait_for("session started")
        audience.run([*LIFTKIT, "view", "latest", "--sessions", "s"])
        first = last_rooms(tmp_path)[0]
        screen = audience.wait_for(f"  {first[0]}", timeout=5)
        lines = screen.splitlines()
        questions = ["In your room, discuss:", "1. What surprised you?",
                     "2. What will you try this week?"]  # fmt: skip
        if asked:
            start = lines.index(questions[0])
            assert lines[start : start + 3] == questions
            assert start < lines.index(next(x for x in lines if x.startswith("Groups:")))
        else:
            assert not any(q in screen for q in questions)
        assert "SECRET HOST NOTE" not in screen
    finally:
        host.close()
        audience.close()


def test_a_small_shared_window_gets_the_big_countdown_and_what_comes_next(tmp_path):
    # At 60x15 the audience's window kept a row for keys it never shows, and the countdown
    # fell back to one small line while rows stayed blank.
    (tmp_path / "a.toml").write_text(AGENDA)
    host, audience = Tmux(80, 24, cwd=str(tmp_path)), Tmux(60, 15, cwd=str(tmp_path))
    try:
        host.run([*LIFTKIT, "run", "a.toml", "--plain", "--sessions", "s"])
        host.wait_for("session started")
        audience.run([*LIFTKIT, "view", "latest", "--sessions", "s"])
        screen = audience.wait_for("Next: Breakouts", timeout=5)
        assert sum("█" in line for line in screen.splitlines()) >= 5  # big digits
        assert "Say hello in the chat" in screen and "SECRET HOST NOTE" not in screen
    finally:
        host.close()
        audience.close()


def test_a_big_shared_window_with_few_rooms_draws_the_countdown_larger(tmp_path):
    # At 200x60 the rooms view kept the smallest big digits while the rooms left half the
    # window blank.
    (tmp_path / "a.toml").write_text(AGENDA.replace('duration = "3m"', 'duration = "1s"'))
    (tmp_path / "people.txt").write_text("\n".join(PEOPLE) + "\n")
    host, audience = Tmux(80, 24, cwd=str(tmp_path)), Tmux(200, 60, cwd=str(tmp_path))
    try:
        host.run([*LIFTKIT, "run", "a.toml", "--plain", "--sessions", "s",
                  "--attendees", "people.txt"])  # fmt: skip
        host.wait_for("session started")
        host.type("n")
        host.wait_for("Breakouts")
        audience.run([*LIFTKIT, "view", "latest", "--sessions", "s"])
        screen = audience.wait_for("Room 3 (3)", timeout=5)
        digit_rows = [line for line in screen.splitlines() if "█" in line]
        assert len(digit_rows) >= 10  # twice the smallest size at least
        assert all(name in screen for name in PEOPLE)
        assert max(len(line) for line in screen.splitlines()) <= 200
    finally:
        host.close()
        audience.close()
