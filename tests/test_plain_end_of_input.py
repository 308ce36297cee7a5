"""`liftkit run --plain` whose piped input ends: it says whether the session will still end
by itself, since nothing typed can end it any more."""

import os
import signal

import pytest
from support.plain import Live

SEGMENTS = [("Welcome", True), ("Talk", False), ("Close", True)]


def agenda(last_auto: bool) -> str:
    text = 'title = "T"\n'
    for n, (title, auto) in enumerate(SEGMENTS):
        auto = last_auto if n == len(SEGMENTS) - 1 else auto
        text += f'[[segments]]\ntitle = "{title}"\nduration = "5m"\n'
        text += f"auto_advance = {str(auto).lower()}\n"
    return text


def env():
    return {k: v for k, v in os.environ.items() if k != "LIFTKIT_SESSIONS"}


@pytest.mark.parametrize(
    ("last_auto", "typed", "said"),
    [
        # at the last segment, its "End the session?" asked and left: for ever over time
        (
            False,
            "n\nn\nn\n",
            'end of input: "End the session?" is not answered; the session '
            "will not end by itself (its last segment has no auto_advance); Ctrl-C or a signal "
            "stops it, and nothing captured is lost",
        ),
        (
            True,
            "",
            'end of input: the session will not end by itself (segment 2 "Talk" has '
            "no auto_advance); Ctrl-C or a signal stops it, and nothing captured is lost",
        ),
        (
            True,
            "pause\n",
            "end of input: the session will not end by itself (it is paused); "
            "Ctrl-C or a signal stops it, and nothing captured is lost",
        ),
        (True, "n\nn\n", "end of input: the session carries on until its end or a signal stops it"),
    ],
)
def test_end_of_input_says_whether_the_session_will_end_by_itself(tmp_path, last_auto, typed, said):
    (tmp_path / "a.toml").write_text(agenda(last_auto))
    live = Live(["run", "a.toml", "--sessions", "s", "--plain"], tmp_path, env())
    try:
        live.wait_for("session folder:")
        live.send(typed)
        live.close_input()
        out = live.wait_for("end of input")
        live.process.send_signal(signal.SIGTERM)
        out, err = live.finish()
    finally:
        live.kill()
    (line,) = [line for line in out.splitlines() if "end of input" in line]
    assert line.split("  ", 1)[1] == said, out
    assert live.returncode == 130, err
