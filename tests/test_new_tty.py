"""`liftkit new` on a real terminal: the questionary prompts, answered in a pseudo-terminal."""

import os
import re
import sys
from pathlib import Path

import pytest

from liftkit.core.agenda.model import load_agenda

pexpect = pytest.importorskip("pexpect")

DOWN = "\x1b[B"
UP = "\x1b[A"
CLEAR_LINE = "\x15"  # Ctrl-U: empty the text field before typing


def folded(text: str) -> str:
    """A pattern of `text` as `liftkit new` prints a note: folded at spaces to the window."""
    return r"\s+".join(re.escape(word) for word in text.split(" "))


def spawn(tmp_path: Path, *args: str):
    env = dict(
        os.environ,
        COLUMNS="100",
        LINES="40",
        TERM="xterm-256color",
        NO_COLOR="1",
        # pexpect does not answer prompt_toolkit's cursor-position requests.
        PROMPT_TOOLKIT_NO_CPR="1",
    )
    return pexpect.spawn(
        sys.executable,
        ["-m", "liftkit", *args],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 100),
    )


def test_new_asks_for_template_title_host_and_durations(tmp_path):
    child = spawn(tmp_path, "new", "team.toml")
    child.expect("Start from which template")
    child.expect("world-cafe")  # the whole list is drawn
    child.send(DOWN + "\r")  # from community-conversation (the default) to hosted-event
    child.expect("Title of your agenda")
    child.expect("Hosted community event")  # the template's title is offered
    child.send("Leaders' lunch\r")  # typed over it, not after it
    child.expect(r"Who hosts it \(your name\)\?")
    child.send("Sam  Okafor\r")
    child.expect(r"Change the segment durations\?")
    child.send("y")
    segments = [
        "Welcome and introductions",
        "Opening perspective",
        "Questions for the host",
        "Breakout discussions",
        "Closing reflections",
        "Thank you and evaluation",
    ]
    for title in segments:
        child.expect(f"{title}: ")
        child.expect(r"\d+m")  # the current duration is offered
        if title == "Breakout discussions":
            child.send("oops")  # refused by the validator, then corrected
            child.send("\r")
            child.expect("try 90s, 5m, 1h 15m or 1:30")
            child.send(CLEAR_LINE + "40m")
        if title == "Closing reflections":
            child.send("0:15\r")  # meant as 0 hours 15 minutes: asked again, not 15 seconds
            child.expect(r"0:15 is 15 seconds \(minutes:seconds\): type 15m or 15s")
            child.send(CLEAR_LINE + "15m")
        child.send("\r")  # an empty answer keeps the duration offered
    # the template's line says ninety minutes: shown, not offered, for a call of 1h 45m
    child.expect(r'The template\'s line, "A ninety-minute event')
    child.expect(folded("gives another length than your 1h 45m: type your own, or Enter for none."))
    child.expect(r"What is it about, in a line \(it heads the event pack\)\?")
    child.send("A  lunchtime conversation on kindness at work\r")
    child.expect("Wrote team.toml: Leaders' lunch, 6 segments")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    agenda = load_agenda(tmp_path / "team.toml")
    written = (tmp_path / "team.toml").read_text().splitlines()
    assert written[1].startswith("# Check it with")  # not the template's comment: new timings
    assert agenda.title == "Leaders' lunch"
    assert agenda.host == "Sam Okafor"  # kept in the file, spaces tidied
    assert agenda.description == "A lunchtime conversation on kindness at work"
    assert [s.duration for s in agenda.segments] == [600, 1200, 600, 2400, 900, 600]
    assert agenda.segments[4].silence == 30  # the rest of the template is kept
    assert agenda.declared_total == 105 * 60  # the old 90m total, as the new durations add up

    check = spawn(tmp_path, "agenda", "check", "team.toml")
    check.expect(pexpect.EOF)
    check.close()
    assert check.exitstatus == 0


def keep_the_line_and_write(child, wrote: str = "Wrote team.toml") -> None:
    """Enter at the last question (the one-line description, as offered), then the file is
    written and `liftkit new` ends with exit code 0."""
    child.expect(r"What is it about, in a line")
    child.send("\r")
    child.expect(wrote)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def new_to_durations(tmp_path: Path, template: str = "", host: str = ""):
    """`liftkit new team.toml` from a template (`template`: the keys that choose it, none for
    community-conversation, the default), its title kept, at "Change the segment
    durations?"."""
    child = spawn(tmp_path, "new", "team.toml")
    child.expect("Start from which template")
    child.expect("world-cafe")
    child.send(template + "\r")
    child.expect("Title of your agenda")
    child.send("\r")
    child.expect(r"Who hosts it \(your name\)\?")
    child.send(host + "\r")
    child.expect(r"Change the segment durations\?")
    return child


def new_from_1_2_4_all(tmp_path: Path):
    """`liftkit new team.toml` from 1-2-4-All, its title and host kept, at the question of
    its first segment's duration."""
    child = new_to_durations(tmp_path, UP)  # from community-conversation (the default)
    child.send("y")
    child.expect("Alone: ")
    return child


def test_a_short_segment_made_longer_gets_the_default_warning_of_its_new_length(tmp_path):
    """1-2-4-All's one-minute "Alone" has no warning, as a segment of two minutes or less
    gives none by default; made five minutes long it was written with `warn = []`, so the
    host got no warning at the call. A warning the template gives is kept as it is."""
    child = new_from_1_2_4_all(tmp_path)
    child.send(CLEAR_LINE + "5m\r")
    child.expect("In pairs: ")
    child.send(CLEAR_LINE + "10m\r")  # its template gives warn = ["30s"]
    for title in ("In fours", "All together"):
        child.expect(f"{title}: ")
        child.send("\r")
    keep_the_line_and_write(child, "Wrote team.toml: 1-2-4-All, 4 segments")
    agenda = load_agenda(tmp_path / "team.toml")
    assert [s.duration for s in agenda.segments] == [300, 600, 240, 300]
    assert [s.warn for s in agenda.segments] == [(60,), (30,), (60,), (60,)]


def test_a_template_line_that_gives_the_old_length_is_not_kept_by_enter(tmp_path):
    # 1-2-4-All cut to 15 minutes was written with "Twelve minutes that give every person a
    # voice…", which the event pack printed under its title.
    child = new_from_1_2_4_all(tmp_path)
    child.send(CLEAR_LINE + "4m\r")
    for title in ("In pairs", "In fours", "All together"):
        child.expect(f"{title}: ")
        child.send("\r")
    child.expect(r"What is it about, in a line")
    said = child.before.split("All together")[-1]
    # folded at spaces to the 100 columns, not cut mid-word by the terminal
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", said.replace("\r", ""))
    lines = [line.strip() for line in plain.split("\n") if line.strip()]
    note = " ".join(line for line in lines if not line.startswith("?"))
    assert '"Twelve minutes that give every person a voice: alone, in pairs, in fours, ' in note
    assert "gives another length than your 15m" in note
    assert all(len(line) < 100 for line in lines), lines
    child.send("\r")
    child.expect("Wrote team.toml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    agenda = load_agenda(tmp_path / "team.toml")
    assert sum(s.duration for s in agenda.segments) == 15 * 60
    assert agenda.description == ""
    assert "Twelve minutes" not in (tmp_path / "team.toml").read_text()


def test_a_silence_or_warning_that_no_longer_fits_is_said_as_it_is_left_out(tmp_path):
    """The community conversation's close, made 30 seconds long, lost its 30 seconds of
    silence without a word, its notes still saying "Start with 30 seconds of strict
    silence"; the breakouts made 4 minutes lost their 5-minute warning so too."""
    child = new_to_durations(tmp_path)
    child.send("y")
    for title, typed in [
        ("Introductions", ""),
        ("Opening perspective", ""),
        ("Breakout discussions", "4m"),
        ("Whole-group discussion", ""),
        ("Closing reflections", "30s"),
    ]:
        child.expect(f"{title}: ")
        child.send(CLEAR_LINE + typed + "\r" if typed else "\r")
        if title == "Breakout discussions":
            child.expect(
                folded(
                    "Breakout discussions: its warning 5m before the end does not fit in 4m, "
                    "so it is left out."
                )
            )
    child.expect(
        folded(
            "Closing reflections: its 30s of silence and its warning 1m before the end do not "
            "fit in 30s, so they are left out; its notes and summary may still speak of the "
            "silence."
        )
    )
    keep_the_line_and_write(child)
    close = load_agenda(tmp_path / "team.toml").segments[4]
    assert (close.duration, close.silence, close.warn) == (30, 0, ())


@pytest.mark.parametrize(("typed", "total"), [("", "1h"), ("10m", "1h 5m")])
def test_the_template_total_is_kept_when_durations_are_asked(tmp_path, typed, total):
    """The community conversation's `total = "60m"` was left out of the file whenever the
    host answered y to "Change the segment durations?", even with every duration kept."""
    child = new_to_durations(tmp_path)
    child.send("y")
    child.expect("Introductions: ")
    child.send(CLEAR_LINE + typed + "\r" if typed else "\r")  # 5m made 10m, or kept
    for title in ["Opening perspective", "Breakout discussions", "Whole-group", "Closing"]:
        child.expect(f"{title}.*: ")
        child.send("\r")
    keep_the_line_and_write(child)
    written = (tmp_path / "team.toml").read_text()
    assert f'\ntotal = "{total}"\n' in written
    agenda = load_agenda(tmp_path / "team.toml")
    assert agenda.declared_total == sum(s.duration for s in agenda.segments)


def test_the_template_comment_is_kept_with_its_durations(tmp_path):
    """The community conversation's comment gives its timings, "5 / 5 / 30 / 15 / 5 minutes":
    kept when the durations are, left out when the host gives their own (above)."""
    child = new_to_durations(tmp_path, host="Sam Okafor")
    child.send("n")
    keep_the_line_and_write(child)  # keeps the template's line
    written = (tmp_path / "team.toml").read_text().splitlines()
    assert written[1] == "# A one-hour hosted community conversation: 5 / 5 / 30 / 15 / 5 minutes."
    assert load_agenda(tmp_path / "team.toml").description == (
        "A one-hour hosted conversation on a leadership question that matters to the community."
    )


def test_ctrl_c_at_a_prompt_exits_130_and_writes_nothing(tmp_path):
    child = spawn(tmp_path, "new", "team.toml")
    child.expect("Start from which template")
    child.expect("world-cafe")
    child.sendintr()
    child.expect("Interrupted.")
    child.expect(pexpect.EOF)
    output = child.before
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in output
    assert list(tmp_path.iterdir()) == []


def test_ctrl_d_at_a_text_prompt_exits_130_and_writes_nothing(tmp_path):
    """Ctrl-D on the empty title line, as a host ends input in a terminal, stopped with
    "Error: internal error: EOFError" and exit code 1."""
    child = spawn(tmp_path, "new", "team.toml")
    child.expect("world-cafe")
    child.send("\r")
    child.expect("Title of your agenda")
    child.send("\x04")  # Ctrl-D
    output = interrupted(child, tmp_path)
    assert "internal error" not in output and "Traceback" not in output


def test_new_with_from_on_a_terminal_does_not_ask(tmp_path):
    child = spawn(tmp_path, "new", "team.toml", "--from", "1-2-4-all")
    child.expect("Wrote team.toml: 1-2-4-All, 4 segments")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


@pytest.mark.parametrize("where", ["template", "title", "durations"])
def test_escape_at_a_prompt_leaves_as_ctrl_c_does(tmp_path, where):
    """Esc did nothing at the template list, and Esc then Enter there stopped with 'Error:
    unknown template ""'; at a text prompt Esc then Enter went on as Enter. Esc now leaves
    the questions, nothing written, as Ctrl-C does."""
    child = spawn(tmp_path, "new", "team.toml")
    child.expect("world-cafe")
    if where != "template":
        child.send("\r")
        child.expect("Title of your agenda")
    if where == "durations":
        child.send("\r")
        child.expect("hosts it")
        child.send("\r")
        child.expect("Change the segment durations")
    child.send("\x1b")
    child.send("\r")
    output = interrupted(child, tmp_path)
    assert "unknown template" not in output and "Traceback" not in output


def interrupted(child, folder):
    """What `new` printed once it said "Interrupted." and exited 130, writing nothing; not
    also questionary's "Cancelled by user" (CLI QA: two lines for one Esc)."""
    child.expect("Interrupted.")
    said = child.before
    child.expect(pexpect.EOF)
    output = child.before
    assert "Cancelled by user" not in said + output
    child.close()
    assert child.exitstatus == 130
    assert list(folder.iterdir()) == []
    return output


@pytest.mark.parametrize("term", ["dumb", None])
def test_new_on_a_dumb_terminal_says_to_give_the_template_instead_of_asking(tmp_path, term):
    """`TERM=dumb liftkit new x.toml` (Emacs's shell) drew questionary's full-screen escape
    codes as text, and waited for keys it could not read."""
    env = {k: v for k, v in os.environ.items() if k != "TERM"}
    child = pexpect.spawn(
        sys.executable, ["-m", "liftkit", "new", "x.toml"], cwd=str(tmp_path),
        env={**env, **({"TERM": term} if term else {})}, encoding="utf-8", timeout=10,
        dimensions=(40, 100),
    )  # fmt: skip
    child.expect(pexpect.EOF)
    child.close()
    said = child.before
    assert child.exitstatus == 2 and "\x1b" not in said, repr(said)
    assert "cannot show liftkit new's questions" in said
    assert "liftkit new x.toml --from community-conversation" in " ".join(said.split())
    assert not (tmp_path / "x.toml").exists()
