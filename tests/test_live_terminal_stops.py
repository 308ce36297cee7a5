"""`liftkit run` in a real terminal (tmux), stopped in ways a shell stops a job: what the
journal records and what the terminal is left as."""

import time

import pytest
from support.tmux import agenda_terminal, session_events
from test_live_terminal import AGENDA, _running, start, stty_is_sane


@pytest.fixture
def term(tmp_path):
    yield from agenda_terminal(tmp_path, AGENDA)


def test_ctrl_z_then_kill_stops_liftkit_and_records_the_stop(term, tmp_path):
    """Ctrl-Z then `kill %1` (bash sends SIGTERM, then SIGCONT): liftkit, continued in the
    background, set the terminal's modes again, was stopped by SIGTTOU and stayed Stopped,
    no stop line, so that `resume` said the session ran in another terminal. Now it records
    the stop and exits, leaving the terminal as the shell has it."""
    start(term)
    term.keys("C-z")
    term.wait_for("Stopped")
    pid = term.command_pid()
    term.type("kill %1")
    screen = term.wait_for("Session stopped (asked to stop: SIGTERM)")
    deadline = time.monotonic() + 10
    while _running(pid):
        assert time.monotonic() < deadline, "liftkit did not exit"
        time.sleep(0.05)
    last = session_events(tmp_path)[-1]
    assert (last["type"], last["reason"]) == ("stop", "sigterm")
    assert "nothing captured is lost" in " ".join(screen.split())
    assert term.state("#{alternate_on} #{cursor_flag}") == "0 1"
    term.type("clear")
    stty_is_sane(term)


@pytest.mark.parametrize("byte", ["\x1a", "\x03", "\x1c"], ids=["ctrl-z", "ctrl-c", "ctrl-bs"])
def test_a_pasted_text_holding_a_control_byte_is_kept_whole(term, tmp_path, byte):
    """A paste holding Ctrl-Z suspended liftkit and the line kept only what came after it;
    one holding Ctrl-C gave 'No reflection recorded.', both parts lost: the terminal made
    the byte a signal and threw the input away. Now the byte is read as the rest is, and
    dropped from the pasted text."""
    start(term)
    term.keys("r")
    term.wait_for("Reflection")
    term.paste(f"AAA first half{byte}BBB second half")
    term.wait_for("BBB second half")
    term.keys("Enter")
    term.wait_for("Saved reflection")
    texts = [e["text"] for e in session_events(tmp_path) if e["type"] == "reflection"]
    assert texts == ["AAA first halfBBB second half"]
    term.keys("q")
    term.wait_for("Quit?")
    term.keys("y")
    term.wait_for("EXIT=0")
    stty_is_sane(term)


def test_ctrl_z_and_ctrl_c_typed_as_keys_still_stop_and_interrupt(term, tmp_path):
    """Read as bytes now, Ctrl-Z still gives the shell its terminal and `fg` brings liftkit
    back; Ctrl-\\ asks to quit as Ctrl-C does, and a second one quits."""
    start(term)
    term.keys("C-z")
    term.wait_for("Stopped")
    term.type("fg")
    term.wait_for("running")
    term.keys("C-\\")
    term.wait_for("press Ctrl-C again")
    term.keys("C-\\")
    term.wait_for("Session stopped (Ctrl-C)")  # (after fg, bash runs no `; echo EXIT`)
    last = session_events(tmp_path)[-1]
    assert (last["type"], last["reason"]) == ("stop", "interrupt")
    stty_is_sane(term)


def test_ctrl_c_right_after_esc_or_with_alt_still_asks_to_quit(term, tmp_path):
    """Esc and Ctrl-C in one read (Alt or Option held with Ctrl-C, or a laggy link) were
    'No key 'ALT+\\x03' here', and liftkit could not be quit so: read as bytes, the Ctrl-C
    was taken for Alt with a key. It acts as its signal did, whatever came before it."""
    start(term)
    term.keys("Escape", "C-c")  # one write: ESC then ^C
    term.wait_for("press Ctrl-C again")
    assert "No key" not in term.screen()
    term.keys("Escape", "C-c")
    term.wait_for("EXIT=130")
    last = session_events(tmp_path)[-1]
    assert (last["type"], last["reason"]) == ("stop", "interrupt")
    stty_is_sane(term)


def test_the_terminal_s_own_interrupt_and_suspend_keys_are_kept(term, tmp_path):
    """`stty intr ^G susp undef`: a host who turned Ctrl-Z off, so as not to stop liftkit by
    mistake mid-call, found it stopped it again once liftkit read the keys itself, and their
    Ctrl-G was 'No key'. liftkit reads the terminal's keys from its settings."""
    term.type("stty intr ^G susp undef")
    start(term)
    term.keys("C-z")
    time.sleep(0.5)
    assert "Stopped" not in term.screen() and term.command_pid() is not None
    term.keys("C-g")
    term.wait_for("press Ctrl-C again")
    term.keys("C-g")
    term.wait_for("EXIT=130")
    last = session_events(tmp_path)[-1]
    assert (last["type"], last["reason"]) == ("stop", "interrupt")
    term.type("stty -a | tr ';' '\\n' | grep -E '(intr|susp) = ' | tr -d ' \\n'; echo")
    assert "susp=<undef>" in term.wait_for("intr=^G")  # given back as they were
    term.type("stty intr ^C susp ^Z")
    stty_is_sane(term)
