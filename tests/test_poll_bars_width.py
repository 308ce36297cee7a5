"""Poll results on the live screens, in cells: an option in Japanese (two cells a character)
pushed its row's count off the screen ('はい、何度も参加しました' with no count, '12 (24%'), and
long options in a small window lost the percentages. Each row now keeps its count and
percentage, the options cut with '…' when the window needs it."""

import io
import re

import pytest
from rich.cells import cell_len
from rich.console import Console
from support.live import FakeTime

from liftkit.cli.live.frame import render
from liftkit.core.agenda.model import load_agenda
from liftkit.core.live.audience import audience_screen
from liftkit.core.live.controls import Ui
from liftkit.core.live.follow import Follower
from liftkit.core.live.screen import build_screen
from liftkit.core.live.session import Clock, new_session

CJK = """
title = "アンケート"
[[segments]]
title = "投票"
duration = "10m"
prompt = "答えてください"
[[segments.polls]]
question = "参加したことがありますか？"
options = ["はい、何度も参加しました", "いいえ", "わからない"]
"""

LONG = """
title = "Poll test"
[[segments]]
title = "Vote"
duration = "10m"
[[segments.polls]]
question = "Will you come again?"
options = ["Yes, and I will bring a colleague along", "Maybe, it depends on the date", "No"]
"""


def frame(screen, width, height):
    console = Console(width=width, height=height, file=io.StringIO(), no_color=True)
    console.print(render(screen, width, height))
    return console.file.getvalue()


def screens(tmp_path, agenda_text, counts):
    """The host's screen and the audience's, once the poll's counts are recorded."""
    time = FakeTime()
    path = tmp_path / "a.toml"
    path.write_text(agenda_text)
    clock = Clock(rate=1.0, mono=lambda: time.mono, wall=lambda: time.wall)
    agenda = load_agenda(path)
    live = new_session(agenda, path, "a", tmp_path / "s", clock)
    try:
        live.start()
        options = agenda.segments[0].polls[0].options
        live.record_poll(0, 0, dict(zip(options, counts, strict=True)))
        t = live.now()
        host = build_screen(
            live.engine.view(t), Ui(), title=agenda.title, now_wall=time.wall,
            session_start_wall=None, rate=1.0, now=t, poll_results=live.engine.polls,
        )  # fmt: skip
        audience = audience_screen(Follower.open(live.folder), time.wall, "running")
    finally:
        live.close()
    return host, audience


def bar_rows(text):
    """The poll's rows: an option, then its bar (not the segment's and session's bars)."""
    return [line for line in text.splitlines() if re.match(r"  \S.* [█░]", line)]


@pytest.mark.parametrize(
    ("agenda", "counts", "width", "height"),
    [(CJK, (31, 12, 7), 100, 32), (CJK, (31, 12, 7), 40, 24), (LONG, (31, 12, 7), 50, 16)],
)
def test_every_poll_row_keeps_its_count_and_percentage(tmp_path, agenda, counts, width, height):
    for screen in screens(tmp_path, agenda, counts):
        rows = bar_rows(frame(screen, width, height))
        assert len(rows) == 3, frame(screen, width, height)
        total = sum(counts)
        for row, count in zip(rows, counts, strict=True):
            percent = round(100 * count / total)
            assert re.search(rf" {count} \({percent}%\)$", row.rstrip()), row
            assert cell_len(row.rstrip()) <= width
        # the bars start in one column, whatever the options' scripts
        starts = {cell_len(row[: re.search("[█░]", row).start()]) for row in rows}
        assert len(starts) == 1


def test_an_option_cut_to_fit_ends_in_an_ellipsis(tmp_path):
    host, _ = screens(tmp_path, LONG, (31, 12, 7))
    rows = bar_rows(frame(host, 50, 16))
    assert "Yes, and I will bring a colleague along" not in rows[0]
    assert re.match(r"  Yes, and I will.*… [█░]", rows[0])
    assert rows[2].startswith("  No ")
    wide = bar_rows(frame(host, 120, 32))
    assert "  Yes, and I will bring a colleague along █" in wide[0]  # whole when it fits
