"""A paused countdown and the host's notes are drawn at normal weight or bold, never dim:
the paused digits must read from across a room, the notes at a glance."""

import re
import sys

from support.bigdigits import digit_rows, dim_cells
from support.tmux import Tmux

LIFTKIT = [sys.executable, "-m", "liftkit"]

AGENDA = """
title = "Weights"
[[segments]]
title = "Talk"
duration = "5m"
notes = "QQQ Thank the speaker"
[[segments]]
title = "Close"
duration = "5m"
"""


def test_paused_digits_and_host_notes_are_not_dim(tmp_path):
    """TONE_STYLE[PAUSED_TONE] was "dim": faint digits and `■ PAUSED` on the shared screen
    (about 3.5:1 on common themes), and the notes were all dim."""
    (tmp_path / "a.toml").write_text(AGENDA)
    host = Tmux(80, 24, cwd=str(tmp_path))
    try:
        host.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
        host.wait_for("QQQ Thank")
        host.keys("Space")
        host.wait_for("■ PAUSED")
        styled = host.screen(styles=True)
        plain = re.sub(r"\x1b\[[0-9;]*m", "", styled).splitlines()
        rows = set(digit_rows("\n".join(plain)))
        lines = list(zip(styled.splitlines(), plain, strict=True))
        digits = [dim_cells(line) for line, text in lines if text in rows]
        assert sum(t for _, t in digits) > 0 and sum(d for d, _ in digits) == 0, styled
        (paused,) = [line for line, text in lines if "■ PAUSED" in text]
        assert dim_cells(paused, "■") == (0, 1), paused
        (notes,) = [line for line, text in lines if "QQQ" in text]
        assert dim_cells(notes, "Q") == (0, 3), notes
        host.keys("q")
    finally:
        host.close()
