"""Every segment written as a [[segments]] table, so that one more can be added as the docs
show; and a file that lists its segments inline before a [[segments]] table is told how to
write them."""

import subprocess
import sys

LIFTKIT = [sys.executable, "-m", "liftkit"]

QUICK = """
title = "Quick"

[[segments]]
title = "Hello"
duration = "1m"
kind = "welcome"
warn = []

[[segments]]
title = "Bye"
duration = "2m"
kind = "reflection"
warn = []
"""

ADDED = """
[[segments]]
title = "One more"
duration = "5m"
kind = "discussion"
"""


def liftkit(*args, cwd):
    return subprocess.run([*LIFTKIT, *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def test_an_agenda_of_short_segments_is_written_as_tables_a_segment_can_be_added_to(tmp_path):
    (tmp_path / "quick.toml").write_text(QUICK)
    new = liftkit("new", "x.toml", "--from", "quick.toml", cwd=tmp_path)
    assert new.returncode == 0, new.stderr
    written = (tmp_path / "x.toml").read_text()
    assert written.count("[[segments]]") == 2
    assert "segments = [" not in written
    (tmp_path / "x.toml").write_text(written + ADDED)  # one more, as the docs show
    check = liftkit("agenda", "check", "x.toml", cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    assert "(3 segments, 8m)" in check.stdout


def test_an_inline_list_of_segments_then_a_table_says_how_to_write_them(tmp_path):
    listed = 'title = "Quick"\nsegments = [ { title = "Hello", duration = "1m" }, ]\n'
    (tmp_path / "x.toml").write_text(listed + ADDED)
    check = liftkit("agenda", "check", "x.toml", cwd=tmp_path)
    assert check.returncode == 2
    assert check.stderr == (
        "Error: x.toml:4: TOML syntax error: segments is written as a list on line 2; a "
        "[[segments]] table can't add to it: write every segment as a [[segments]] table\n"
    )
