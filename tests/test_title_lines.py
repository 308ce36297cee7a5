"""A title written across lines in an agenda (a TOML multi-line string) is one line wherever
a line is printed: plain mode's one line per event stays one line."""

import re
import subprocess
import sys

LIFTKIT = [sys.executable, "-m", "liftkit"]

AGENDA = '''\
title = """Leading
well"""

[[segments]]
title = """Talk
   more"""
duration = "1m"
'''


def liftkit(folder, *args, stdin=""):
    proc = subprocess.run(
        [*LIFTKIT, *args], input=stdin, capture_output=True, text=True, cwd=folder, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_a_title_written_across_lines_is_printed_on_one(tmp_path):
    (tmp_path / "ml.toml").write_text(AGENDA, encoding="utf-8")
    assert liftkit(tmp_path, "agenda", "check", "ml.toml") == (
        "ok: ml.toml: Leading well (1 segment, 1m)\n"
    )
    shown = liftkit(tmp_path, "agenda", "show", "ml.toml").splitlines()
    assert [line.strip() for line in shown if "Leading" in line] == ["Leading well"]
    assert next(line for line in shown if "Talk" in line).rstrip().endswith("Talk more")
    assert not any(line.strip() in ("well", "more") for line in shown)

    run = "run", "ml.toml", "--sessions", "s", "--plain", "--rehearse", "3600"
    plain = liftkit(tmp_path, *run, stdin="q\ny\n").splitlines()
    events = [line for line in plain if re.match(r"\d\d:\d\d:\d\d  ", line)]
    assert "session started: Leading well" in "\n".join(events)
    assert any(line.endswith("> 1/1 Talk more (other, 1m)") for line in events)
    assert not any(line.strip() in ("well", "more (other, 1m)") for line in plain)

    # the pack, as before: its heading and the agenda's row on one line each
    (session,) = (tmp_path / "s").iterdir()
    pack = liftkit(tmp_path, "export", str(session), "-o", "-")
    assert "# Leading well" in pack.splitlines()
