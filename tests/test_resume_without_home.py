"""A host with no home folder (a container run as `-u 4242`: no passwd entry, HOME unset), and
a resume that fails before the session runs: the journal must say what really happened, so
that the next resume carries on as it should. The real command line, in plain mode."""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

NO_PASSWD_UID = 4242


def liftkit(*args: str, cwd: Path, input: str = "", homeless: bool = False):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    prefix: list[str] = []
    if homeless:
        env.pop("HOME", None)
        prefix = ["setpriv", f"--reuid={NO_PASSWD_UID}", f"--regid={NO_PASSWD_UID}"]
        prefix.append("--clear-groups")
    return subprocess.run(
        [*prefix, sys.executable, "-m", "liftkit", *args],
        cwd=cwd, env=env, input=input, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def events(folder: Path) -> list[dict]:
    lines = (folder / "journal.jsonl").read_text().splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture
def homeless_place() -> Iterator[Path]:
    """A folder a user with no passwd entry can work in (only root can become one)."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("becoming a user with no passwd entry needs root and setpriv")
    try:
        pwd.getpwuid(NO_PASSWD_UID)
        pytest.skip(f"uid {NO_PASSWD_UID} has a passwd entry here")
    except KeyError:
        pass
    place = Path(tempfile.mkdtemp(prefix="liftkit-homeless-"))
    place.chmod(0o777)
    try:
        yield place
    finally:
        shutil.rmtree(place)


def test_a_host_with_no_home_folder_quits_resumes_and_exports(homeless_place: Path):
    """The quit was journalled, then the farewell was 'internal error: RuntimeError: Could
    not determine home directory' (exit 1, no line to resume); `liftkit resume latest`
    wrote a session_resume and crashed the same way, so the next resume read the quit as a
    crash ('the clock ran on ...'); `export latest` crashed too."""
    where = homeless_place
    args = ["--sessions", "us", "--plain"]
    run = liftkit(
        "run", "community-conversation", "--rehearse", "60", *args,
        cwd=where, input="r Ada: hi\nq\ny\n", homeless=True,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    (folder,) = (where / "us").iterdir()
    assert run.stderr.splitlines()[-1] == (
        f"Nothing captured is lost. Carry on with: liftkit resume us/{folder.name}"
    )
    for _ in range(2):
        resumed = liftkit("resume", "latest", *args, cwd=where, input="q\ny\n", homeless=True)
        assert resumed.returncode == 0, resumed.stderr
        assert "the clock ran on" not in resumed.stdout
    kinds = [event["type"] for event in events(folder)]
    assert kinds[-4:] == ["session_resume", "stop", "session_resume", "stop"]
    assert [e["reason"] for e in events(folder) if e["type"] == "stop"] == ["quit"] * 3
    # each resume carried on from the quit, the time away not counted (not as after a crash)
    assert [e["counted"] for e in events(folder) if e["type"] == "session_resume"] == [False] * 2
    pack = liftkit("export", "latest", "--sessions", "us", "-o", "p.md", cwd=where, homeless=True)
    assert pack.returncode == 0, pack.stderr
    assert "- “hi”" in (where / "p.md").read_text().splitlines()


def test_a_resume_that_fails_before_the_session_runs_writes_nothing(tmp_path: Path):
    """A session copy of the attendee list that no longer reads: `liftkit resume` said so,
    but had written a session_resume first, with no stop after it, so the next resume
    took the quit for a crash and ran the clock on."""
    people = tmp_path / "people.csv"
    people.write_text("Name\nAda Lovelace\nGrace Hopper\nKaty Johnson\nMary Jackson\n")
    args = ["--sessions", "s", "--plain"]
    run = liftkit(
        "run", "community-conversation", "--rehearse", "60", "--attendees", str(people), *args,
        cwd=tmp_path, input="r Ada: hi\nq\ny\n",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    (folder,) = (tmp_path / "s").iterdir()
    before = (folder / "journal.jsonl").read_bytes()
    people.unlink()
    (folder / "attendees.csv").write_text('Name,"broken\n')
    failed = liftkit("resume", "latest", *args, cwd=tmp_path, input="q\ny\n")
    assert failed.returncode == 2, failed.stderr
    assert "attendees.csv: line 1" in failed.stderr
    assert (folder / "journal.jsonl").read_bytes() == before
    assert events(folder)[-1]["type"] == "stop"
