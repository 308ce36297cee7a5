"""Keys as real terminals send them, in a real terminal (tmux): Alt with an arrow as PuTTY
and rxvt send it, the Linux console's function keys, Ctrl-S, Ctrl-L. What QA found by
pressing them in `liftkit run`."""

import contextlib
import signal
import time
from collections.abc import Iterator

import pytest
from support.live import attendees_csv
from support.tmux import Tmux, host_and_audience, session_events
from test_live_terminal import AGENDA, LIFTKIT, quit_run

# Alt+Right and Alt+Left as PuTTY and rxvt send them: ESC, then the arrow's own sequence.
ALT_RIGHT = ("1b", "1b", "5b", "43")
ALT_LEFT = ("1b", "1b", "5b", "44")


@contextlib.contextmanager
def breakout_run(tmp_path, width: int, height: int) -> Iterator[Tmux]:
    """A run of AGENDA in a tmux pane of that size with 12 attendees (rooms of 5), on its
    screen."""
    (tmp_path / "b.toml").write_text(
        AGENDA.replace('kind = "breakout"', 'kind = "breakout"\ngroup_size = 5')
    )
    attendees_csv(tmp_path / "people.csv", 12)
    term = Tmux(width, height, cwd=str(tmp_path))
    try:
        term.run([*LIFTKIT, "run", "b.toml", "--attendees", "people.csv", "--sessions", "s"])
        term.wait_for("running")
        yield term
    finally:
        term.close()


@pytest.fixture
def term(tmp_path):
    with breakout_run(tmp_path, 80, 24) as term:
        yield term


def hex_keys(term: Tmux, *keys: tuple[str, ...]) -> None:
    for key in keys:
        term.keys("-H", *key)


def test_alt_arrows_from_putty_and_rxvt_neither_cancel_a_line_nor_move(term, tmp_path):
    # ESC ESC [ C threw the reflection away ("No reflection recorded.") and went to the next
    # segment; in the rooms view ESC ESC [ D closed it and went back a segment.
    term.keys("r")
    term.wait_for("Reflection")
    term.type("Ada Lovelace: a long thought", enter=False)
    hex_keys(term, ALT_RIGHT, ALT_LEFT)
    term.type(" kept", enter=False)
    term.wait_for("Ada Lovelace: a long thought kept")
    term.keys("Enter")
    screen = term.wait_for("Saved reflection from Ada Lovelace (1 so far)")
    assert "1/3  Welcome" in screen
    term.keys("p")
    term.wait_for("Poll 1")
    term.type("3", enter=False)
    hex_keys(term, ALT_LEFT, ALT_RIGHT)
    term.type(" 4", enter=False)
    term.keys("Enter")
    screen = term.wait_for("Saved 1 poll result.")
    assert "1/3  Welcome" in screen
    term.keys("n")
    term.wait_for("2/3  Breakouts")
    term.keys("g")
    term.wait_for("Room 1 (")
    hex_keys(term, ALT_LEFT)
    term.keys("f")
    term.wait_for("Find (part of a name):")
    term.type("Ada", enter=False)
    hex_keys(term, ALT_RIGHT, ALT_LEFT)
    term.type(" Lov", enter=False)
    screen = term.wait_for("Find (part of a name): Ada Lov")
    assert "Room 1 (" in screen and "2/3  Breakouts" in screen
    term.keys("Escape")
    term.wait_without("Find (part")
    quit_run(term)
    events = session_events(tmp_path)
    assert [e["text"] for e in events if e["type"] == "reflection"] == ["a long thought kept"]
    assert [e.get("counts") for e in events if e["type"] == "poll"] == [{"Yes": 3, "No": 4}]
    assert [e.get("reason") for e in events if e["type"] == "segment_end"] == ["next"]


def test_the_linux_console_s_f1_to_f5_do_nothing(term, tmp_path):
    # ESC [ [ A .. ESC [ [ E: the sequence was taken to end at its second [, so F2 went
    # back a segment (B), F5 said "No key 'E' here" and F1 typed an A into a reflection.
    f1, f2, f5 = (("1b", "5b", "5b", letter) for letter in ("41", "42", "45"))
    term.keys("n")
    term.wait_for("2/3  Breakouts")
    hex_keys(term, f2, f5)
    time.sleep(0.5)
    screen = term.screen()
    assert "2/3  Breakouts" in screen and "No key" not in screen
    term.keys("r")
    term.wait_for("Reflection")
    term.type("Ada Lovelace: F", enter=False)
    hex_keys(term, f1)
    term.type("1 pressed", enter=False)
    term.wait_for("Ada Lovelace: F1 pressed")
    term.keys("Enter")
    term.wait_for("Saved reflection from Ada Lovelace (1 so far)")
    quit_run(term)
    events = session_events(tmp_path)
    assert [e["text"] for e in events if e["type"] == "reflection"] == ["F1 pressed"]
    assert [e.get("reason") for e in events if e["type"] == "segment_end"] == ["next"]


def test_ctrl_s_does_not_freeze_the_run_or_the_view(tmp_path):
    # The terminal's flow control (IXON) was left on: Ctrl-S stopped liftkit's output until
    # Ctrl-Q, the screen frozen, keys and signals unhandled, a view's countdown stopped.
    with host_and_audience(tmp_path) as (host, audience):
        host.type("stty -a > before.txt; echo SAVED")
        host.wait_for("SAVED")
        host.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
        host.wait_for("running")
        audience.run([*LIFTKIT, "view", "latest", "--sessions", "s"])
        audience.wait_for("Say hello in the chat")
        host.keys("C-s")
        audience.keys("C-s")
        host.keys("n")
        host.wait_for("2/2  Close", timeout=5)
        audience.wait_without("Say hello in the chat", timeout=5)
        quit_run(host)
        host.type("stty -a > after.txt; echo SAVED")
        host.wait_for("SAVED")
        audience.keys("q")
        audience.wait_for("EXIT=0")
    assert (tmp_path / "after.txt").read_text() == (tmp_path / "before.txt").read_text()
    assert "-ixon" not in (tmp_path / "after.txt").read_text().split()


@pytest.mark.parametrize("bracketed", [True, False], ids=["bracketed paste", "plain paste"])
def test_a_paste_into_the_view_is_not_keys(tmp_path, bracketed):
    # Chat pasted into the audience's window by mistake was read as keys: its q (or Q, or
    # an Esc) closed the shared view in front of the call ("Stopped following …").
    with host_and_audience(tmp_path) as (host, audience):
        host.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
        host.wait_for("running")
        audience.run([*LIFTKIT, "view", "latest", "--sessions", "s"])
        audience.wait_for("Say hello in the chat")
        audience.paste("Quinn: quick question\nEsc \x1b quits? q", bracketed=bracketed)
        time.sleep(0.5)
        host.keys("n")
        host.wait_for("2/2  Close")
        screen = audience.wait_without("Say hello in the chat", timeout=5)
        assert "Stopped following" not in screen and "EXIT=" not in screen
        assert "Quinn" not in screen  # nor echoed on the shared screen
        quit_run(host)
        audience.keys("q")
        audience.wait_for("EXIT=0")


def test_a_question_in_a_30x8_window_shows_its_y(tmp_path):
    # "End the session? It cannot be…" and the reshuffle's question were cut before "y to
    # confirm", with three rows of the body above them empty.
    with breakout_run(tmp_path, 30, 8) as term:
        term.keys("n")
        term.wait_for("Breakouts")
        term.keys("g")
        term.wait_for("Room 1")
        term.keys("s")
        screen = term.wait_for("Reshuffle")
        said = " ".join(screen.split())
        assert "y to confirm" in said, screen
        term.keys("x")
        term.wait_for("Carrying on.")
        term.keys("Escape")
        term.wait_without("Room 1")
        term.keys("n")
        term.wait_for("Close")
        term.keys("n")
        screen = term.wait_for("End the session?")
        said = " ".join(screen.split())
        assert "y to confirm" in said and "It cannot be resumed after." in said, screen
        term.keys("x")
        term.wait_for("Carrying on.")
        quit_run(term)


def test_the_reshuffle_question_takes_the_rooms_rows_in_a_30x8_window(tmp_path):
    # 24 attendees, the window made 30x8 once the breakout ran: "…too. y to confirm,
    # anything e…", cut, with a room's row still above it
    attendees_csv(tmp_path / "people.csv", 24)
    term = Tmux(80, 24, cwd=str(tmp_path))
    try:
        argv = ["run", "1-2-4-all", "--attendees", "people.csv", "--sessions", "s"]
        term.run([*LIFTKIT, *argv])
        term.wait_for("running")
        term.keys("n")
        term.wait_for("In pairs")
        term.resize(30, 8)
        term.keys("g")
        term.wait_for("Room 1")
        term.keys("s")
        screen = term.wait_for("Reshuffle")
        said = " ".join(screen.split())
        assert "y to confirm, anything else keeps them" in said, screen
        assert "Room 1" not in screen, screen  # the question has the rooms' rows
        term.keys("x")
        screen = term.wait_for("Carrying on.")
        assert "Room 1" in term.wait_for("Room 1"), screen  # the rooms back once answered
        quit_run(term)
    finally:
        term.close()


def test_g_outside_a_breakout_says_why_whole_in_a_30x8_window(tmp_path):
    # the clock view's answer to g read "No rooms here: rooms are for …", cut at one line
    term = Tmux(30, 8, cwd=str(tmp_path))
    try:
        term.run([*LIFTKIT, "run", "1-2-4-all", "--sessions", "s"])
        term.wait_for("running")
        term.keys("g")
        screen = term.wait_for("No rooms here")
        said = " ".join(screen.split())
        assert "No rooms here: rooms are for breakout segments." in said, screen
        assert screen.rstrip().splitlines()[-1].strip().endswith("q quit"), screen  # keys kept
        quit_run(term)
    finally:
        term.close()


def test_bracketed_paste_is_on_again_after_kill_stop_and_fg(tmp_path):
    # bash turns bracketed paste off when it takes the terminal back; after an outside
    # `kill -STOP` and `fg` liftkit never turned it on again (Ctrl-Z then fg did), and a
    # paste was keys: a pasted "n" went to the next segment, a "q" closed the view.
    with host_and_audience(tmp_path) as (host, audience):
        host.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
        host.wait_for("running")
        audience.run([*LIFTKIT, "view", "latest", "--sessions", "s"])
        audience.wait_for("Say hello in the chat")
        for term in (host, audience):
            term.signal(signal.SIGSTOP)
            term.wait_for("Stopped")
            term.type("fg")
            term.wait_without("Stopped")
        host.wait_for("running")
        host.paste("n")
        host.wait_for("Pasted text goes into an input line")
        audience.paste("q")
        time.sleep(0.5)
        assert "Say hello in the chat" in audience.screen()
        assert "1/2  Welcome" in host.screen()
        host.keys("n")
        host.wait_for("2/2  Close")
        audience.wait_without("Say hello in the chat", timeout=5)
        host.keys("q")
        host.wait_for("Quit?")
        host.keys("y")
        host.wait_for("Session stopped (quit)")


def test_keys_liftkit_has_no_use_for_are_named_in_words(term, tmp_path):
    # "No key 'DOWN' here", "No key 'PGDN' here", "No key '\x0c' here" (Ctrl-L).
    term.keys("Down", "PageDown", "Up")  # navigation keys, with nothing to move: no word
    time.sleep(0.5)
    assert "No key" not in term.screen()
    term.keys("C-s")
    screen = term.wait_for("Ctrl-S does nothing here: press ? for help.")
    term.keys("M-x")
    screen = term.wait_for("Alt+x does nothing here: press ? for help.")
    assert "No key" not in screen
    term.keys("z")
    term.wait_for("No key 'z' here: press ? for help.")  # a letter as it was
    quit_run(term)


def test_ctrl_l_redraws_the_whole_screen(term, tmp_path):
    # Text written on the screen by another program stayed there: Ctrl-L said
    # "No key '\x0c' here".
    tty = term.state("#{pane_tty}")
    with open(tty, "w") as other_program:
        other_program.write("\x1b[20;5HSTRAY TEXT FROM ELSEWHERE")
    term.wait_for("STRAY TEXT FROM ELSEWHERE")
    term.keys("C-l")
    screen = term.wait_without("STRAY TEXT FROM ELSEWHERE")
    assert "1/3  Welcome" in screen and "No key" not in screen
    quit_run(term)


def test_backspace_deletes_a_flag_whole(term, tmp_path):
    # 🇬🇧 is two code points (regional indicators G and B): Backspace left a lone 🇬.
    term.keys("r")
    term.wait_for("Reflection")
    term.type("Ada Lovelace: tea 🇬🇧🇬🇧", enter=False)
    term.keys("BSpace")
    term.type("x", enter=False)
    term.wait_for("x▌")
    term.keys("Enter")
    term.wait_for("Saved reflection from Ada Lovelace (1 so far)")
    quit_run(term)
    reflections = [e["text"] for e in session_events(tmp_path) if e["type"] == "reflection"]
    assert reflections == ["tea 🇬🇧x"]
