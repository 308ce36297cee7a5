"""`latest` is the session started last, not the one whose folder's name (its local time)
sorts last: after the laptop's zone changes in a day (east, then UTC), or on the night the
clocks go back, the older session's name sorts later, and `export latest` and `resume
latest` took it."""

import json
import os
import subprocess
import sys

LIFTKIT = [sys.executable, "-m", "liftkit"]


def agenda(title: str) -> str:
    return f'title = "{title}"\n[[segments]]\ntitle = "Only"\nduration = "10m"\nkind = "welcome"\n'


def liftkit(tmp_path, zone: str, *args: str, commands: str = "q\ny\n"):
    env = {k: v for k, v in os.environ.items() if k != "LIFTKIT_SESSIONS"}
    env["TZ"] = zone
    return subprocess.run(
        [*LIFTKIT, *args], input=commands, capture_output=True, text=True, cwd=tmp_path,
        env=env, timeout=60,
    )  # fmt: skip


def two_sessions(tmp_path):
    """A session run in a zone 5 hours east of UTC, then one in UTC: the first's folder
    name sorts later."""
    (tmp_path / "paris.toml").write_text(agenda("Morning in the east"))
    (tmp_path / "london.toml").write_text(agenda("Afternoon in UTC"))
    for zone, name in (("LKT-5", "paris"), ("UTC0", "london")):
        proc = liftkit(tmp_path, zone, "run", f"{name}.toml", "--plain", "--sessions", "s")
        assert proc.returncode == 0, proc.stderr
    folders = sorted((tmp_path / "s").iterdir())
    assert [f.name.endswith("-paris") for f in folders] == [False, True]  # names misleading
    return folders


def test_export_latest_takes_the_session_started_last(tmp_path):
    two_sessions(tmp_path)
    proc = liftkit(tmp_path, "UTC0", "export", "latest", "--sessions", "s", "-f", "json",
                   "-o", "pack.json")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    pack = json.loads((tmp_path / "pack.json").read_text())
    assert "Afternoon in UTC" in json.dumps(pack), proc.stdout
    assert "Morning in the east" not in json.dumps(pack)


def test_resume_latest_resumes_the_session_started_last(tmp_path):
    london, _paris = two_sessions(tmp_path)
    journal = (london / "journal.jsonl").read_text()
    proc = liftkit(tmp_path, "UTC0", "resume", "latest", "--plain", "--sessions", "s")
    assert proc.returncode == 0, proc.stderr
    assert "Afternoon in UTC" in proc.stdout, proc.stdout
    assert (london / "journal.jsonl").read_text() != journal  # the resume was written there
