"""`liftkit run` in a real terminal (tmux): only what a terminal shows. Restoring it after a
quit, a kill, a signal or an error; resize; Ctrl-Z; Ctrl-D. The rest is in-process
(test_live_app.py, test_controller.py)."""

import contextlib
import os
import re
import signal
import sys
import time

import pytest
from support.tmux import Tmux, agenda_terminal, session_events

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
    yield from agenda_terminal(tmp_path, AGENDA)


journal = session_events


def start(term: Tmux, *options: str) -> str:
    """`liftkit run a.toml` in the pane, once its screen is up."""
    term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s", *options])
    return term.wait_for("running")


def open_line(term: Tmux) -> None:
    term.keys("r")
    term.wait_for("Reflection")


def quit_run(term: Tmux) -> None:
    """q, y: the session stops, resumable, with exit code 0."""
    term.keys("q")
    term.wait_for("Quit?")
    term.keys("y")
    term.wait_for("EXIT=0")


def stty_is_sane(term: Tmux) -> None:
    """Echo, line reading and Ctrl-C are back on in the terminal after liftkit exits."""
    term.type("stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo|isig)$' | sort | tr '\\n' ,; echo")
    screen = term.wait_for("isig,")
    assert "echo,icanon,isig," in screen


def test_keys_capture_sigkill_resume_and_a_restored_terminal(term, tmp_path):
    term.run([*LIFTKIT, "run", "a.toml", "--rehearse", "5", "--sessions", "s"])
    screen = term.wait_for("running")
    assert "Tmux rehearsal" in screen and "Welcome" in screen and "█" in screen
    term.keys("n")
    term.wait_for("2/3  Breakouts")
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
    assert [e["type"] for e in events].count("session_resume") == 1
    assert events[-1]["type"] == "stop" and events[-1]["reason"] == "quit"


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
    assert "Session stopped (asked to stop: SIGTERM)" in term.wait_for("EXIT=130")
    stty_is_sane(term)
    assert journal(tmp_path)[-1]["reason"] == "sigterm"


@pytest.mark.parametrize("plain", [False, True], ids=["full screen", "plain"])
def test_a_closed_terminal_stops_the_session_cleanly(term, tmp_path, plain):
    # --plain reads lines: its window closing gives it end of input and a terminal it can no
    # longer write to. Either way the window is gone: no internal error, no crash report.
    crashes = tmp_path / "crashes"
    crashes.mkdir()
    command = [*LIFTKIT, "run", "a.toml", "--sessions", "s", *(["--plain"] if plain else [])]
    term.run(["env", f"TMPDIR={crashes}", *command])
    if plain:
        term.wait_for("session started")
        term.type("r kept when the window closes")
        term.wait_for("reflection")
    else:
        term.wait_for("running")
        term.keys("r")
        term.wait_for("Reflection")
        term.type("kept when the window closes")
        term.wait_for("Saved reflection")
        term.keys("r")
        term.wait_for("Reflection")
        term.type("half typed", enter=False)
        term.wait_for("half typed")
    pid = term.command_pid()
    term.close()  # the window goes away: SIGHUP
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and journal(tmp_path)[-1]["type"] != "stop":
        time.sleep(0.1)
    events = journal(tmp_path)
    assert events[-1]["type"] == "stop" and events[-1]["reason"] == "sighup"
    assert [e["text"] for e in events if e["type"] == "reflection"] == [
        "kept when the window closes"
    ]
    if not plain:  # what was being typed, unsaved, for `liftkit resume` to give back
        assert (events[-1]["draft"], events[-1]["draft_kind"]) == ("half typed", "reflect")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _running(pid):  # a crash report is written by then
        time.sleep(0.05)
    assert not _running(pid)
    assert sorted(p.name for p in crashes.iterdir()) == []


def test_an_error_in_the_view_keeps_the_journal_and_the_terminal(term, tmp_path):
    # A view that fails on its twentieth frame, after a reflection has been saved.
    (tmp_path / "faulty.py").write_text(
        "import sys\n"
        "import liftkit.cli.live.frame as view\n"
        "calls = 0\n"
        "real = view.bars_lines\n"
        "def bars(*args):\n"
        "    global calls\n"
        "    calls += 1\n"
        "    if calls >= 20 and '--now' in open('trigger').read():\n"
        "        raise RuntimeError('the view broke')\n"
        "    return real(*args)\n"
        "view.bars_lines = bars\n"
        "from liftkit.cli.main import main\n"
        "main(sys.argv[1:])\n"
    )
    (tmp_path / "trigger").write_text("")
    # the crash report goes to the temporary folder: this test's, not the machine's /tmp
    command = [sys.executable, "faulty.py", "run", "a.toml", "--sessions", "s", "--rehearse", "20"]
    term.run(["env", f"TMPDIR={tmp_path}", *command])
    term.wait_for("running")
    term.keys("r")
    term.wait_for("Reflection")
    term.type("saved before the fault")
    term.wait_for("Saved reflection")
    (tmp_path / "trigger").write_text("--now")
    screen = term.wait_for("EXIT=1", timeout=15)
    assert "internal error: RuntimeError: the view broke" in screen
    assert "Traceback" not in screen
    [report] = tmp_path.glob("liftkit-crash-*.txt")  # named on the screen, with the traceback
    assert report.name in screen.replace("\n", "")
    assert "RuntimeError: the view broke" in report.read_text()
    stty_is_sane(term)
    events = journal(tmp_path)
    assert [e["text"] for e in events if e["type"] == "reflection"] == ["saved before the fault"]
    assert events[-1]["type"] == "stop" and events[-1]["reason"] == "error"


def test_sigterm_while_typing_a_reflection_stops_cleanly(term, tmp_path):
    start(term)
    open_line(term)
    term.type("half typ", enter=False)
    term.wait_for("half typ")
    term.signal(signal.SIGTERM)
    screen = term.wait_for("EXIT=130")
    assert "Session stopped (asked to stop: SIGTERM)" in screen
    assert "Traceback" not in screen and "Press ENTER" not in screen
    stty_is_sane(term)
    events = journal(tmp_path)
    assert events[-1]["type"] == "stop" and events[-1]["reason"] == "sigterm"
    assert not [e for e in events if e["type"] == "reflection"]  # never confirmed
    # but the host is told what was being typed, to enter it again
    said = " ".join(screen.split())
    assert "Not saved (still being typed when the session stopped): reflection 'half typ'" in said
    # and not, below that, that "nothing captured is lost"
    assert "everything else captured is kept" in said and "nothing captured is lost" not in said


def test_ctrl_backslash_asks_as_ctrl_c_does(term, tmp_path):
    # Ctrl-\\ (SIGQUIT) killed liftkit at once: EXIT=131, the alternate screen and a hidden
    # cursor left behind, nothing in the journal and no line saying how to carry on.
    start(term)
    term.keys("C-\\")
    term.wait_for("press Ctrl-C again")
    term.keys("C-\\")
    screen = term.wait_for("EXIT=130")
    said = " ".join(screen.split())
    assert "Session stopped (Ctrl-C)" in said and "Carry on with: liftkit resume s/" in said
    assert "Traceback" not in screen
    stty_is_sane(term)
    assert journal(tmp_path)[-1] == {**journal(tmp_path)[-1], "type": "stop", "reason": "interrupt"}


def test_ctrl_z_and_fg_give_back_a_working_screen(term, tmp_path):
    start(term)
    assert term.state("#{alternate_on} #{cursor_flag}") == "1 0"
    term.keys("C-z")
    term.wait_for("Stopped")
    # The shell gets its own screen back, with a cursor and a terminal that reads lines;
    # it was left on liftkit's screen, the cursor hidden.
    assert term.state("#{alternate_on} #{cursor_flag}") == "0 1"
    stty_is_sane(term)
    term.type("fg")
    term.wait_for("running")
    assert term.state("#{alternate_on} #{cursor_flag}") == "1 0"
    term.keys("n")
    term.wait_for("2/3  Breakouts")
    term.keys("q")
    term.wait_for("Quit?")
    term.keys("y")
    term.wait_for("Session stopped (quit)")  # (after fg, bash runs no `; echo EXIT`)
    stty_is_sane(term)


def _running(pid: int) -> bool:
    """Whether process `pid` is still there (not gone, nor a zombie left to be reaped)."""
    try:
        return _state(pid) != "Z"
    except FileNotFoundError:
        return False


def _status(pid: int) -> dict[str, str]:
    with open(f"/proc/{pid}/status") as status:
        return dict(line.split(":", 1) for line in status if ":" in line)


def _state(pid: int) -> str:
    """R, S, T (stopped)... as /proc tells it."""
    return _status(pid)["State"].split()[0]


def _switches(pid: int) -> int:
    """How often the process has left the processor: more once it has run again."""
    status = _status(pid)
    return int(status["voluntary_ctxt_switches"]) + int(status["nonvoluntary_ctxt_switches"])


def test_ctrl_z_then_bg_then_fg_carries_on(term, tmp_path):
    """`bg` by mistake: liftkit stops again (it needs the terminal) and `fg` brings it back,
    where it crashed (EINTR) setting the terminal's modes."""
    start(term)
    term.keys("C-z")
    term.wait_for("Stopped")
    pid = term.command_pid()
    stopped = _switches(pid)
    term.type("bg")
    # liftkit, continued in the background, stops again when it takes the terminal
    deadline = time.monotonic() + 10
    while not (_state(pid) == "T" and _switches(pid) > stopped):
        assert time.monotonic() < deadline, "liftkit did not stop again in the background"
        time.sleep(0.05)
    term.type("fg")
    term.wait_for("running")
    term.keys("n")
    term.wait_for("2/3  Breakouts")
    term.keys("q")
    term.wait_for("Quit?")
    term.keys("y")
    screen = term.wait_for("Session stopped (quit)")
    assert "internal error" not in screen
    stty_is_sane(term)


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


def _rooms_view(tmp_path, width, height, group_size, people, **names):
    """A run with `people` attendees in rooms of `group_size`, in its breakout's rooms view."""
    from support.live import attendees_csv

    (tmp_path / "b.toml").write_text(
        AGENDA.replace('kind = "breakout"', f'kind = "breakout"\ngroup_size = {group_size}')
    )
    attendees_csv(tmp_path / "people.csv", people, **names)
    term = Tmux(width, height, cwd=str(tmp_path))
    try:
        term.run([*LIFTKIT, "run", "b.toml", "--attendees", "people.csv", "--sessions", "s"])
        term.wait_for("running")
        term.keys("n")
        term.wait_for("2/3  Breakouts")
        term.keys("g")
        term.wait_for("Room 1 (")
    except BaseException:
        term.close()
        raise
    return term


@pytest.mark.parametrize("width, height", [(80, 24), (120, 40)])
def test_the_rooms_view_shows_73_full_names_with_the_clock(tmp_path, width, height):
    from support.live import attendee_names

    term = _rooms_view(tmp_path, width, height, group_size=5, people=73, long=False)
    try:
        time.sleep(0.5)  # look again: under load the first capture may be a partial frame
        pages = [term.wait_for("Room 1 (")]
        while "page 1 of 2" in pages[0] and len(pages) < 2:
            term.keys("Right")
            pages.append(term.wait_for("page 2 of 2"))
        names = set(attendee_names(73, long=False))
        assert {name for name in names if any(name in page for page in pages)} == names
        assert len(pages) == (2 if height == 24 else 1)
        assert ("←/→" in pages[0]) == (len(pages) == 2)  # page keys only with pages to turn
        for page in pages:
            assert ("█" in page) if height >= 30 else re.search(r"\d\d:\d\d  running", page)
            assert max(len(line) for line in page.splitlines()) <= width
        term.keys("Escape")
        # the clock view (and its keys) again; the rooms view's own lines can hold "reflect"
        # (the next segment), so wait for the rooms to go: under load Escape takes a moment
        term.wait_without("Room 1 (")
        assert "Room 1 (" not in term.wait_for("reflect")
        quit_run(term)
    finally:
        term.close()


def test_the_rooms_view_in_a_40x12_window_says_its_page_and_each_name_s_room(tmp_path):
    # The page was cut off the end of the title, the legend lost the way back (g/Esc), and
    # the second page began with the rest of Room 1's names under no room.
    term = _rooms_view(tmp_path, 40, 12, group_size=10, people=23)
    try:
        first = term.wait_for("Room 1 (")
        assert re.search(r"Page 1 of \d", first) and "g/Esc clock" in first
        term.keys("Right")
        second = term.wait_for("Page 2 of")
        # each column of the page begins with its room's name (the layout is in two columns
        # since a long word may be cut to halve the pages: test_rooms_long_words)
        heading = r"Room \d \((\d|continued)\)"
        assert re.fullmatch(rf"{heading}( +{heading})?", second.splitlines()[3].rstrip())
        term.keys("Escape")
        # the rooms view says "running" too: the q sent while Escape was still read as the
        # start of a key (Alt-q) was lost, and the test with it (a run under load)
        term.wait_without("Page 2 of")
        term.wait_for("running")
        quit_run(term)
    finally:
        term.close()


def test_the_rooms_view_dragged_a_few_columns_narrow_carries_on(tmp_path):
    # At 5 columns or fewer, cutting a name for the column never shortened it: liftkit spun
    # for ever, its screen frozen, deaf to keys and signals, the clock with it.
    term = _rooms_view(tmp_path, 80, 24, group_size=5, people=12)
    try:
        for width in (5, 3, 1):
            term.resize(width, 24)
            time.sleep(0.5)
        term.resize(80, 24)
        term.wait_for("Room 1 (", timeout=5)
        term.keys("Escape")
        term.wait_without("Room 1 (")  # not "running": the rooms view says it too
        term.wait_for("running")
        quit_run(term)
    finally:
        with contextlib.suppress(AssertionError, ProcessLookupError):
            os.kill(term.command_pid(timeout=0.5), signal.SIGKILL)  # if it still spins
        term.close()


def test_the_keys_while_waiting_for_the_start_are_those_that_act(term, tmp_path):
    # The legend offered r, +/- and b, which only said "Not started yet": a host who pressed
    # r and typed a reflection had its letters read as keys, and its first space started the
    # session early.
    from datetime import datetime, timedelta

    start_at = (datetime.now() + timedelta(minutes=3)).strftime("%H:%M")
    term.run([*LIFTKIT, "run", "a.toml", "--start", start_at, "--sessions", "s"])
    term.wait_for(f"STARTS AT {start_at}")
    screen = term.wait_for("q  quit")  # the legend drawn to its end, not a frame half drawn
    legend = screen.rstrip().splitlines()[-1]
    # h too: the first segment's notes are on screen while it waits (h hides them)
    assert re.sub(r"\s+", " ", legend).strip() == "space start n next h notes ? help q quit"
    term.keys("n")
    term.wait_for("running")
    # the running legend, once drawn: a frame caught half drawn, with "running" shown and
    # the waiting legend still below it, failed a full run
    deadline = time.monotonic() + 10
    while True:
        legend = re.sub(r"\s+", " ", term.screen().rstrip().splitlines()[-1])
        if "b back" in legend or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert "r reflect" in legend and "+/- min" in legend and "b back" in legend, legend
    quit_run(term)


def test_the_screen_waiting_for_the_start_shows_the_first_segment_and_its_notes(term, tmp_path):
    # It showed "1/3" and no segment name, prompt or notes until the clock ran: 1-2-4-All's
    # notes, "Read the question aloud as this minute begins", could not be read before.
    from datetime import datetime, timedelta

    start_at = (datetime.now() + timedelta(minutes=3)).strftime("%H:%M")
    term.run([*LIFTKIT, "run", "a.toml", "--start", start_at, "--sessions", "s"])
    term.wait_for(f"STARTS AT {start_at}")
    screen = term.wait_for("q  quit")
    assert re.search(r"^1/3 +Welcome +· welcome", screen, re.M), screen
    assert "Say hello in the chat" in screen and "SECRET HOST NOTE" in screen
    assert "Starts with: Welcome (2m)" in screen
    assert "Been before?" not in screen  # its poll is for when it runs: p does nothing yet
    term.keys("h")
    screen = term.wait_for("Host notes hidden.")
    assert "SECRET HOST NOTE" not in screen and "Say hello in the chat" in screen
    assert "segment_start" not in [e["type"] for e in journal(tmp_path)]  # nothing started
    quit_run(term)


def test_a_run_killed_while_waiting_for_its_start_waits_again_when_resumed(term, tmp_path):
    # Resumed, it began at once, five minutes early, saying "Resumed.", and the audience's
    # view showed the first segment running.
    from datetime import datetime, timedelta

    start_at = (datetime.now() + timedelta(minutes=4)).strftime("%H:%M")
    term.run([*LIFTKIT, "run", "a.toml", "--start", start_at, "--sessions", "s"])
    term.wait_for(f"STARTS AT {start_at}")
    term.signal(signal.SIGKILL)
    term.wait_for("EXIT=137")
    term.run([*LIFTKIT, "resume", "latest", "--sessions", "s"])
    screen = term.wait_for("as planned")
    said = " ".join(screen.split())
    assert f"The session had not started: it starts at {start_at}, as planned." in said
    assert f"STARTS AT {start_at}" in screen and "running" not in screen
    term.keys("n")  # the host starts it early, as before the crash
    term.wait_for("running")
    quit_run(term)
    assert [e["type"] for e in journal(tmp_path)][:1] == ["session_start"]


def test_a_rehearsal_killed_while_waiting_for_its_start_resumes_as_a_rehearsal(term, tmp_path):
    # The --rehearse factor was kept only in the journal's session_start, which a session
    # waiting for --start has not written yet: resumed, the rehearsal ran at real speed.
    from datetime import datetime, timedelta

    start_at = (datetime.now() + timedelta(minutes=4)).strftime("%H:%M")
    term.run([*LIFTKIT, "run", "a.toml", "--start", start_at, "--rehearse", "20",
              "--sessions", "s"])  # fmt: skip
    term.wait_for(f"STARTS AT {start_at}")
    term.signal(signal.SIGKILL)
    term.wait_for("EXIT=137")
    term.run([*LIFTKIT, "resume", "latest", "--sessions", "s"])
    term.wait_for("as planned")
    term.keys("n")
    assert "rehearsal ×20" in term.wait_for("running")
    quit_run(term)
    (start,) = [e for e in journal(tmp_path) if e["type"] == "session_start"]
    assert start["rehearse"] == 20


def test_a_new_run_after_a_crash_names_the_session_cut_off(term, tmp_path):
    # Up-arrow and Enter after a crash started a new session at 0:00 without a word; the
    # audience's view followed it, and `export latest` would have left out the first.
    start(term)
    first = journal(tmp_path)  # the session's start is on disk
    folder = next((tmp_path / "s").iterdir())
    term.signal(signal.SIGKILL)
    term.wait_for("EXIT=137")
    cut = first[0]["wall"][11:16]
    start(term)
    screen = term.wait_for("The session before")  # on the screen (the note before it too)
    said = " ".join(screen.split())
    assert (
        f"The session before, cut off at {cut}, did not end; this is a new one: "
        f"`liftkit resume s/{folder.name}` carries that one on." in said
    )
    quit_run(term)
    screen = term.wait_for("Before the session began")
    assert f"liftkit resume s/{folder.name}" in " ".join(term.screen().split())


def test_journal_lines_skipped_on_resume_are_said_on_the_screen_and_at_the_end(term, tmp_path):
    # The warning was printed before the full screen opened, which hid it; the screen said
    # "2 reflections" where there had been 3, and the end said "nothing captured is lost".
    start(term)
    for text in ("Ada: first", "Bo: second", "Cy: third"):
        open_line(term)
        term.type(text)
        term.wait_for("so far)")
    term.signal(signal.SIGKILL)
    term.wait_for("EXIT=137")
    (path,) = (tmp_path / "s").glob("*/journal.jsonl")
    lines = path.read_text().splitlines(keepends=True)
    cut = next(i for i, line in enumerate(lines) if "second" in line)
    lines[cut] = lines[cut][:50] + "\n"  # a line damaged in the middle of the journal
    path.write_text("".join(lines))
    term.run([*LIFTKIT, "resume", "latest", "--sessions", "s"])
    screen = term.wait_for("listed again at the end")
    assert "1 warning about the journal: listed again at the end." in " ".join(screen.split())
    quit_run(term)
    said = " ".join(term.screen().split())
    assert (
        f"Warning: {path.relative_to(tmp_path)}:{cut + 1}: journal line skipped: not valid JSON"
        in said
    )
    assert "1 journal line could not be read when the session was resumed and was skipped" in said
    assert "everything else captured is kept" in said and "nothing captured is lost" not in said


def test_long_japanese_names_go_on_below_in_the_rooms_view_rather_than_cut(tmp_path):
    # A wide character takes two columns, but names were laid out by their characters: a
    # Japanese display name with its company or department ran past its column, and the
    # terminal showed "鈴木一郎（すずきいちろう …", the department lost.
    names = ["株式会社サンプル 山田太郎", "鈴木一郎（すずきいちろう）開発部", "Ada Lovelace",
             "佐藤花子（さとうはなこ）人事部", "高橋美咲（たかはしみさき）広報部", "Bo Chen",
             "Eve Adams", "Grace Hopper"]  # fmt: skip
    (tmp_path / "b.toml").write_text(
        AGENDA.replace('kind = "breakout"', 'kind = "breakout"\ngroup_size = 4')
    )
    (tmp_path / "people.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    term = Tmux(60, 12, cwd=str(tmp_path))
    try:
        term.run([*LIFTKIT, "run", "b.toml", "--attendees", "people.txt", "--sessions", "s",
                  "--seed", "1"])  # fmt: skip
        term.wait_for("running")
        term.keys("n")
        term.wait_for("2/3  Breakouts")
        term.keys("g")
        term.wait_for("Room 1 (")
        time.sleep(0.5)  # a whole frame
        screens = [term.screen()]
        while (paged := re.search(r"page (\d+) of (\d+)", screens[-1])) and paged[1] != paged[2]:
            term.keys("Right")
            screens.append(term.wait_for(f"page {int(paged[1]) + 1} of"))
        shown = "".join(screens)
        for end in ("山田太郎", "開発部", "広報部", "Ada Lovelace", "Grace Hopper"):
            assert end in shown, shown
        term.keys("Escape")
        term.wait_without("Room 1 (")  # not "running": the rooms view says it too
        term.wait_for("running")
        quit_run(term)
    finally:
        term.close()


def test_typing_a_reflection_while_the_clock_runs(term, tmp_path):
    start(term, "--rehearse", "5")
    term.keys("r")
    term.wait_for("Reflection ('Name: text', #tags):")
    screens = []
    for word in ("Grace ", "Hopper: ", "one ", "step"):
        term.type(word, enter=False)
        screens.append(term.wait_for(word.strip()))
        # a rehearsed second is 0.2 s: the big countdown moves on while the line is open
        clock = [line for line in screens[-1].splitlines() if "█" in line]
        deadline = time.monotonic() + 5
        while [line for line in term.screen().splitlines() if "█" in line] == clock:
            assert time.monotonic() < deadline, "the countdown stopped while typing"
            time.sleep(0.05)
    assert "Grace Hopper: one step" in screens[-1]
    clocks = {tuple(line for line in s.splitlines() if "█" in line) for s in screens}
    assert len(clocks) >= 3  # the big countdown changed while the text was typed
    term.keys("Enter")
    term.wait_for("Saved reflection from Grace Hopper (1 so far)")
    term.keys("q")
    term.keys("y")
    term.wait_for("EXIT=0")
    assert [e["text"] for e in journal(tmp_path) if e["type"] == "reflection"] == ["one step"]


def test_a_rehearsal_slowed_a_billion_times_runs_and_exports(term, tmp_path):
    # --rehearse takes any factor above 0. At 1e-9 the planned end of a 17-minute agenda
    # falls past the year 9999: the screen crashed with an internal error (OverflowError)
    # before the first frame, and so did the export of such a journal.
    term.run([*LIFTKIT, "run", "a.toml", "--rehearse", "1e-9", "--sessions", "s"])
    term.wait_for("running")
    screen = term.wait_for("rehearsal ×1e-09")  # the frame's last line, drawn after "running"
    assert "Welcome" in screen
    assert "planned end" not in screen and "internal error" not in screen
    term.keys("r")
    term.wait_for("Reflection")
    term.type("Grace Hopper: slow and steady")
    term.wait_for("Saved reflection from Grace Hopper (1 so far)")
    quit_run(term)
    term.type("clear")
    term.wait_without("EXIT=0")  # the run's, gone: the next is the export's
    term.run([*LIFTKIT, "export", "latest", "--sessions", "s", "-o", "pack.md"])
    assert "internal error" not in term.wait_for("EXIT=0")
    pack = (tmp_path / "pack.md").read_text()
    assert "slow and steady" in pack


@pytest.mark.parametrize("how", ["bracketed paste", "plain paste", "one burst of keys"])
def test_a_paste_of_several_lines_stays_text_of_the_reflection(term, tmp_path, how):
    # A paste's second line ran as commands: n skipped segments, space paused, h hid notes.
    start(term, "--rehearse", "5")
    open_line(term)
    if how == "one burst of keys":
        term.type("Line one\nn h  next\nLine three", enter=False)
    else:
        term.paste("Line one\nn h  next\nLine three", bracketed=how == "bracketed paste")
    term.wait_for("Line three")
    term.keys("Enter")
    screen = term.wait_for("Saved reflection (1 so far)")
    assert "1/3  Welcome" in screen and "SECRET HOST NOTE" in screen and "PAUSED" not in screen
    quit_run(term)
    events = journal(tmp_path)
    assert [e["text"] for e in events if e["type"] == "reflection"] == [
        "Line one n h  next Line three"
    ]
    assert not [e for e in events if e["type"] in ("pause", "segment_end", "notes")]


def test_enter_and_the_next_key_in_one_burst_save_the_line_then_act(term, tmp_path):
    # The n after Enter went into the line as text: nothing saved, the segment the same.
    start(term, "--rehearse", "5")
    open_line(term)
    term.type("quick one", enter=False)
    term.wait_for("quick one")
    term.type("\nn", enter=False)  # Enter, then n at once
    screen = term.wait_for("2/3  Breakouts")
    assert "Reflection" not in screen.splitlines()[-1]
    quit_run(term)
    events = journal(tmp_path)
    assert [e["text"] for e in events if e["type"] == "reflection"] == ["quick one"]


@pytest.mark.parametrize("bracketed", [True, False], ids=["bracketed paste", "plain paste"])
def test_lines_pasted_with_no_input_line_open_are_not_keys(term, tmp_path, bracketed):
    # Without bracketed paste, five pasted lines skipped four segments, paused the clock and
    # saved a stray reflection: the paste is text, and with no line open it is set aside.
    start(term, "--rehearse", "5")
    term.paste("next steps\nbring notes\nreview\nhand out\nbye", bracketed=bracketed)
    screen = term.wait_for("Pasted text goes into an input line")
    assert "1/3  Welcome" in screen and "PAUSED" not in screen
    quit_run(term)
    events = journal(tmp_path)
    assert not [e for e in events if e["type"] in ("pause", "segment_end", "reflection", "notes")]


def test_alt_keys_while_typing_neither_cancel_nor_run_commands(term, tmp_path):
    # M-n and M-b cancelled the line ("No reflection recorded.") and then moved the segment.
    start(term)
    open_line(term)
    term.type("keep these words", enter=False)
    term.keys("M-n", "M-b", "M-h", "M-BSpace")
    term.wait_for("keep these ▌")
    term.type("two more", enter=False)
    term.keys("C-w")
    term.wait_for("keep these two ▌")
    term.type("lines", enter=False)
    term.keys("Enter")
    screen = term.wait_for("Saved reflection (1 so far)")
    assert "1/3  Welcome" in screen and "SECRET HOST NOTE" in screen
    term.keys("r")
    term.wait_for("Reflection")
    term.keys("Escape")  # a lone Esc still cancels
    term.wait_for("No reflection recorded.")
    quit_run(term)
    events = journal(tmp_path)
    assert [e["text"] for e in events if e["type"] == "reflection"] == ["keep these two lines"]
    assert not [e for e in events if e["type"] in ("segment_end", "notes")]


@pytest.mark.parametrize("width", [30, 40, 44])
def test_the_end_of_what_is_typed_stays_in_view_in_a_narrow_window(tmp_path, width):
    # At 44 columns and less the label took the line: typing abcdefghij showed "abcdef".
    (tmp_path / "a.toml").write_text(AGENDA)
    term = Tmux(width, 24, cwd=str(tmp_path))
    try:
        term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
        term.wait_for("running")
        term.keys("r")
        term.wait_for("Reflection")
        term.type("abcdefghij", enter=False)
        term.wait_for("abcdefghij▌")
        term.type(" and on and on, longer than the window is wide: the end", enter=False)
        screen = term.wait_for("the end▌")
        assert "…" in screen and max(len(line) for line in screen.splitlines()) <= width
        term.keys("Enter")
        term.wait_for("Saved reflection")
        quit_run(term)
    finally:
        term.close()


@pytest.mark.parametrize("width, height", [(100, 30), (80, 24)])
def test_a_long_poll_question_leaves_the_typed_counts_in_view(tmp_path, width, height):
    # The input line held the whole question and options: the counts typed were off-screen.
    term = Tmux(width, height, cwd=str(tmp_path))
    try:
        term.run([*LIFTKIT, "run", "community-conversation", "--sessions", "s"])
        term.wait_for("running")
        for position in range(2, 6):
            term.keys("n")
            term.wait_for(f"{position}/5")
        term.keys("p")
        screen = term.wait_for("Poll 1 [1/2/3/4/5] (Enter alone: poll 2):")
        assert "Poll 1 of 2: Overall, how would you score" in screen  # the question, above
        term.type("0 1 4 20 31", enter=False)
        screen = term.wait_for("Poll 1 [1/2/3/4/5] (Enter alone: poll 2): 0 1 4 20 31▌")
        assert max(len(line) for line in screen.splitlines()) <= width
        term.keys("Enter")
        term.wait_for("Poll 2 of 2: Would you recommend")
        term.type("p 40 3", enter=False)  # the p that opened poll 1, pressed out of habit
        term.wait_for("Poll 2 [Yes/No]: p 40 3▌")
        term.keys("Enter")
        term.wait_for("Saved 2 poll results.")
        quit_run(term)
    finally:
        term.close()
    polls = [e["counts"] for e in journal(tmp_path) if e["type"] == "poll"]
    assert polls == [{"1": 0, "2": 1, "3": 4, "4": 20, "5": 31}, {"Yes": 40, "No": 3}]


@pytest.mark.parametrize("width, height", [(60, 15), (40, 12), (120, 40)])
def test_notes_cut_by_a_small_window_say_there_is_more_below(tmp_path, width, height):
    # The note was promised but never shown: rich cropped the body before it was counted.
    term = Tmux(width, height, cwd=str(tmp_path))
    try:
        term.run([*LIFTKIT, "run", "community-conversation", "--sessions", "s"])
        screen = term.wait_for("running")
        cut = height < 40
        assert ("… more below: a taller window shows it" in screen) == cut
        assert ("is not recorded" in screen) != (width == 40)  # the notes, when they fit
        quit_run(term)
    finally:
        term.close()


def test_back_into_an_auto_advance_segment_whose_time_is_up_stays_there(tmp_path):
    # It bounced straight back: segment_end back, segment_start, segment_end auto in the same
    # millisecond, the screen still on 3/4 and nothing said.
    term = Tmux(80, 24, cwd=str(tmp_path))
    try:
        # 3/4 at 0.75 s, a minute 0.25 s (In fours does not move on by itself)
        term.run([*LIFTKIT, "run", "1-2-4-all", "--rehearse", "240", "--sessions", "s"])
        term.wait_for("3/4  In fours", timeout=15)
        term.keys("b")
        screen = term.wait_for("2/4 has no time left. + adds a minute, space moves on.")
        assert "2/4  In pairs" in screen and "PAUSED" in screen
        time.sleep(1.5)
        assert "2/4  In pairs" in term.screen()
        term.keys(*"+++++", "Space")  # minutes more (1.25 s), running again: it stays for them
        term.wait_for("running")
        assert "2/4  In pairs" in term.screen()
        term.wait_for("3/4  In fours", timeout=15)  # then moves on by itself
        quit_run(term)
    finally:
        term.close()
    events = journal(tmp_path)
    back = next(i for i, e in enumerate(events) if e.get("reason") == "back")
    assert [e["type"] for e in events[back : back + 3]] == ["segment_end", "segment_start", "pause"]


def test_a_resume_after_a_crash_while_paused_says_it_stays_paused(term, tmp_path):
    # It said "Resumed after 9s away: the clock ran on, as the call did." above a paused
    # clock that had not moved, and counted "away" from the last event, not the crash.
    start(term)
    term.keys("Space")
    term.wait_for("PAUSED")
    term.signal(signal.SIGKILL)
    term.wait_for("EXIT=137")
    # a second since the pause, the last event (less is "Resumed." alone)
    from datetime import datetime

    paused = datetime.fromisoformat(journal(tmp_path)[-1]["wall"]).timestamp()
    time.sleep(max(0.0, paused + 1.2 - time.time()))
    term.run([*LIFTKIT, "resume", "latest", "--sessions", "s"])
    screen = term.wait_for("still paused")
    said = (
        r"Resumed, still paused: space resumes \(\ds since the host's liftkit last wrote to the "
        r"journal\)\."
    )
    assert re.search(said, " ".join(screen.split()))  # the notice wraps at 80 columns
    assert "ran on" not in screen and "PAUSED" in screen
    quit_run(term)


def test_warnings_about_the_attendee_file_are_said_again_after_the_full_screen(term, tmp_path):
    # They are printed before the screen opens, which then hides them: the screen says how
    # many there are, and they are listed again once the screen is gone.
    (tmp_path / "people.csv").write_text("name,email\nAda,a@x.org\nAda,a@x.org\nBo,b@x.org\n")
    term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s", "--attendees", "people.csv"])
    term.wait_for("1 message about the files given: listed again at the end")
    term.keys("q")
    term.wait_for("Quit")
    term.keys("y")
    # "EXIT=0", not "EXIT=": the typed command line ends "echo EXIT=$?", on screen again as
    # soon as the full screen closes, before the lines printed after it (a flaky failure).
    screen = term.wait_for("EXIT=0")
    after = screen[screen.index("Before the session began:") :]
    assert "Warning: people.csv: line 3: Ada <a@x.org> duplicates line 2" in after


def test_the_help_names_the_command_that_resumes_this_session(tmp_path):
    # Under --sessions, ? said "`liftkit resume latest` carries on": latest of the default
    # folder, another session or none. The quit's last line named the folder; ? now does too.
    term = next(wide := agenda_terminal(tmp_path, AGENDA, width=120))
    try:
        start(term)
        term.keys("?")
        screen = " ".join(term.wait_for("carries on").split())
        (folder,) = (tmp_path / "s").glob("*-a")
        assert f"`liftkit resume s/{folder.name}` carries on" in screen
        assert "resume latest" not in screen
        term.keys("?")
        quit_run(term)
        assert f"Carry on with: liftkit resume s/{folder.name}" in " ".join(term.screen().split())
    finally:
        wide.close()
