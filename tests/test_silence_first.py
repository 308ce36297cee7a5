"""A strict silence first: the host's screen and `liftkit view` hold the segment's prompt,
questions and polls back until it is over, in real terminals."""

import re
import subprocess
import sys
import time

from support.tmux import Tmux

LIFTKIT = [sys.executable, "-m", "liftkit"]

AGENDA = """
title = "Quiet close"

[[segments]]
title = "Closing reflections"
duration = "5m"
kind = "reflection"
silence = "30s"
prompt = "Share a closing reflection in the chat"
questions = ["What will you try first?"]
polls = [{ question = "Was this useful?", options = ["Yes", "No"] }]
notes = "HOST NOTE: keep the silence"
"""

ASKED = ("Share a closing reflection", "What will you try first?", "Was this useful?")


def test_the_prompt_questions_and_polls_wait_for_the_silence_to_end(tmp_path):
    (tmp_path / "a.toml").write_text(AGENDA)
    host, audience = Tmux(80, 24, cwd=str(tmp_path)), Tmux(80, 24, cwd=str(tmp_path))
    try:
        host.run([*LIFTKIT, "run", "a.toml", "--rehearse", "3", "--sessions", "s"])
        screen = host.wait_for("SILENCE: please reflect quietly")
        assert "HOST NOTE: keep the silence" in screen  # the host still reads the notes
        for asked in ASKED:
            assert asked not in screen, screen
        audience.run([*LIFTKIT, "view", "latest", "--sessions", "s"])
        screen = audience.wait_for("SILENCE: please reflect quietly")
        for asked in ASKED:
            assert asked not in screen, screen
        # 30 s of silence at ×3 is 10 s: then everyone reads what to share
        for term in (host, audience):
            screen = term.wait_for("What will you try first?", timeout=15)
            assert "SILENCE" not in screen
            assert "Share a closing reflection in the chat" in screen
            assert "Was this useful?" in screen
    finally:
        host.close()
        audience.close()


STATUS = re.compile(
    r"1/1 Closing reflections: (\d\d):(\d\d) left · session [^·]+ · (\d+)s of strict silence left"
)


def _plain(tmp_path, *args):
    """`liftkit ARGS --plain`, typing status two seconds in, then quitting."""
    proc = subprocess.Popen(
        [*LIFTKIT, *args, "--sessions", "s", "--plain"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=tmp_path,
    )
    assert proc.stdin is not None
    time.sleep(2)
    proc.stdin.write("status\n")
    proc.stdin.flush()
    time.sleep(0.5)
    out, _ = proc.communicate("q\ny\n", timeout=30)
    assert proc.returncode == 0, out
    return out


def test_the_host_s_status_line_says_the_strict_silence_left(tmp_path):
    """`status` during a strict silence, in the host's plain mode and after a resume in
    the middle of it, said only "05:00 left · session on time", where the plain view said
    "22s of strict silence left"; the resume itself said nothing of the silence."""
    (tmp_path / "a.toml").write_text(AGENDA)
    for args in (("run", "a.toml"), ("resume", "latest")):
        out = _plain(tmp_path, *args)
        match = STATUS.search(out)
        assert match is not None, out
        minutes, seconds, silence = (int(n) for n in match.groups())
        elapsed = 300 - (minutes * 60 + seconds)  # 05:00, the segment's length, less its time left
        assert 1 <= elapsed <= 20, out
        assert abs((30 - silence) - elapsed) <= 1, out  # the same seconds gone from both
    # and the resume says it at once, after how it resumed, before status is typed
    lines = _plain(tmp_path, "resume", "latest").splitlines()
    (at,) = [i for i, line in enumerate(lines) if re.match(r"\d\d:\d\d:\d\d  Resumed", line)]
    assert STATUS.search(lines[at + 1]), lines
    assert len([line for line in lines if STATUS.search(line)]) == 2, lines  # and at status
