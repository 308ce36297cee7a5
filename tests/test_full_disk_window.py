"""A window closed while the journal cannot be written (a full disk): what the host saved
with Enter, and kept in memory, goes to the rescue file before liftkit goes, in the full
screen and in plain mode. Real disks, as in test_full_disk (skipped where a tmpfs cannot be
mounted); a real window, closed as a host closes it (tmux kill-pane: the kernel's SIGHUP and
the shell's)."""

import time
from pathlib import Path

import pytest
from support.plain import LIFTKIT
from test_full_disk import TWO, disk, fill, fill_last_page  # noqa: F401


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
    from support.tmux import Tmux

    agenda, rescue = tmp_path / "two.toml", tmp_path / "elsewhere"
    agenda.write_text(TWO)
    rescue.mkdir()
    sessions = disk / "sessions"
    term = Tmux(width=200, cwd=str(tmp_path))
    try:
        term.run(["env", f"TMPDIR={rescue}", *LIFTKIT, "run", str(agenda), "--sessions",
                  str(sessions), *(["--plain"] if plain else [])])  # fmt: skip
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
