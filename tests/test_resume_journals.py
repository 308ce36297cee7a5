"""`liftkit resume` (and the commands that read a journal) on journals left by crashes, notes
and hand edits, through the real command line."""

import json
import signal
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from support.plain import PATIENCE, Live, liftkit, quit_session


def _session(sessions: Path) -> Path:
    (folder,) = sessions.iterdir()
    return folder


@pytest.mark.parametrize("quit_first", [True, False])
def test_a_note_sent_in_before_a_start_session_began_keeps_it_resumable(tmp_path, quit_first):
    """`liftkit note` while `run --start` waited made the session impossible to resume:
    'the journal has no session_start event; a session cannot go on without it: fix that
    line', with no line named and nothing broken. Now it resumes, waiting for its start, and
    the reflection stays, in segment 1."""
    start = (datetime.now() + timedelta(hours=2)).strftime("%H:%M")
    sessions = tmp_path / "sessions"
    run = liftkit(
        "run", "community-conversation", "--plain", "--sessions", str(sessions),
        "--start", start, cwd=tmp_path, stdin="q\ny\n",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    folder = _session(sessions)
    if not quit_first:  # killed while it waited: an empty journal
        (folder / "journal.jsonl").write_text("")
    note = liftkit("note", str(folder), "Ada: a thought sent in before we started", cwd=tmp_path)
    assert note.returncode == 0, note.stderr
    resumed = liftkit("resume", str(folder), "--plain", cwd=tmp_path, stdin="q\ny\n")
    assert resumed.returncode == 0, resumed.stderr
    assert f"The session had not started: it starts at {start}, as planned." in resumed.stdout
    pack = liftkit("export", str(folder), "--format", "json", "-o", "-", cwd=tmp_path)
    first = json.loads(pack.stdout)["segments"][0]
    assert [r["text"] for r in first["reflections"]] == ["a thought sent in before we started"]


@pytest.mark.parametrize("stopped", ["quit", "crash"])
def test_a_session_with_attendees_stopped_before_its_start_resumes(tmp_path, stopped):
    """`run --attendees … --start` journals the rooms before the start: quit (q y) or
    killed before it, the session could not be resumed ('the journal has no session_start
    event; … fix that line', no line named), though it said `Start it with: liftkit resume`.
    Now it resumes, waiting for its start, with the rooms made as it opened."""
    start = (datetime.now() + timedelta(hours=2)).strftime("%H:%M")
    sessions = tmp_path / "sessions"
    (tmp_path / "people.txt").write_text("Ada\nGrace\nAlan\nKatherine\nMary\nEdsger\n")
    run = liftkit(
        "run", "community-conversation", "--plain", "--sessions", str(sessions), "--attendees",
        "people.txt", "--seed", "1", "--start", start, cwd=tmp_path, stdin="q\ny\n",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "Stopped before the session started. Start it with: liftkit resume" in run.stderr
    folder = _session(sessions)
    journal = folder / "journal.jsonl"
    types = [json.loads(line)["type"] for line in journal.read_text().splitlines()]
    assert types[0] == "groups" and "session_start" not in types
    if stopped == "crash":  # killed while it waited: no stop line
        kept = [line for line in journal.read_text().splitlines() if '"stop"' not in line]
        journal.write_text("".join(f"{line}\n" for line in kept))
    resumed = liftkit("resume", str(folder), "--plain", cwd=tmp_path, stdin="q\ny\n")
    assert resumed.returncode == 0, resumed.stderr
    assert f"The session had not started: it starts at {start}, as planned." in resumed.stdout


def test_a_session_that_crashed_between_its_rooms_and_its_start_resumes(tmp_path):
    """A crash between the rooms' line and session_start (both written as `run --attendees`
    opens): resume refused the session. Now it starts, with those rooms."""
    sessions = tmp_path / "sessions"
    (tmp_path / "people.txt").write_text("Ada\nGrace\nAlan\nKatherine\nMary\nEdsger\n")
    run = liftkit(
        "run", "community-conversation", "--plain", "--sessions", str(sessions), "--attendees",
        "people.txt", "--seed", "1", cwd=tmp_path, stdin="q\ny\n",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    folder = _session(sessions)
    journal = folder / "journal.jsonl"
    lines = journal.read_text().splitlines()
    rooms = [line for line in lines if json.loads(line)["type"] == "groups"]
    assert rooms and lines[: len(rooms)] == rooms
    journal.write_text("".join(f"{line}\n" for line in rooms))
    resumed = liftkit("resume", str(folder), "--plain", cwd=tmp_path, stdin="q\ny\n")
    assert resumed.returncode == 0, resumed.stderr
    types = [json.loads(line)["type"] for line in journal.read_text().splitlines()]
    assert types[: len(rooms) + 1] == [*["groups"] * len(rooms), "session_start"]
    assert "session started" in resumed.stdout


def test_a_journal_without_its_start_names_what_to_put_back(tmp_path):
    """A journal whose session_start line was deleted (captures after it): the refusal
    said 'fix that line', naming none. Now it says which line is missing."""
    journal = quit_session(tmp_path) / "journal.jsonl"
    lines = journal.read_text().splitlines()
    journal.write_text("".join(f"{line}\n" for line in lines if "session_start" not in line))
    resumed = liftkit("resume", str(journal.parent), "--plain", cwd=tmp_path, stdin="q\ny\n")
    assert resumed.returncode == 2
    said = " ".join(resumed.stderr.split())
    assert "the journal has no session_start event" in said
    assert "fix that line" not in said
    assert "without it: put its line back, before the first segment_start (docs/" in said


@pytest.mark.parametrize("then", ["note", "resume", "export"])
def test_a_journal_saved_without_its_final_newline_keeps_its_last_event(tmp_path, then):
    """An editor saved a hand fix without the final newline: the last event, whole and the
    next in seq, was cut off by the next write (`liftkit note`, a resume) as a torn line,
    and dropped by readers with a warning. Now it is kept, its newline added."""
    folder = quit_session(tmp_path)
    journal = folder / "journal.jsonl"
    before = journal.read_text().splitlines()
    assert json.loads(before[-1])["type"] == "stop"
    journal.write_text("\n".join(before))  # no newline after the stop
    if then == "note":
        done = liftkit("note", str(folder), "Grace: after the editor", cwd=tmp_path)
    elif then == "resume":
        done = liftkit("resume", str(folder), "--plain", cwd=tmp_path, stdin="q\ny\n")
    else:
        done = liftkit("export", str(folder), "--format", "json", "-o", "-", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "cut off" not in done.stderr + done.stdout
    after = journal.read_text().splitlines()
    assert after[: len(before)] == before
    seqs = [json.loads(line)["seq"] for line in after]
    assert seqs == list(range(1, len(after) + 1))
    if then == "export":
        reflections = json.loads(done.stdout)["segments"][0]["reflections"]
        assert [r["text"] for r in reflections] == ["hello"]
    if then != "export":
        assert len(after) > len(before) and journal.read_bytes().endswith(b"\n")


BOM = b"\xef\xbb\xbf"


def test_a_byte_order_mark_at_the_start_of_the_journal_is_ignored(tmp_path):
    """A hand edit that saved the journal with a BOM: resume said session_start was missing
    though line 1 was one, and export skipped that line ('unreadable journal line skipped'),
    losing the rehearsal factor. Now the mark is ignored; one later in the file is named."""
    sessions = tmp_path / "sessions"
    run = liftkit(
        "run", "community-conversation", "--plain", "--rehearse", "4", "--sessions",
        str(sessions), cwd=tmp_path, stdin="r Ada: hello\nq\ny\n",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    folder = _session(sessions)
    journal = folder / "journal.jsonl"
    journal.write_bytes(BOM + journal.read_bytes())
    pack = liftkit("export", str(folder), "--format", "json", "-o", "-", cwd=tmp_path)
    assert pack.returncode == 0 and "skipped" not in pack.stderr, pack.stderr
    assert json.loads(pack.stdout)["rehearse"] == 4.0
    resumed = liftkit("resume", str(folder), "--plain", cwd=tmp_path, stdin="q\ny\n")
    assert resumed.returncode == 0, resumed.stderr
    assert "Warning" not in resumed.stderr and "Resumed" in resumed.stdout
    lines = journal.read_bytes().splitlines()
    journal.write_bytes(b"\n".join([*lines[:-1], BOM + lines[-1], b""]))
    pack = liftkit("export", str(folder), "--format", "json", "-o", "-", cwd=tmp_path)
    assert f"journal.jsonl:{len(lines)}: journal line skipped: it holds a byte order mark" in (
        pack.stderr
    )


def test_a_sigterm_as_resume_writes_its_first_line_still_records_the_stop(tmp_path):
    """SIGTERM in the first moments of `liftkit resume` (its session_resume written, its
    signal handlers not yet installed) killed it: exit 143, nothing printed, no stop line.
    Now the signal waits for the handlers, and the stop is recorded."""
    sessions = tmp_path / "sessions"
    run = liftkit(
        "run", "community-conversation", "--plain", "--sessions", str(sessions),
        cwd=tmp_path, stdin="r Ada: before the stop\nq\ny\n",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    journal = _session(sessions) / "journal.jsonl"
    live = Live(["resume", str(journal.parent), "--plain"], cwd=tmp_path)
    sigterm_once_written(live, journal.parent.parent, b"session_resume")
    assert live.returncode == 130, live.err
    last = json.loads(journal.read_text().splitlines()[-1])
    assert (last["type"], last["reason"]) == ("stop", "sigterm")


def sigterm_once_written(live: Live, sessions: Path, written: bytes) -> None:
    """SIGTERM to `live` as soon as the journal under `sessions` holds `written`, in the
    moments before its signal handlers are installed; then wait for it to end."""
    try:
        deadline = time.monotonic() + PATIENCE
        while not (found := list(sessions.glob("*/journal.jsonl"))) or (
            written not in found[0].read_bytes()
        ):
            assert live.process.poll() is None and time.monotonic() < deadline, live.err
            time.sleep(0.001)
        live.process.send_signal(signal.SIGTERM)
        live.process.wait(PATIENCE)
    finally:
        live.kill()


def test_a_note_never_reads_half_a_line_that_another_writer_is_writing(tmp_path):
    """Four `liftkit note` loops at once: one note warned 'journal.jsonl: the last line was
    cut off (a crash while writing?); dropped 127 bytes that were never confirmed', though
    nothing was: it read the journal without the append lock, while another writer was half
    way through a line. Now it reads under the lock, and waits for the line to be whole."""
    import fcntl
    import os
    import subprocess

    from support.plain import LIFTKIT

    sessions = tmp_path / "sessions"
    run = liftkit(
        "run", "community-conversation", "--plain", "--sessions", str(sessions),
        cwd=tmp_path, stdin="q\ny\n",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    folder = _session(sessions)
    journal = folder / "journal.jsonl"
    line = json.dumps({"seq": 99, "type": "reflection", "wall": "2026-01-01T10:00:00.000+00:00",
                       "mono": 0.0, "segment": 0, "text": "written by another", "author": None,
                       "tags": [], "source": "note"}).encode()  # fmt: skip
    lock = os.open(folder, os.O_RDONLY)  # as a writer holds it while it appends
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with open(journal, "ab", buffering=0) as handle:
            handle.write(line[:40])  # half way through its line
            note = subprocess.Popen(
                [*LIFTKIT, "note", str(folder), "Ada: sent in meanwhile"], cwd=tmp_path,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )  # fmt: skip
            time.sleep(1.5)  # time to read the journal, had it not waited
            handle.write(line[40:] + b"\n")
    finally:
        os.close(lock)
    _, err = note.communicate(timeout=PATIENCE)
    assert note.returncode == 0 and "cut off" not in err, err
    texts = [json.loads(x).get("text") for x in journal.read_text().splitlines()]
    assert texts[-2:] == ["written by another", "sent in meanwhile"]


def test_a_sigterm_as_run_writes_its_rooms_still_records_the_stop_and_resumes(tmp_path):
    """`liftkit run --attendees` writes the rooms into the journal before the session's
    signal handlers are installed: a SIGTERM then killed it (exit 143, no stop line), and
    the journal left, rooms and nothing else, was refused by `liftkit resume`. Now the signal
    waits for the handlers: the stop is recorded and the session resumes."""
    from support.live import attendees_csv

    attendees_csv(tmp_path / "people.csv", 40)
    sessions = tmp_path / "sessions"
    live = Live(
        ["run", "community-conversation", "--plain", "--sessions", str(sessions),
         "--attendees", "people.csv"],
        cwd=tmp_path,
    )  # fmt: skip
    sigterm_once_written(live, sessions, b'"type":"groups"')
    assert live.returncode == 130, live.err
    (journal,) = sessions.glob("*/journal.jsonl")
    last = json.loads(journal.read_text().splitlines()[-1])
    assert (last["type"], last["reason"]) == ("stop", "sigterm")
    resumed = liftkit("resume", str(journal.parent), "--plain", cwd=tmp_path, stdin="q\ny\n")
    assert resumed.returncode == 0, resumed.stderr
    assert "Resumed." in resumed.stdout
