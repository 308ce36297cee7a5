"""A sessions folder on a disk that fails for a moment (a dropped sshfs or NFS mount, a
failing disk): what it cannot read or write is said as a full disk is, and the session
carries on. The error is injected into the journal's own calls (os.fstat, os.open,
os.pread) while a file, outside the sessions folder, says the disk is failing: a real disk
that returns EIO needs FUSE."""

import contextlib
import errno
import json
import os
import sys
from pathlib import Path

import pytest
from support.plain import Live

AGENDA = """
title = "Short"
[[segments]]
title = "Only"
duration = "10m"
warn = ["9m", "8m", "7m"]
"""

# Run as `python flaky.py FAILING run ...`: liftkit, with the journal's calls to the disk
# (os.fstat, os.open, os.pread) and any os.stat of a path in the sessions folder `s`
# failing with EIO while the file FAILING is there.
FLAKY = """
import errno, os, sys, types
import liftkit.core.live.journal as journal

failing = sys.argv.pop(1)
sessions = os.path.abspath("s")


def refused(*args, **kwargs):
    raise OSError(errno.EIO, os.strerror(errno.EIO), str(args[0]))


class Disk(types.ModuleType):
    def __getattr__(self, name):
        real = getattr(os, name)
        if name not in ("fstat", "open", "pread") or not os.path.exists(failing):
            return real
        return refused


real_stat = os.stat


def stat(path, *args, **kwargs):
    where = os.path.abspath(os.fspath(path)) if not isinstance(path, int) else ""
    if where.startswith(sessions + os.sep) and os.path.exists(failing):
        refused(where)
    return real_stat(path, *args, **kwargs)


journal.os = Disk("os")
os.stat = stat
from liftkit.cli.main import main

main(sys.argv[1:])
"""


def start(tmp_path: Path) -> tuple[Live, Path, Path]:
    (tmp_path / "flaky.py").write_text(FLAKY)
    (tmp_path / "a.toml").write_text(AGENDA)
    failing, sessions = tmp_path / "failing", tmp_path / "s"
    live = Live(
        [str(failing), "run", "a.toml", "--plain", "--rehearse", "60", "--sessions", "s"],
        cwd=tmp_path,
        env={**os.environ, "TMPDIR": str(tmp_path)},
        program=[sys.executable, "flaky.py"],
    )
    try:
        live.wait_for("  > 1/")
    except BaseException:
        live.kill()
        raise
    return live, failing, sessions


def events(sessions: Path) -> list[dict]:
    (path,) = sessions.glob("*/journal.jsonl")
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_a_disk_error_for_a_moment_is_not_saved_then_saved(tmp_path):
    """The disk returns EIO for a while: 'internal error: OSError: [Errno 5]' ended the
    session with no stop line. Now NOT SAVED says so, a reflection typed then is kept, and
    both are written once the disk answers again."""
    live, failing, sessions = start(tmp_path)
    try:
        failing.touch()
        live.wait_for("NOT SAVED")  # the first warning falls due at 1 s
        live.send("r Ada: typed while the disk failed\n")
        live.wait_for("NOT SAVED yet, the reflection is kept")
        failing.unlink()
        live.ask_until("Saved 1 reflection kept while the journal could not be written")
        out, err = live.finish("q\ny\n")
    finally:
        live.kill()
    assert live.returncode == 0, err
    assert "internal error" not in err and "Traceback" not in err
    said = [line.split("  ", 1)[1] for line in out.splitlines() if "NOT SAVED:" in line]
    assert said == [
        "NOT SAVED: cannot write to the journal: the disk could not be read or written "
        "(input/output error). Check the disk, or reconnect the network drive it is on: "
        "liftkit tries again each second."
    ], out
    written = events(sessions)
    assert [(e["author"], e["text"]) for e in written if e["type"] == "reflection"] == [
        ("Ada", "typed while the disk failed")
    ]
    assert written[-1]["type"] == "stop", written[-1]


def test_quitting_while_the_disk_fails_keeps_what_was_typed(tmp_path):
    """q, y while the disk still fails: the stop and the reflection are kept elsewhere (as on
    a full disk), where liftkit stopped with 'internal error'."""
    live, failing, _ = start(tmp_path)
    try:
        failing.touch()
        live.wait_for("NOT SAVED")
        live.send("r Ada: typed while the disk failed\n")
        live.wait_for("NOT SAVED yet, the reflection is kept")
        _, err = live.finish("q\ny\n")
    finally:
        live.kill()
    assert "internal error" not in err and "Traceback" not in err, err
    assert "Ada: typed while the disk failed" in err
    (rescued,) = tmp_path.glob("liftkit-unsaved-*.txt")
    assert "Ada: typed while the disk failed" in rescued.read_text()
    assert not list(tmp_path.glob("liftkit-crash-*"))


# Run as `python broken.py PATH ERRNO view ...`: liftkit, with every look at PATH and what
# is in it (os.stat, os.open, os.scandir) failing with ERRNO, as a dropped network drive does.
BROKEN = """
import os, sys

path, code = sys.argv.pop(1), int(sys.argv.pop(1))


def failing(real):
    def call(target, *args, **kwargs):
        if os.fspath(target).startswith(path):
            raise OSError(code, os.strerror(code), os.fspath(target))
        return real(target, *args, **kwargs)

    return call


for name in ("stat", "open", "scandir"):
    setattr(os, name, failing(getattr(os, name)))
from liftkit.cli.main import main

main(sys.argv[1:])
"""


def broken_view(tmp_path: Path, path: Path, code: int, *args: str):
    import subprocess

    (tmp_path / "broken.py").write_text(BROKEN)
    return subprocess.run(
        [sys.executable, "broken.py", str(path), str(code), "view", *args],
        capture_output=True, text=True, cwd=tmp_path, timeout=30, stdin=subprocess.DEVNULL,
        env={**os.environ, "TMPDIR": str(tmp_path)},  # a crash report stays in the test's
    )  # fmt: skip


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EIO, "the disk could not be read or written (input/output error)"),
        (errno.ESTALE, "the network drive lost track of it (stale file handle)"),
    ],
)
def test_view_of_a_folder_on_a_failing_disk_is_one_line(tmp_path, code, words):
    """`liftkit view latest --sessions DIR` with DIR on a disk that returns EIO, and `liftkit
    view FOLDER` with a stale NFS handle, ended with 'internal error: OSError: [Errno 5]'
    (Python 3.11's Path.exists and is_file raise for those)."""
    sessions = tmp_path / "s"
    folder = sessions / "2026-03-09-140000-a"
    folder.mkdir(parents=True)
    (folder / "journal.jsonl").write_text("")
    for args, named in (
        (["latest", "--sessions", str(sessions)], sessions),
        ([str(folder)], folder),
    ):
        result = broken_view(tmp_path, sessions, code, *args)
        assert result.returncode == 2, result.stderr
        assert "internal error" not in result.stderr and "Traceback" not in result.stderr
        assert result.stderr.splitlines() == [
            f"Error: {named}: cannot be read: {words}; check the disk, or reconnect the "
            "network drive it is on, then try again"
        ]


def test_a_view_whose_journal_cannot_be_read_says_so_and_keeps_trying(tmp_path, monkeypatch):
    """The journal followed returns EIO (a network drive dropped): the view said 'the session
    folder is gone (deleted or moved)' within 2 s while it was still there. Now it keeps
    trying for a minute, says the journal cannot be read and why, and follows it again once
    it can be read."""
    from support.live import FakeTime
    from test_view import open_live

    from liftkit.core.live.audience import audience_screen
    from liftkit.core.live.follow import Follower

    time = FakeTime()
    session = open_live(tmp_path, time, AGENDA)
    try:
        session.start()
        follower = Follower.open(session.folder)
        journal = session.folder / "journal.jsonl"
        waited = [0.0]
        follower.tail.mono = lambda: waited[0]
        real_stat = os.stat

        def failing(target, *args, **kwargs):
            if os.fspath(target) == str(journal):
                raise OSError(errno.EIO, os.strerror(errno.EIO), os.fspath(target))
            return real_stat(target, *args, **kwargs)

        monkeypatch.setattr(os, "stat", failing)
        session.reflect("Ada: written while the view could not read it", "live")
        follower.refresh()
        waited[0] = 59.0  # kept trying: a network drive may be back within the minute
        follower.refresh()
        assert follower.gone() == ""
        waited[0] = 61.0
        follower.refresh()
        said = (
            "its journal.jsonl cannot be read: the disk could not be read or written "
            "(input/output error)"
        )
        assert follower.gone() == said
        assert said in audience_screen(follower, time.wall, "running").message
        monkeypatch.setattr(os, "stat", real_stat)  # the drive is back
        follower.refresh()
        assert follower.gone() == ""
        assert [r.text for r in follower.engine.reflections] == [
            "written while the view could not read it"
        ]
    finally:
        session.close()


# Run as `python drive_log.py FAILING run ...`: liftkit with its standard output a log file on
# a network drive (not a terminal) whose writes fail with EIO while the file FAILING is there.
DRIVE_LOG = """
import errno, io, os, sys

failing = sys.argv.pop(1)
real = os.fdopen(os.dup(1), "wb", buffering=0)


class Drive(io.RawIOBase):
    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, data):
        if os.path.exists(failing):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real.write(data)


sys.stdout = io.TextIOWrapper(io.BufferedWriter(Drive()), line_buffering=True)
from liftkit.cli.main import main

try:
    main(sys.argv[1:])
finally:  # the drive back as the process ends: Python's last flush of the lines it kept
    if os.path.exists(failing):
        os.unlink(failing)
"""


def test_a_log_file_on_a_failing_drive_is_no_closed_window(tmp_path):
    """`liftkit run --plain > /mnt/share/log.txt`, the drive failing (EIO): the session
    stopped as if its window had closed ('sighup', exit 130, not a word on why). Now it
    stops with one line saying the disk failed, as for a full disk."""
    (tmp_path / "drive_log.py").write_text(DRIVE_LOG)
    (tmp_path / "a.toml").write_text(AGENDA)
    failing = tmp_path / "failing"
    live = Live(
        [str(failing), "run", "a.toml", "--plain", "--sessions", "s"],
        cwd=tmp_path,
        env={**os.environ, "TMPDIR": str(tmp_path)},
        program=[sys.executable, "drive_log.py"],
    )
    try:
        live.wait_for("  > 1/")
        failing.touch()
        _, err = live.finish("status\n")
    finally:
        live.kill()
    assert live.returncode == 1, err
    assert "standard output: cannot write: the disk could not be read or written" in err, err
    assert "Traceback" not in err and "internal error" not in err, err
    assert [e.get("reason") for e in events(tmp_path / "s") if e["type"] == "stop"] == ["error"]


def test_a_terminal_closed_under_plain_mode_is_still_a_closed_window(tmp_path):
    # A hung-up terminal answers isatty() with False (its TCGETS fails with EIO): asked when a
    # write failed, plain mode took the closed window's EIO for a failing disk's, and a window
    # closed before its SIGHUP came was journalled as an error (CI, test_live_terminal's
    # closed-terminal test). The terminal is known from the start.
    import pty

    from support.live import FakeTime, ScriptedLines, open_session

    from liftkit.cli.live.plain import PlainApp
    from liftkit.core.live.controller import PLAIN, Controller

    time = FakeTime()
    session = open_session(tmp_path, AGENDA, time)
    master, follower = pty.openpty()
    window = os.fdopen(follower, "w")
    app = PlainApp(Controller(session, mode=PLAIN), window, ScriptedLines(time, []))
    os.close(master)  # the window closes; no SIGHUP is sent here
    outcome = app.run()
    with contextlib.suppress(OSError):  # what it could not write is lost with the window
        window.close()
    journal = (session.folder / "journal.jsonl").read_text().splitlines()
    stop = json.loads(journal[-1])
    assert (stop["type"], stop["reason"]) == ("stop", "sighup")
    assert (outcome.exit_code, outcome.reason) == (130, "sighup")
