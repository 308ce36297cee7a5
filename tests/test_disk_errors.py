"""A sessions folder on a disk that fails for a moment (a dropped sshfs or NFS mount, a
failing disk): what it cannot read or write is said as a full disk is, and the session
carries on. The error is injected into the journal's own calls (os.fstat, os.open,
os.pread) while a file, outside the sessions folder, says the disk is failing: a real disk
that returns EIO needs FUSE."""

import json
import os
import sys
from pathlib import Path

from support.plain import Live

AGENDA = """
title = "Short"
[[segments]]
title = "Only"
duration = "10m"
warn = ["9m", "8m", "7m"]
"""

# Run as `python flaky.py FAILING run ...`: liftkit, with the journal's calls to the disk
# failing with EIO while the file FAILING is there.
FLAKY = """
import errno, os, sys, types
import liftkit.core.live.journal as journal

failing = sys.argv.pop(1)


class Disk(types.ModuleType):
    def __getattr__(self, name):
        real = getattr(os, name)
        if name not in ("fstat", "open", "pread") or not os.path.exists(failing):
            return real

        def refused(*args, **kwargs):
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(args[0]))

        return refused


journal.os = Disk("os")
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
