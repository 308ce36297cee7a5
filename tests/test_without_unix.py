"""liftkit on a system without Unix's fcntl, termios and tty (Windows): the commands that
need none of them work, and the live ones say in one line what they need.

The modules are taken away in a child Python (a sitecustomize that blocks their import),
as they are missing on Windows; the commands run through the real command line.
"""

import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SESSION = DATA / "sessions" / "2026-03-09-135958-hosted-community-event"
# Windows has neither these modules nor os.pread, which the journal's writer uses
BLOCK = (
    "import os, sys\nfor m in ('fcntl', 'termios', 'tty'):\n    sys.modules[m] = None\n"
    "del os.pread\n"
)


def liftkit(tmp_path, *args, unix=False):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "NO_COLOR": "1", "COLUMNS": "100"}
    if not unix:
        (tmp_path / "nounix").mkdir(exist_ok=True)
        (tmp_path / "nounix" / "sitecustomize.py").write_text(BLOCK)
        env["PYTHONPATH"] = str(tmp_path / "nounix")
        env["TMPDIR"] = str(tmp_path)  # where a crash report would go
    return subprocess.run(
        [sys.executable, "-m", "liftkit", *args], env=env, cwd=tmp_path, stdin=subprocess.DEVNULL,
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_the_block_takes_the_modules_away(tmp_path):
    probe = liftkit(tmp_path, "--version")
    assert probe.returncode == 0
    (tmp_path / "check.py").write_text("import fcntl\n")
    env = {"PYTHONPATH": str(tmp_path / "nounix")}
    gone = subprocess.run([sys.executable, "check.py"], cwd=tmp_path, env=env, capture_output=True)
    assert gone.returncode == 1 and b"import of fcntl halted" in gone.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("groups", str(DATA / "people" / "eventbrite.csv"), "--size", "2", "--rounds", "2",
         "--seed", "4", "-f", "csv"),
        ("export", str(SESSION), "--groups"),
        ("export", str(SESSION), "--format", "html", "-o", "-"),
        ("agenda", "show", "community-conversation", "--start", "14:00"),
        ("agenda", "check", "community-conversation"),
    ],
    ids=["groups", "export", "export-html", "agenda-show", "agenda-check"],
)  # fmt: skip
def test_groups_export_and_agenda_work_as_on_unix(tmp_path, args):
    # groups stopped with "internal error: ModuleNotFoundError" (it reads a session's
    # history through the journal, which imported fcntl), and so did export
    without = liftkit(tmp_path, *args)
    assert without.returncode == 0, without.stderr
    assert without.stdout == liftkit(tmp_path, *args, unix=True).stdout
    assert not list(tmp_path.glob("liftkit-crash-*"))


@pytest.mark.parametrize(
    ("args", "needs"),
    [
        (("run", "community-conversation", "--sessions", "s"),
         "its live screen and crash-safe journal"),
        (("resume", str(SESSION)), "its live screen and crash-safe journal"),
        (("view", str(SESSION)), "its live screen"),
        (("note", str(SESSION), "Ada: a thought"), "the crash-safe journal"),
    ],
    ids=["run", "resume", "view", "note"],
)  # fmt: skip
def test_the_live_commands_say_what_they_need_in_one_line(tmp_path, args, needs):
    # they gave a traceback ending in "ModuleNotFoundError: import of fcntl halted"
    before = (SESSION / "journal.jsonl").read_bytes()
    result = liftkit(tmp_path, *args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert (
        f"Error: liftkit {args[0]} needs a Unix system (macOS, Linux, or WSL on Windows) for "
        f"{needs}: this Python "
    ) in result.stderr
    assert "install WSL (wsl --install)" in result.stderr
    assert (SESSION / "journal.jsonl").read_bytes() == before
    assert not (tmp_path / "s").exists() and not list(tmp_path.glob("liftkit-crash-*"))
