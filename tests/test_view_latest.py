"""`liftkit view latest` opened before the session, as a host sets up the shared window
before the call: it stopped with 'no sessions in liftkit-sessions', or showed the last
call's SESSION COMPLETE and stayed on it when the new session started. It now waits for a
session, follows it as it starts, and the next one started after it (a rehearsal, then the
call)."""

import os
import shutil
import subprocess
import sys
import time

from support.tmux import Tmux

LIFTKIT = [sys.executable, "-m", "liftkit"]


def agenda(title: str, prompt: str) -> str:
    return f"""
title = "{title}"
[[segments]]
title = "Only"
duration = "10m"
kind = "welcome"
prompt = "{prompt}"
"""


def start_plain(tmp_path, name):
    """`liftkit run NAME.toml --plain` in the background, its input open."""
    process = subprocess.Popen(
        [*LIFTKIT, "run", f"{name}.toml", "--plain", "--sessions", "s"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=tmp_path,
    )  # fmt: skip
    return process


def finish(process, keys: str) -> str:
    out, err = process.communicate(keys, timeout=60)
    assert process.returncode == 0, err
    return out


def test_a_window_opened_before_the_call_follows_each_session_started(tmp_path):
    (tmp_path / "rehearsal.toml").write_text(agenda("Rehearsal", "Try the keys"))
    (tmp_path / "call.toml").write_text(agenda("The call", "Say hello in the chat"))
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "notes").mkdir()  # no session: a folder of the host's own
    view = Tmux(80, 24, cwd=str(tmp_path))
    try:
        view.run([*LIFTKIT, "view", "latest", "--sessions", "s"])
        screen = view.wait_for("WAITING FOR THE SESSION", timeout=20)
        assert "Waiting for a session in s: liftkit run starts one." in screen
        assert "segment ░" not in screen and "session ░" not in screen  # no empty bars
        rehearsal = start_plain(tmp_path, "rehearsal")
        screen = view.wait_for("Try the keys", timeout=10)
        assert "segment ░" in screen  # the session's bars, once there is one
        finish(rehearsal, "q\ny\n")  # the host quits the rehearsal: shown paused
        view.wait_for("PAUSED", timeout=10)
        (tmp_path / "s" / "zz-moved").mkdir()  # a folder named otherwise is no session
        shutil.copy(next((tmp_path / "s").glob("*-rehearsal/journal.jsonl")),
                    tmp_path / "s" / "zz-moved")  # fmt: skip
        time.sleep(0.1)
        call = start_plain(tmp_path, "call")
        screen = view.wait_for("Say hello in the chat", timeout=10)
        assert "The call" in screen and "Try the keys" not in screen
        finish(call, "n\ny\n")  # the last segment done: the session is complete
        view.wait_for("SESSION COMPLETE", timeout=10)
        view.keys("q")
        screen = view.wait_for("EXIT=0", timeout=10)
    finally:
        view.close()
    (folder,) = (tmp_path / "s").glob("*-call")
    assert f"The session has ended (0 reflections). Next: liftkit export s/{folder.name}" in (
        " ".join(screen.split())
    )


def test_an_ended_session_is_not_shared_and_ctrl_c_stops_the_wait(tmp_path):
    (tmp_path / "last.toml").write_text(agenda("Last week", "Old prompt"))
    finish(start_plain(tmp_path, "last"), "n\ny\n")
    view = Tmux(80, 24, cwd=str(tmp_path))
    try:
        view.run([*LIFTKIT, "view", "latest", "--sessions", "s"])
        screen = view.wait_for("WAITING FOR THE SESSION", timeout=20)
        assert "Old prompt" not in screen and "SESSION COMPLETE" not in screen
        view.keys("C-c")
        screen = view.wait_for("EXIT=130", timeout=10)
    finally:
        view.close()
    assert "Stopped waiting for a session in s." in screen


def test_a_log_of_the_audience_window_waits_then_follows(tmp_path):
    (tmp_path / "call.toml").write_text(agenda("The call", "Say hello in the chat"))
    (tmp_path / "s").mkdir()  # a folder that does not exist is refused (below)
    log = subprocess.Popen(
        [*LIFTKIT, "view", "latest", "--sessions", "s"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
    )  # fmt: skip
    try:
        first = log.stdout.readline()
        assert first.split("  ", 1)[1] == "waiting for a session in s; Ctrl-C stops\n"
        call = start_plain(tmp_path, "call")
        following = log.stdout.readline()
        (folder,) = (tmp_path / "s").glob("*-call")
        assert following.split("  ", 1)[1] == (
            f"following s/{folder.name} (The call); Ctrl-C stops\n"
        )
        # what the audience is asked, as a segment change prints it, before its time left
        block = [log.stdout.readline().split("  ", 1)[1] for _ in range(3)]
        assert block[:2] == ["> 1/1 Only (welcome, 10m)\n", "  Say hello in the chat\n"]
        assert block[2].startswith("1/1 Only: ")
        finish(call, "n\ny\n")
        out, err = log.communicate(timeout=30)
    finally:
        log.kill()
    assert log.returncode == 0, err
    assert "session complete" in out


def test_a_session_quit_days_ago_is_not_shared(tmp_path):
    # Last week's session, quit mid-breakout (resumable, never ended), was shown by a window
    # shared before the next call: its paused clock, its rooms and their names.
    import json
    from datetime import datetime, timedelta

    (tmp_path / "last.toml").write_text(agenda("Last week", "Old prompt"))
    finish(start_plain(tmp_path, "last"), "q\ny\n")
    (journal,) = (tmp_path / "s").glob("*-last/journal.jsonl")
    events = [json.loads(line) for line in journal.read_text().splitlines()]
    for event in events:  # as if written two days ago
        event["wall"] = (datetime.fromisoformat(event["wall"]) - timedelta(days=2)).isoformat()
    journal.write_text("".join(json.dumps(e) + "\n" for e in events))
    view = Tmux(80, 24, cwd=str(tmp_path))
    try:
        view.run([*LIFTKIT, "view", "latest", "--sessions", "s"])
        screen = view.wait_for("WAITING FOR THE SESSION", timeout=20)
        assert "Old prompt" not in screen and "PAUSED" not in screen
        view.keys("C-c")
        view.wait_for("EXIT=130", timeout=10)
    finally:
        view.close()


def test_a_log_of_the_window_skips_an_ended_session_too(tmp_path):
    # `liftkit view latest > log`, started before a call, followed last week's ended session
    # and exited at once ("session complete"), where the window on a terminal waited.
    (tmp_path / "last.toml").write_text(agenda("Last week", "Old prompt"))
    finish(start_plain(tmp_path, "last"), "n\ny\n")
    view = subprocess.Popen(
        [*LIFTKIT, "view", "latest", "--sessions", "s"], stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, cwd=tmp_path,
    )  # fmt: skip
    try:
        first = view.stdout.readline()
        time.sleep(1)
        assert view.poll() is None  # still waiting for the next session
    finally:
        view.kill()
        out, _ = view.communicate(timeout=10)
    assert "waiting for a session in s" in first
    assert "session complete" not in first + out and "Last week" not in first + out


def test_a_sessions_folder_that_does_not_exist_is_said_at_once(tmp_path):
    """`view latest --sessions nowhere` (mistyped) waited for ever, where export, note and
    resume say "no sessions in nowhere" at once."""
    (tmp_path / "s").mkdir()
    refused = {}
    for command in ("view", "export", "note"):
        words = ["hi"] if command == "note" else []
        refused[command] = subprocess.run(
            [*LIFTKIT, command, "latest", *words, "--sessions", "nowhere"],
            capture_output=True, text=True, cwd=tmp_path, timeout=30,
        )  # fmt: skip
        assert refused[command].returncode == 2, (command, refused[command].stderr)
    lines = refused["view"].stderr.splitlines()
    assert len(lines) == 1 and refused["view"].stdout == ""
    said = refused["export"].stderr.split(";")[0]
    assert said == f"Error: no sessions in nowhere (in {tmp_path})"
    assert lines[0].startswith(f"{said}: there is no such folder; check the folder given as "
                               "--sessions")  # fmt: skip
    assert lines[0].endswith("make it first (mkdir -p nowhere)")
    assert not (tmp_path / "nowhere").exists()
    # named by LIFTKIT_SESSIONS too; the default folder may wait for the first run to make it
    env = {**os.environ, "LIFTKIT_SESSIONS": "nowhere"}
    named = subprocess.run(
        [*LIFTKIT, "view", "latest"], capture_output=True, text=True, cwd=tmp_path, env=env,
        timeout=30,
    )  # fmt: skip
    assert (named.returncode, named.stderr) == (2, refused["view"].stderr)
    del env["LIFTKIT_SESSIONS"]
    with subprocess.Popen(
        [*LIFTKIT, "view", "latest"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, cwd=tmp_path, env=env,
    ) as waiting:  # fmt: skip
        try:
            first = waiting.stdout.readline()
        finally:
            waiting.kill()
    assert first.split("  ", 1)[1] == "waiting for a session in liftkit-sessions; Ctrl-C stops\n"
