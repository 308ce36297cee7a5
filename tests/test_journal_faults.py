"""Journal faults: cut at any byte, half a change of segment, many writers, absurd numbers."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from liftkit.core.errors import LiftkitError
from liftkit.core.live.events import PollCounts, Reflection, SegmentStart, SessionEnd, Source
from liftkit.core.live.journal import read_journal
from liftkit.core.live.session import Clock, resume_session

SESSION = Path(__file__).parent / "data" / "sessions" / "2026-03-09-135958-hosted-community-event"
LATER = datetime(2026, 3, 9, 16, 30, tzinfo=UTC)


def resume(folder):
    return resume_session(
        folder,
        lambda rate, offset: Clock(rate, offset, mono=lambda: 0.0, wall=lambda: LATER),
        wall_now=lambda: LATER,
    )


@pytest.fixture
def copy(tmp_path):
    """A copy of the recorded session, on tmpfs when there is one (thousands of fsyncs)."""
    base = Path(tempfile.mkdtemp(dir="/dev/shm")) if os.path.isdir("/dev/shm") else tmp_path
    folder = base / SESSION.name
    shutil.copytree(SESSION, folder)
    yield folder
    shutil.rmtree(base, ignore_errors=True)


def confirmed(data: bytes) -> list[dict]:
    """The lines of a journal that were whole when it was cut: those with their newline,
    and a last one cut just before it (a whole event, the next in seq: kept)."""
    lines = [json.loads(line) for line in data[: data.rfind(b"\n") + 1].splitlines()]
    try:
        last = json.loads(data[data.rfind(b"\n") + 1 :])
    except ValueError:
        return lines
    return [*lines, last] if last["seq"] == len(lines) + 1 else lines


def test_every_prefix_of_a_real_journal_resumes_or_is_refused_in_one_line(copy, monkeypatch):
    import liftkit.core.live.session as session_module

    # The agenda copy is the same for every cut: read it once (it is most of a resume's time).
    agenda = session_module.load_agenda_copy(copy / "agenda.toml")
    monkeypatch.setattr(session_module, "load_agenda_copy", lambda path: agenda)
    journal = copy / "journal.jsonl"
    data = (SESSION / "journal.jsonl").read_bytes()
    outcomes = {"resumed": 0, "refused": 0}
    # What was confirmed, and what a journal reads as, are the same for the same bytes (the
    # cuts within one line keep the same whole lines, and most resume to the same journal):
    # each is worked out once
    whole_lines: dict[int, list[dict]] = {}
    journals: dict[bytes, list] = {}
    for cut in range(len(data) + 1):
        journal.write_bytes(data[:cut])
        end = data.rfind(b"\n", 0, cut) + 1
        key = end if data[cut : cut + 1] != b"\n" else -cut  # cut just before a newline
        if key not in whole_lines:
            whole_lines[key] = confirmed(data[:cut])
        before = whole_lines[key]
        try:
            resumed = resume(copy)
        except LiftkitError as error:
            assert "\n" not in error.message and "has ended" in error.message, cut
            assert journal.read_bytes() == data[:cut], cut  # a refusal writes nothing
            outcomes["refused"] += 1
            continue
        session = resumed.session
        session.tick()  # the clock and the due warnings work on the rebuilt state
        session.close()
        outcomes["resumed"] += 1
        after = journal.read_bytes()
        assert after.startswith(data[:end]), cut  # nothing confirmed (no whole line) is lost
        if after not in journals:
            journals[after] = read_journal(journal).events
        events = journals[after]
        texts = [e.text for e in events if isinstance(e, Reflection)]
        assert texts == [r["text"] for r in before if r["type"] == "reflection"], cut
        polls = [e.counts for e in events if isinstance(e, PollCounts)]
        assert polls == [r["counts"] for r in before if r["type"] == "poll"], cut
        assert session.engine.moving_to is None, cut  # a half-written change was finished
        seqs = [e.seq for e in events]
        assert seqs == list(range(1, len(seqs) + 1)), cut
    # The recorded session ends at line 27: only the cuts that keep it whole (its newline
    # or not) are refused.
    ended = data.index(b"\n", data.index(b'"type":"session_end"'))
    assert outcomes == {"resumed": ended, "refused": len(data) + 1 - ended}


def test_a_segment_end_without_its_start_is_finished_and_resumes_every_time(copy, cli):
    journal = copy / "journal.jsonl"
    journal.write_bytes(b"".join((SESSION / "journal.jsonl").read_bytes().splitlines(True)[:5]))
    first = resume(copy)
    first.session.close()
    events = read_journal(journal).events
    # Line 5 left segment 0 for the next one: the resume wrote that segment's start first,
    # then the warnings that fell due in the two hours since, then itself.
    types = [e.type for e in events[4:]]
    assert types[:2] == ["segment_end", "segment_start"] and types[-1] == "session_resume"
    assert set(types[2:-1]) == {"warning"}
    assert isinstance(events[5], SegmentStart) and events[5].segment == 1
    assert (events[5].mono, events[5].wall) == (events[4].mono, events[4].wall)  # when it was made
    again = resume(copy)
    again.session.close()
    assert len(read_journal(journal).events) == len(events) + 1  # one session_resume more


def test_the_last_segment_end_without_the_session_end_ends_the_session(copy):
    journal = copy / "journal.jsonl"
    journal.write_bytes(b"".join((SESSION / "journal.jsonl").read_bytes().splitlines(True)[:26]))
    resumed = resume(copy)
    resumed.session.close()
    assert isinstance(read_journal(journal).events[26], SessionEnd)
    with pytest.raises(LiftkitError, match="has ended"):
        resume(copy)


@pytest.mark.parametrize(
    "field, value",
    [("rehearse", "1e308"), ("rehearse", "-1"), ("rehearse", "0"), ("rehearse", '"fast"')],
)
def test_an_absurd_session_start_is_refused_in_one_line(copy, cli, field, value):
    journal = copy / "journal.jsonl"
    lines = (SESSION / "journal.jsonl").read_text().splitlines(True)
    start = json.loads(lines[0])
    start[field] = "PUT HERE"
    lines[0] = json.dumps(start).replace('"PUT HERE"', value) + "\n"
    journal.write_text("".join(lines[:10]))
    before = journal.read_bytes()
    result = cli("resume", str(copy), "--plain")
    assert result.exit_code == 2, result.output
    message = result.stderr.strip().splitlines()
    assert (
        message[0].startswith("Error: ") and f"session_start event skipped: {field}:" in message[0]
    )
    assert "internal error" not in result.output
    assert journal.read_bytes() == before
    exported = cli("export", str(copy), "-o", str(copy / "pack.md"))
    assert exported.exit_code == 0, exported.output  # what was captured can still be written


def test_absurd_numbers_elsewhere_are_skipped_with_a_warning(copy):
    journal = copy / "journal.jsonl"
    lines = (SESSION / "journal.jsonl").read_text().splitlines(True)[:10]
    lines += [
        '{"seq":11,"type":"extend","wall":"2026-03-09T14:30:00+00:00","mono":1800,"segment":2,"seconds":1e308}\n',
        '{"seq":12,"type":"pause","wall":"2026-03-09T14:30:00+00:00","mono":1e300,"segment":2}\n',
        '{"seq":13,"type":"poll","wall":"2026-03-09T14:30:00+00:00","mono":1800,"segment":0,"counts":{"Yes":1e400}}\n',
    ]  # fmt: skip
    journal.write_text("".join(lines))
    resumed = resume(copy)
    session = resumed.session
    session.close()
    skipped = [n for n in session.notices if "skipped" in n]
    kinds = [n.split(":")[2].strip() for n in skipped]
    assert kinds == ["extend event skipped", "pause event skipped", "poll event skipped"]
    assert session.engine.extra[2] == 0 and session.engine.status == "running"


NOTE_LOOP = """
import sys
from typer.testing import CliRunner
from liftkit.cli.app import app
runner = CliRunner()
for i in range(int(sys.argv[3])):
    result = runner.invoke(app, ["note", sys.argv[1], f"{sys.argv[2]} {i}", "--segment", "1"])
    assert result.exit_code == 0, result.output
"""


def test_seq_is_unique_and_in_file_order_with_two_note_loops_beside_a_session(copy):
    journal = copy / "journal.jsonl"
    journal.write_bytes(b"".join((SESSION / "journal.jsonl").read_bytes().splitlines(True)[:20]))
    session = resume(copy).session
    count = 25
    loops = [
        subprocess.Popen([sys.executable, "-c", NOTE_LOOP, str(copy), name, str(count)])
        for name in ("left", "right")
    ]
    own = 0
    while any(loop.poll() is None for loop in loops):
        session.tick()  # the session writes beside them, and takes their lines in
        session.reflect(f"host {own}", "live")
        own += 1
        time.sleep(0.02)  # a host types a reflection now and then, not thousands a second
    assert [loop.wait(timeout=60) for loop in loops] == [0, 0]
    session.tick()
    session.close()
    assert session.written_again == ""  # a journal that grows is not one cut short
    noted = [r.text for r in session.engine.reflections if r.source == "note"]
    assert len(noted) == 2 * count  # the running session saw every note
    lines = [json.loads(line) for line in journal.read_text().splitlines()]
    seqs = [line["seq"] for line in lines]
    assert seqs == list(range(1, len(lines) + 1))  # unique, and in the order of the file
    texts = [line["text"] for line in lines if line["type"] == "reflection"]
    for name in ("left", "right"):
        assert [t for t in texts if t.startswith(name)] == [f"{name} {i}" for i in range(count)]
    assert sum(t.startswith("host") for t in texts) == own


@pytest.mark.parametrize("cut", [0, 1000])
def test_a_resumed_journal_emptied_or_cut_in_place_is_written_again_whole(copy, cut):
    """The copy a resumed session keeps holds the journal as it was read (a torn last line
    left out): emptied or cut short in place, it is written again with every line."""
    journal = copy / "journal.jsonl"
    lines = (SESSION / "journal.jsonl").read_bytes().splitlines(True)[:20]
    journal.write_bytes(b"".join(lines) + b'{"seq":21,"type":"refl')  # a torn last line
    session = resume(copy).session
    session.reflect("Ada: before it was cut", "live")
    whole = journal.read_bytes()
    assert whole.startswith(b"".join(lines)) and not read_journal(journal).warnings
    os.truncate(journal, cut)
    session.reflect("Grace: after it was cut", "live")
    session.close()
    assert session.written_again.startswith("The journal was emptied or cut short")
    assert journal.read_bytes().startswith(whole)
    events = read_journal(journal).events
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert [e.text for e in events if isinstance(e, Reflection)][-2:] == [
        "before it was cut",
        "after it was cut",
    ]
    assert not (copy / "journal-replaced.jsonl").exists()


def test_a_note_opened_before_the_session_wrote_the_journal_again_is_in_the_new_one(
    copy, monkeypatch
):
    """`liftkit note` opens the journal, then waits for the append lock while the running
    session writes the journal again (it was emptied): the note goes into the journal written
    again, not into the file it replaced."""
    import liftkit.core.live.journal as journal_module

    journal = copy / "journal.jsonl"
    journal.write_bytes(b"".join((SESSION / "journal.jsonl").read_bytes().splitlines(True)[:20]))
    session = resume(copy).session
    lock = journal_module.append_lock
    waited = []

    def lock_after_the_session_wrote_it_again(path):
        if not waited:
            waited.append(path)
            os.truncate(path, 0)
            session.tick()  # the running session writes it again meanwhile
        return lock(path)

    monkeypatch.setattr(journal_module, "append_lock", lock_after_the_session_wrote_it_again)
    noted = Reflection(segment=1, text="said after the call", source=Source.NOTE, mono=0.0)
    journal_module.append_event(journal, replace(noted, wall=LATER))
    session.close()
    assert session.written_again.startswith("The journal was emptied or cut short")
    events = read_journal(journal).events
    assert [e.text for e in events if isinstance(e, Reflection)][-1] == "said after the call"
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
