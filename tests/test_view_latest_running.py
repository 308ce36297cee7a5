"""`liftkit view latest` with two sessions in the folder: it follows the one whose host's
liftkit runs. It followed the newest folder whatever its state: after a crash, a new run quit
and the first resumed, it stayed on the second, paused, for ever; a second run started while
the call's went on took the audience's window from it; and a window opened once a newer
session had ended waited for a session while an older one ran."""

import subprocess
import sys
import time

from liftkit.core.live.latest import running_instead

LIFTKIT = [sys.executable, "-m", "liftkit"]


def agenda(title: str) -> str:
    return f"""
title = "{title}"
[[segments]]
title = "Only"
duration = "10m"
kind = "welcome"
"""


def run_plain(tmp_path, *args):
    """`liftkit run|resume ... --plain` in the background, its input open."""
    process = subprocess.Popen(
        [*LIFTKIT, *args, "--plain", "--sessions", "s"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=tmp_path,
    )  # fmt: skip
    return process


def start(tmp_path, name):
    (tmp_path / f"{name}.toml").write_text(agenda(name.title()))
    process = run_plain(tmp_path, "run", f"{name}.toml")
    wait_for_file(tmp_path, f"*-{name}/journal.jsonl", "session_start")
    time.sleep(1.1)  # the next session's folder is named a second later
    return process


def wait_for_file(tmp_path, pattern, text, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in (tmp_path / "s").glob(pattern):
            if text in path.read_text():
                return
        time.sleep(0.1)
    raise AssertionError(f"{text!r} not in {pattern}")


def finish(process, keys: str) -> tuple[str, str]:
    out, err = process.communicate(keys, timeout=60)
    assert process.returncode == 0, err
    return out, err


class Log:
    """`liftkit view latest > log`, read as it grows."""

    def __init__(self, tmp_path):
        self.path = tmp_path / "view.log"
        self.file = open(self.path, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [*LIFTKIT, "view", "latest", "--sessions", "s"], stdout=self.file,
            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=tmp_path,
        )  # fmt: skip

    def followed(self) -> list[str]:
        """The sessions the log said it follows, in turn (their agendas' titles)."""
        lines = self.path.read_text().splitlines()
        return [line.rsplit("(", 1)[1].split(")")[0] for line in lines if "  following " in line]

    def wait_following(self, titles, timeout=20.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.followed() != titles:
            time.sleep(0.1)
        assert self.followed() == titles, self.path.read_text()

    def stop(self):
        self.process.kill()
        self.process.wait(timeout=10)
        self.file.close()


def folder(tmp_path, name):
    (found,) = (tmp_path / "s").glob(f"*-{name}")
    return found


def test_after_a_crash_a_new_run_and_the_first_resumed_the_view_goes_back_to_it(tmp_path):
    first = start(tmp_path, "first")
    log = Log(tmp_path)
    try:
        log.wait_following(["First"])
        first.kill()  # kill -9: the call goes on
        first.communicate(timeout=10)
        second = start(tmp_path, "second")  # up-arrow and Enter, as a host does
        log.wait_following(["First", "Second"])
        _, said = finish(second, "q\ny\n")
        assert "did not end" in said
        again = run_plain(tmp_path, "resume", str(folder(tmp_path, "first")))
        log.wait_following(["First", "Second", "First"])
        finish(again, "n\ny\n")
    finally:
        log.stop()


def test_a_second_run_does_not_take_the_window_from_the_call_s(tmp_path):
    done = start(tmp_path, "done")
    finish(done, "n\ny\n")
    call = start(tmp_path, "call")
    ended = start(tmp_path, "ended")  # a newer session, ended: the call's is shown
    finish(ended, "n\ny\n")
    log = Log(tmp_path)
    try:
        log.wait_following(["Call"])
        trial = start(tmp_path, "trial")  # a second run while the call goes on
        time.sleep(2.5)
        assert log.followed() == ["Call"]
        finish(call, "q\ny\n")  # the call's host quits: the one that runs is shown
        log.wait_following(["Call", "Trial"])
        out, said = finish(trial, "n\ny\n")
    finally:
        log.stop()
    assert f"the session s/{folder(tmp_path, 'call').name} is running too" in " ".join(
        (out + said).split()
    )


def test_the_newest_running_session_is_followed_instead_of_one_that_is_not(tmp_path):
    a, b, c = (tmp_path / name for name in ("2026-01-01-a", "2026-01-02-b", "2026-01-03-c"))
    assert running_instead([b], a, ended=False) == b  # a quit or crashed
    assert running_instead([b, a], a, ended=False) is None  # a runs: it stays
    assert running_instead([c, b, a], a, ended=True) == c
    assert running_instead([c, b], None, ended=True) == c
    assert running_instead([], a, ended=False) is None


def test_note_and_export_latest_take_the_running_session_as_view_does(tmp_path):
    # A host's run crashed; a new run (up-arrow) was quit, and the first resumed: `note
    # latest` sent in from another shell went to the quit session, not the call's, and
    # `export latest` wrote that one's pack.
    call = start(tmp_path, "call")
    call.kill()
    call.communicate(timeout=10)
    quit_ = start(tmp_path, "quit")
    finish(quit_, "q\ny\n")
    again = run_plain(tmp_path, "resume", str(folder(tmp_path, "call")))
    try:
        wait_for_file(tmp_path, "*-call/journal.jsonl", "session_resume")
        note = subprocess.run(
            [*LIFTKIT, "note", "latest", "Ada: sent in during the call", "--sessions", "s"],
            capture_output=True, text=True, cwd=tmp_path, timeout=60,
        )  # fmt: skip
        assert note.returncode == 0, note.stderr
        assert folder(tmp_path, "call").name in note.stdout + note.stderr
        pack = subprocess.run(
            [*LIFTKIT, "export", "latest", "--sessions", "s"],
            capture_output=True, text=True, cwd=tmp_path, timeout=60,
        )  # fmt: skip
        assert pack.returncode == 0, pack.stderr
        assert pack.stdout.startswith("# Call") and "sent in during the call" in pack.stdout
    finally:
        finish(again, "n\ny\n")
    # once nothing runs, latest is the newest again
    note = subprocess.run(
        [*LIFTKIT, "note", "latest", "Ada: after the call", "--sessions", "s"],
        capture_output=True, text=True, cwd=tmp_path, timeout=60,
    )  # fmt: skip
    assert folder(tmp_path, "quit").name in note.stdout + note.stderr
    journal = (folder(tmp_path, "call") / "journal.jsonl").read_text()
    assert "sent in during the call" in journal and "after the call" not in journal
