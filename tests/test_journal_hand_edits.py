"""Journals edited by hand (a fix saved without its newline, a line pasted twice, a re-save
by a Windows editor) read and written through the real command line: no confirmed
reflection is ever lost, and each warning says what is wrong and what to do."""

import json
import os
import re
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from support.plain import LIFTKIT, liftkit, quit_session


def quotes(folder: Path, cwd: Path) -> tuple[list[str], str]:
    """The reflections quoted in the session's Markdown pack, and what export said."""
    pack = liftkit("export", str(folder), "-o", "-", cwd=cwd)
    assert pack.returncode == 0, pack.stderr
    said = [line[3:].split("”")[0] for line in pack.stdout.splitlines() if line.startswith("- “")]
    return said, " ".join(pack.stderr.split())


@pytest.mark.parametrize("then", ["note", "resume"])
def test_a_hand_fixed_last_line_cut_off_by_the_next_writer_is_kept_aside(tmp_path, then):
    """A note's line edited by hand into one that is not JSON (`"author":nul`) and saved
    without its newline was read as a crash's torn line: the next `liftkit note` or resume
    cut its bytes off the journal for good, the reflection gone with no copy. Now they are
    appended to journal-torn.txt first, and the warnings name that file."""
    folder = quit_session(tmp_path)
    journal = folder / "journal.jsonl"
    closing = "Important closing reflection from Sam about funding"
    assert liftkit("note", str(folder), closing, cwd=tmp_path).returncode == 0
    assert quotes(folder, tmp_path)[0] == ["hello", closing]
    *kept, last = journal.read_bytes().splitlines()
    broken = last.replace(b'"author":null', b'"author":nul')
    assert broken != last
    journal.write_bytes(b"".join(line + b"\n" for line in kept) + broken)
    said, warned = quotes(folder, tmp_path)
    assert said == ["hello"]
    if then == "note":
        done = liftkit("note", str(folder), "another note", cwd=tmp_path)
    else:
        done = liftkit("resume", str(folder), "--plain", cwd=tmp_path, stdin="q\ny\n")
    assert done.returncode == 0, done.stderr
    assert broken not in journal.read_bytes()
    assert (folder / "journal-torn.txt").read_bytes() == broken + b"\n"
    assert f"moves them to {folder / 'journal-torn.txt'}" in warned
    # the line kept aside keeps its seq: fixed and put back, it repeats no line written since
    seqs = [json.loads(line)["seq"] for line in journal.read_text().splitlines()]
    assert json.loads(last)["seq"] not in seqs and seqs == sorted(set(seqs))
    said, warned = quotes(folder, tmp_path)
    assert said == (["hello", "another note"] if then == "note" else ["hello"])
    # the host fixes the line kept aside and puts it back: the reflection is in the pack
    seq = max(json.loads(line)["seq"] for line in journal.read_text().splitlines())
    fixed = json.loads(broken.replace(b'"author":nul', b'"author":null'))
    fixed["seq"] = seq + 1
    with journal.open("a") as file:
        file.write(json.dumps(fixed) + "\n")
    (folder / "journal-torn.txt").unlink()
    said, warned = quotes(folder, tmp_path)
    assert closing in said and "journal" not in warned


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_a_journal_saved_by_a_windows_editor_is_refused_until_saved_as_utf8(tmp_path, encoding):
    """A journal re-saved as "ANSI" (cp1252) lost its reflection with a non-ASCII name
    ('unreadable journal line skipped'); as "Unicode" (UTF-16) export said 'the journal
    holds no events' and `liftkit note` cut a byte and wrote a UTF-8 line into it, exit 0.
    Now each command says what the file is and how to save it again, exit 2, and writes
    nothing; saved again as UTF-8, every reflection is in the pack."""
    folder = quit_session(tmp_path)
    journal = folder / "journal.jsonl"
    note = liftkit("note", str(folder), "Zoë Ünicode: tea is good", cwd=tmp_path)
    assert note.returncode == 0, note.stderr
    journal.write_bytes(journal.read_text(encoding="utf-8").encode(encoding))
    saved = journal.read_bytes()
    what = "UTF-16 text" if encoding == "utf-16" else "not UTF-8 text from line"
    for command in (
        ["export", str(folder), "-o", "-"],
        ["note", str(folder), "after the editor"],
        ["resume", str(folder), "--plain"],
        ["view", str(folder)],
    ):
        done = liftkit(*command, cwd=tmp_path, stdin="q\ny\n")
        assert done.returncode == 2, (command, done.stdout, done.stderr)
        (said,) = done.stderr.splitlines()
        assert said.startswith(f"Error: {journal}: the journal is {what}"), said
        assert "save it again with the encoding UTF-8" in said
        assert journal.read_bytes() == saved, command
    journal.write_bytes(saved.decode(encoding).encode("utf-8"))  # saved again as UTF-8
    assert quotes(folder, tmp_path)[0] == ["hello", "tea is good"]


def test_a_line_that_is_not_json_is_named_with_what_is_wrong_and_how_to_fix_it(tmp_path):
    """A hand-typed `"` in a reflection made its line no JSON: 'journal.jsonl:14:
    unreadable journal line skipped', no reason, nor that a reflection was missing from the
    pack. Now the warning says where the JSON breaks, what is left out and how to fix it; a
    broken session_start line likewise, and resume refuses naming it."""
    folder = quit_session(tmp_path)
    journal = folder / "journal.jsonl"
    assert liftkit("note", str(folder), 'Ada: she said "wow" loudly', cwd=tmp_path).returncode == 0
    lines = journal.read_text().splitlines()
    assert '\\"wow\\"' in lines[-1]
    lines[-1] = lines[-1].replace('\\"wow\\"', '"wow"')  # typed by hand, unescaped
    journal.write_text("".join(f"{line}\n" for line in lines))
    said, warned = quotes(folder, tmp_path)
    assert said == ["hello"]
    column = lines[-1].index('said "wow"') + len('said "') + 1  # JSON wants , after "said "
    assert (
        f"Warning: {journal}:{len(lines)}: journal line skipped: not valid JSON at column "
        f"{column}: expecting ',' delimiter; a reflection is left out of the pack and the "
        'session until the line is fixed in a text editor (a " inside a text is written \\")'
    ) in warned
    lines[-1] = lines[-1].replace('"wow"', '\\"wow\\"')  # fixed as the warning says
    lines[0] = lines[0].replace('"title":"', '"title":', 1)  # the session's start broken
    journal.write_text("".join(f"{line}\n" for line in lines))
    said, warned = quotes(folder, tmp_path)
    assert said == ["hello", 'she said "wow" loudly']
    assert f"{journal}:1: journal line skipped: not valid JSON at column " in warned
    assert "the session_start event is left out of the pack and the session" in warned
    resumed = liftkit("resume", str(folder), "--plain", cwd=tmp_path, stdin="q\ny\n")
    assert resumed.returncode == 2
    refusal = " ".join(resumed.stderr.split())
    assert f"Error: {journal}:1: journal line skipped: not valid JSON at column" in refusal
    assert "the session_start event is left out" in refusal and "fix that line" in refusal


def test_a_line_copied_twice_is_quoted_once_and_a_broken_lines_seq_is_never_reused(tmp_path):
    """A journal line pasted twice by hand was quoted twice in the pack, without a word;
    and `liftkit note` after a broken line numbered its own line with that line's seq, so
    that the fixed line repeated it. Now the copy is skipped with a warning naming both
    lines, and a writer numbers after every seq the journal shows, readable or not."""
    folder = quit_session(tmp_path)
    journal = folder / "journal.jsonl"
    assert liftkit("note", str(folder), "Sam: funding matters", cwd=tmp_path).returncode == 0
    lines = journal.read_text().splitlines()
    journal.write_text("".join(f"{line}\n" for line in [*lines, lines[-1]]))  # pasted twice
    said, warned = quotes(folder, tmp_path)
    assert said == ["hello", "funding matters"]
    assert (
        f"{journal}:{len(lines) + 1}: journal line skipped: its seq {len(lines)} is that of "
        f"{journal}:{len(lines)} already (a line copied by hand?)"
    ) in warned
    broken = lines[-1].replace('"author":"Sam"', '"author":Sam"')  # a hand fix gone wrong
    journal.write_text("".join(f"{line}\n" for line in [*lines[:-1], broken]))
    assert liftkit("note", str(folder), "Ada: after it", cwd=tmp_path).returncode == 0
    fixed = journal.read_text().replace('"author":Sam"', '"author":"Sam"')
    journal.write_text(fixed)
    seqs = [json.loads(line)["seq"] for line in fixed.splitlines()]
    assert sorted(set(seqs)) == sorted(seqs), seqs
    said, warned = quotes(folder, tmp_path)
    assert said == ["hello", "funding matters", "after it"] and "journal" not in warned


def test_resume_counts_the_time_away_from_the_hosts_last_line_and_says_so(tmp_path):
    """A session stopped three hours ago, a `liftkit note` sent in a moment ago: resume
    said '3h 0m 2s since the last recorded event', though the note was recorded last. It
    counts from the last line the host's liftkit wrote (a note says nothing of when liftkit
    stopped), and now says so."""
    folder = quit_session(tmp_path)
    journal = folder / "journal.jsonl"
    records = [json.loads(line) for line in journal.read_text().splitlines()]
    for record in records:  # the session ran three hours ago
        wall = datetime.fromisoformat(record["wall"]) - timedelta(hours=3)
        record["wall"] = wall.isoformat(timespec="milliseconds")
    journal.write_text("".join(json.dumps(record) + "\n" for record in records))
    assert liftkit("note", str(folder), "Grace: sent in just now", cwd=tmp_path).returncode == 0
    resumed = liftkit("resume", str(folder), "--plain", cwd=tmp_path, stdin="q\ny\n")
    assert resumed.returncode == 0, resumed.stderr
    said = " ".join(resumed.stdout.split())
    away = re.search(r"\(([0-9hms ]+) since the host's liftkit last wrote to the journal\)", said)
    assert away, said
    parts = {unit: int(n) for n, unit in re.findall(r"([0-9]+)([hms])", away.group(1))}
    seconds = parts.get("h", 0) * 3600 + parts.get("m", 0) * 60 + parts.get("s", 0)
    assert 3 * 3600 <= seconds < 3 * 3600 + 60, said


def test_a_note_sent_from_another_time_zone_is_stamped_in_the_sessions(tmp_path):
    """`liftkit note` from a computer set to Delhi's time stamped its line +05:30, though
    docs/journal.md says every `wall` is in the session's zone. Now it is."""
    folder = quit_session(tmp_path)
    journal = folder / "journal.jsonl"
    start = datetime.fromisoformat(json.loads(journal.read_text().splitlines()[0])["wall"])
    assert start.utcoffset() != timedelta(hours=5, minutes=30)
    delhi = {**os.environ, "TZ": "IST-5:30"}  # POSIX rules: no zone database needed
    note = subprocess.run(
        [*LIFTKIT, "note", str(folder), "Ravi: from Delhi"],
        capture_output=True, text=True, cwd=tmp_path, env=delhi, timeout=60,
    )  # fmt: skip
    assert note.returncode == 0, note.stderr
    last = json.loads(journal.read_text().splitlines()[-1])
    assert last["text"] == "from Delhi"
    wall = datetime.fromisoformat(last["wall"])
    assert wall.utcoffset() == start.utcoffset(), last["wall"]
    assert abs((wall - datetime.now(UTC)).total_seconds()) < 60
    said, _ = quotes(folder, tmp_path)
    assert said == ["hello", "from Delhi"]
