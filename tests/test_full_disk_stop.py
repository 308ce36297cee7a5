"""liftkit stopping on a full disk: what the stop line would have kept (the text still being
typed) goes to the rescue file, as captures kept in memory do, and the last lines say the
stop could not be recorded. Real disks, as in test_full_disk (skipped where a tmpfs cannot
be mounted)."""

import os
import signal
import subprocess

from support.plain import LIFTKIT
from test_full_disk import disk, fill, fill_last_page, journal_lines, run_two_in_a_window  # noqa: F401


def test_text_typed_when_liftkit_is_stopped_on_a_full_disk_goes_to_the_rescue_file(
    disk,  # noqa: F811
    tmp_path,
):
    """A SIGTERM while a reflection was being typed on a full disk: the stop line that keeps
    it could not be written, yet the last lines said 'liftkit resume gives it back', no file
    kept it, and resume gave back nothing. Now the file in $TMPDIR holds it and the last
    lines say so, and that the stop could not be recorded."""
    term, rescue, sessions = run_two_in_a_window(disk, tmp_path)
    try:
        term.wait_for("running")
        fill(disk)
        fill_last_page(next(sessions.glob("*/journal.jsonl")))
        term.keys("r")
        term.wait_for("Reflection")
        term.type("Grace: a long thought END", enter=False)
        term.wait_for("thought END")
        term.signal(signal.SIGTERM)
        screen = " ".join(term.wait_for("EXIT=130").split())
    finally:
        term.close()
    (folder,) = sessions.iterdir()
    (written,) = rescue.iterdir()
    assert written.name == f"liftkit-unsaved-{folder.name}.txt"
    assert written.read_text().splitlines()[-1].split(" ", 1)[1] == (
        "segment 1: Grace: a long thought END"
    )
    assert (
        "Not saved (still being typed when the session stopped): reflection "
        f"'Grace: a long thought END'; written to {written}"
    ) in screen
    assert "liftkit resume gives it back" not in screen
    assert "The stop could not be recorded (cannot write to the journal: the disk is full)" in (
        screen
    )
    assert not [e for e in journal_lines(folder) if e["type"] == "stop"]
    # once the disk has room, resume says where it is
    (disk / "filler").unlink()
    resumed = subprocess.run(
        [*LIFTKIT, "resume", str(folder), "--plain"], input="q\ny\n", capture_output=True,
        text=True, cwd=tmp_path, env={**os.environ, "TMPDIR": str(rescue)}, timeout=60,
    )  # fmt: skip
    said = " ".join((resumed.stdout + resumed.stderr).split())
    assert f"what could not be saved last time is in {written}" in said
