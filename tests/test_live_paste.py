"""Text typed or pasted into the input line in a real terminal (tmux), as the terminal sends
it: pastes longer than one read, escape sequences cut between two reads (a slow link), and
the keys some terminals send for Backspace and Tab. The journal is recounted from
journal.jsonl; the key decoder is tested alone in test_keys_decoder.py."""

import sys
import time

import pytest
from support.tmux import Tmux, agenda_terminal, session_events

LIFTKIT = [sys.executable, "-m", "liftkit"]

AGENDA = """
title = "Paste"

[[segments]]
title = "Welcome"
duration = "10m"
kind = "welcome"
notes = "SECRET HOST NOTE"

[[segments]]
title = "Talk"
duration = "10m"
kind = "talk"

[[segments]]
title = "Close"
duration = "5m"
kind = "reflection"
"""


@pytest.fixture
def term(tmp_path):
    yield from agenda_terminal(tmp_path, AGENDA)


journal = session_events


def reflections(tmp_path):
    return [(e["author"], e["text"]) for e in journal(tmp_path) if e["type"] == "reflection"]


def commands(tmp_path):
    """What keys would have done: pauses, segments moved, notes hidden."""
    kinds = ("pause", "resume", "segment_end", "notes", "extend")
    return [e["type"] for e in journal(tmp_path) if e["type"] in kinds]


def start(term: Tmux) -> None:
    term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
    term.wait_for("running")
    term.keys("r")
    term.wait_for("Reflection")


def quit_run(term: Tmux) -> str:
    term.keys("q")
    term.wait_for("Quit?")
    term.keys("y")
    return term.wait_for("EXIT=0")


def test_a_paste_longer_than_one_read_is_one_line_of_text(term, tmp_path):
    # QA (paste-1024.txt, no bracketed paste): liftkit read 1,024 bytes at a time; a read
    # that ended on a pasted line break saved the line there, and the rest of the paste,
    # "Thanks all, see you next time", ran as keys: notes hidden, two segments skipped, the
    # clock paused.
    lines = [f"Line {i:02d}: one step I will take away is ".ljust(99, "x") for i in range(10)]
    lines.append("and one more to go ".ljust(23, "y"))
    head = "\n".join(lines) + "\n"
    assert len(head.encode()) == 1024  # the first read ends on a line break
    start(term)
    term.paste(head + "Thanks all, see you next time", bracketed=False)
    term.wait_for("next time▌")
    term.keys("Enter")
    screen = term.wait_for("Saved reflection (1 so far)")
    assert "1/3  Welcome" in screen and "SECRET HOST NOTE" in screen and "PAUSED" not in screen
    quit_run(term)
    assert reflections(tmp_path) == [(None, " ".join(lines) + " Thanks all, see you next time")]
    assert commands(tmp_path) == []


def test_a_long_paste_in_pieces_without_bracketed_paste_stays_text(term, tmp_path):
    # Longer than the terminal's buffer (4 KB): it comes in several writes, each read whole.
    lines = [f"Reflection line {i:03d}, said by someone in the room" for i in range(120)]
    start(term)
    term.paste("\n".join(lines) + "\nn h b", bracketed=False)
    term.wait_for("n h b▌")
    term.keys("Enter")
    screen = term.wait_for("Saved reflection (1 so far)")
    assert "1/3  Welcome" in screen and "SECRET HOST NOTE" in screen
    quit_run(term)
    assert reflections(tmp_path) == [(None, " ".join(lines) + " n h b")]
    assert commands(tmp_path) == []


def slow_link_paste(term: Tmux, text: str) -> None:
    """A bracketed paste whose start marker is cut between two reads, as over ssh."""
    term.type("\x1b[20", enter=False)
    time.sleep(0.2)
    term.type(f"0~{text}\x1b[201~", enter=False)


def test_a_paste_whose_start_marker_comes_in_two_reads_is_text(term, tmp_path):
    # QA: ESC[20, then 0.2 s later 0~Grace Hopper: … ESC[201~: the reflection was saved as
    # "0~Grace Hopper: …", with no author; with no line open the paste ran as keys.
    start(term)
    slow_link_paste(term, "Grace Hopper: pasted over a slow link")
    term.wait_for("slow link▌")
    term.keys("Enter")
    term.wait_for("Saved reflection from Grace Hopper (1 so far)")
    slow_link_paste(term, "next, hide the notes and pause")  # no line open
    screen = term.wait_for("Pasted text goes into an input line")
    assert "1/3  Welcome" in screen and "SECRET HOST NOTE" in screen and "PAUSED" not in screen
    quit_run(term)
    assert reflections(tmp_path) == [("Grace Hopper", "pasted over a slow link")]
    assert commands(tmp_path) == []


def test_ctrl_h_deletes_and_a_tab_is_a_space(term, tmp_path):
    # QA: a terminal set to send ^H for Backspace deleted nothing, and a typed Tab was
    # dropped: "tab<Tab>here" was saved as "tabhere".
    start(term)
    term.type("tabb", enter=False)
    term.wait_for("tabb▌")
    term.keys("C-h")  # 0x08
    term.wait_for("tab▌")
    term.type("\there", enter=False)
    term.wait_for("tab here▌")
    term.keys("Enter")
    term.wait_for("Saved reflection (1 so far)")
    quit_run(term)
    assert reflections(tmp_path) == [(None, "tab here")]


def test_a_paste_while_a_question_is_asked_carries_on_as_another_key_does(term, tmp_path):
    # Keys QA: Ctrl-C asked "press Ctrl-C again or y to quit, anything else carries on"; a
    # paste then left the question on the screen, and a y typed later quit (exit 130).
    term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
    term.wait_for("running")
    term.keys("C-c")
    term.wait_for("press Ctrl-C again")
    term.paste("hello")
    term.wait_for("Carrying on.")
    assert "press Ctrl-C again" not in term.screen()
    term.keys("y")  # not an answer any more: y is no key of the countdown
    time.sleep(0.5)
    assert "EXIT=" not in term.screen()
    quit_run(term)
