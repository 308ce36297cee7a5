"""A title written or pasted across lines is shown, and written by `liftkit new`, on one line."""

import sys

import pexpect
import pytest
from support.tmux import agenda_terminal
from test_new_tty import spawn

from liftkit.core.agenda.model import load_agenda

LIFTKIT = [sys.executable, "-m", "liftkit"]
PASTE = "\x1b[200~{}\x1b[201~"  # a terminal's bracketed paste


def test_a_title_pasted_with_line_breaks_is_written_on_one_line(tmp_path):
    child = spawn(tmp_path, "new", "team.toml")
    child.expect("Start from which template")
    child.expect("world-cafe")
    child.send("\r")
    child.expect("Title of your agenda")
    child.send(PASTE.format("\nLeading well\nSecond line"))
    child.send("\r")
    child.expect(r"Who hosts it \(your name\)\?")
    child.send("\r")
    child.expect(r"Change the segment durations\?")
    child.send("n")
    child.expect(r"What is it about, in a line")
    child.send("\r")
    child.expect("Wrote team.toml: Leading well Second line, 5 segments")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert load_agenda(tmp_path / "team.toml").title == "Leading well Second line"
    assert 'title = "Leading well Second line"' in (tmp_path / "team.toml").read_text()


AGENDA = '''
title = """
Leading well
Second line"""

[[segments]]
title = "Welcome"
duration = "5m"
kind = "welcome"
prompt = "Say hello in the chat"
'''


@pytest.fixture
def term(tmp_path):
    yield from agenda_terminal(tmp_path, AGENDA)


def test_a_title_written_across_lines_heads_the_live_screen_on_one_row(term):
    term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
    screen = term.wait_for("Say hello in the chat")
    rows = screen.splitlines()
    assert rows[0].startswith("Leading well Second line ")
    assert rows[1].startswith("1/1  Welcome  · welcome")
    assert "more below" not in screen
