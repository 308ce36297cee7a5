"""A window closed while the journal cannot be written (a full disk): what the host saved
with Enter, and kept in memory, goes to the rescue file before liftkit goes, in the full
screen and in plain mode. Real disks, as in test_full_disk (skipped where a tmpfs cannot be
mounted); a real window, closed as a host closes it (tmux kill-pane: the kernel's SIGHUP and
the shell's)."""

import os
import time
from pathlib import Path

import pytest
from support.plain import Live
from test_full_disk import (  # noqa: F401
    TWO,
    disk,
    fill,
    fill_last_page,
    run_two_in_a_window,
    run_until_the_disk_fills,
)


def close_window(term, pid: int) -> None:
    """Close the window as a host does, and wait until liftkit (`pid`) has gone."""
    term._run("kill-pane", "-t", "t")
    stat = Path(f"/proc/{pid}/stat")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if stat.read_text().rsplit(")", 1)[1].split()[0] == "Z":  # gone, not yet reaped
                return
        except OSError:  # gone
            return
        time.sleep(0.05)
    raise AssertionError("liftkit still runs after its window was closed")


def rescued(rescue: Path) -> list[str]:
    """The captures the rescue file holds, as typed (without the time each was typed)."""
    files = list(rescue.glob("liftkit-unsaved-*.txt"))
    assert len(files) == 1, f"no rescue file: {sorted(p.name for p in rescue.iterdir())}"
    lines = files[0].read_text().splitlines()
    return [line.split(" ", 1)[1] for line in lines if not line.startswith("#")]


@pytest.mark.parametrize("plain", [False, True], ids=["full screen", "plain"])
def test_a_window_closed_on_a_full_disk_writes_the_kept_reflections_to_the_rescue_file(
    disk,  # noqa: F811
    tmp_path,
    plain,
):
    """One reflection saved, the disk filled, two more saved with Enter (kept: NOT SAVED
    yet), then the window closed. Before, the full screen crashed (`journal is closed`: it
    stopped a second time, when drawing to the gone window failed) and plain mode was killed
    by the second SIGHUP before the farewell wrote the file: both reflections were lost for
    good. Now the rescue file in $TMPDIR holds them both."""
    term, rescue, sessions = run_two_in_a_window(disk, tmp_path, *(["--plain"] if plain else []))
    try:
        term.wait_for("running" if not plain else "1/2")
        pid = term.command_pid()

        def reflect(text: str, said: str) -> None:
            if plain:
                term.type(f"r {text}")
            else:
                term.keys("r")
                term.wait_for("Reflection (")
                term.type(text)
                term.wait_without("Reflection (")
            term.wait_for(said)

        reflect("Ada: saved before the disk filled", "aved reflection")
        fill(disk)
        fill_last_page(next(sessions.glob("*/journal.jsonl")))
        reflect("Grace: kept one", "the reflection is kept")
        reflect("Alan: kept two", "the reflection is kept")
        time.sleep(0.5)
        close_window(term, pid)
    finally:
        term.close()
    assert not list(rescue.glob("liftkit-crash-*")), "liftkit crashed as it stopped"
    assert rescued(rescue) == ["segment 1: Grace: kept one", "segment 1: Alan: kept two"]


def test_a_second_stop_on_a_full_disk_adds_to_the_rescue_file(disk, tmp_path):  # noqa: F811
    """Two reflections kept on a full disk, q y: the rescue file holds both. Resumed, the
    disk full again, a third kept, q y: before, the file then held only the third (written
    over: the other two were lost); now it holds all three, and the last lines say it added
    to what an earlier stop left there."""
    sessions, rescue = disk / "sessions", tmp_path / "elsewhere"
    rescue.mkdir()
    env = {**os.environ, "TMPDIR": str(rescue)}
    live = run_until_the_disk_fills(disk, tmp_path, sessions, TWO, env=env)
    live.finish("r Ada: first kept\nr Grace: second kept\nq\ny\n")
    assert rescued(rescue) == ["segment 1: Ada: first kept", "segment 1: Grace: second kept"]
    (folder,) = sessions.iterdir()
    (disk / "filler").unlink()  # room for the resume's line, then full again
    again = Live(["resume", str(folder), "--plain"], cwd=tmp_path, env=env)
    try:
        again.wait_for("Resumed")  # "Resumed." or, a second or more later, "Resumed: …"
        fill(disk)
        fill_last_page(folder / "journal.jsonl")
        out, err = again.finish("r Alan: third kept\nq\ny\n")
    finally:
        again.kill()
    assert "the reflection is kept" in out, out + err
    assert rescued(rescue) == [
        "segment 1: Ada: first kept",
        "segment 1: Grace: second kept",
        "segment 1: Alan: third kept",
    ]
    (written,) = rescue.glob("liftkit-unsaved-*.txt")
    said = " ".join(err.split())
    assert f"It is written to {written}, after the 2 lines an earlier stop left there" in said
