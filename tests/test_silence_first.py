"""A strict silence first: the host's screen and `liftkit view` hold the segment's prompt,
questions and polls back until it is over, in real terminals."""

import sys

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
