"""`liftkit resume` (and the commands that read a journal) on journals left by crashes, notes
and hand edits, through the real command line."""

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from support.plain import liftkit


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
