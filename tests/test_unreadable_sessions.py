"""Sessions this user may not read: a host whose umask is 077 (folders 700, files 600), or a
co-host following the session as another user. The real command line, run as another user
(`setpriv`, when the tests run as root, who may read anything) or, for anyone else, on files
their owner made unreadable with chmod 000."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

OTHER_UID = 4242
ROOT = os.geteuid() == 0


def liftkit(*args: str, cwd: Path, other_user: bool = False, timeout: float = 20.0):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    prefix: list[str] = []
    if other_user and ROOT:
        prefix = ["setpriv", f"--reuid={OTHER_UID}", f"--regid={OTHER_UID}", "--clear-groups"]
    return subprocess.run(
        [*prefix, sys.executable, "-m", "liftkit", *args],
        cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
        timeout=timeout,
    )  # fmt: skip


@pytest.fixture
def place() -> Iterator[Path]:
    """A folder another user can pass through (pytest's own are 700 when run as root)."""
    if ROOT and shutil.which("setpriv") is None:
        pytest.skip("setpriv is not installed")
    folder = Path(tempfile.mkdtemp(prefix="liftkit-unreadable-"))
    folder.chmod(0o711)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o700)
        shutil.rmtree(folder)


@pytest.fixture
def session(place: Path) -> Path:
    """A session quit after one reflection, under place/s."""
    run = subprocess.run(
        [sys.executable, "-m", "liftkit", "run", "community-conversation", "--rehearse", "60",
         "--sessions", "s", "--plain"],
        cwd=place, input="r Ada: hi\nq\ny\n", capture_output=True, text=True, timeout=30,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    (folder,) = (place / "s").iterdir()
    return folder


def deny(path: Path, mode: int) -> None:
    """Make `path` unreadable to the user liftkit runs as: `mode` (700, 600) for another
    user, nothing at all for its owner."""
    path.chmod(mode if ROOT else 0)


def assert_refused(result, path: Path) -> None:
    lines = result.stderr.splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"Error: {path}: cannot be read by this user (permission denied)")
    assert "run liftkit as its owner" in lines[0]
    assert f"chmod -R a+rX {path.parent}" in lines[0]
    assert "internal error" not in result.stderr


@pytest.mark.parametrize(
    "args", [("view",), ("export",), ("note", "x"), ("resume",)], ids=lambda a: a[0]
)
def test_a_session_folder_another_user_cannot_read_is_refused_in_one_line(
    session: Path, place: Path, args: tuple[str, ...]
):
    """`liftkit view FOLDER` of a host's 700 folder said 'internal error: PermissionError',
    exit code 1 (Python 3.11's Path.is_file() raises it)."""
    deny(session, 0o700)
    result = liftkit(args[0], str(session), *args[1:], cwd=place, other_user=True)
    assert_refused(result, session / "journal.jsonl")


@pytest.mark.parametrize("command", ["view", "export", "note"])
def test_latest_says_the_newest_session_cannot_be_read(session: Path, place: Path, command: str):
    """`view latest` waited 'for a session' for ever though one was there, and `export
    latest` said 'no sessions in s'."""
    deny(session, 0o700)
    args = [command, "latest", *(["x"] if command == "note" else []), "--sessions", "s"]
    result = liftkit(*args, cwd=place, other_user=True, timeout=15)
    assert_refused(result, Path("s") / session.name / "journal.jsonl")


@pytest.mark.parametrize("latest", [False, True], ids=["folder", "latest"])
def test_a_journal_another_user_cannot_read_is_refused_rather_than_waited_on(
    session: Path, place: Path, latest: bool
):
    """A readable folder with a 600 journal: `view` said 'waiting to start' for ever."""
    journal = session / "journal.jsonl"
    deny(journal, 0o600)
    args = ["latest", "--sessions", "s"] if latest else [str(session)]
    result = liftkit("view", *args, cwd=place, other_user=True, timeout=15)
    shown = Path("s") / session.name / "journal.jsonl" if latest else journal
    assert_refused(result, shown)
