"""Full and read-only disks (issue 12): one error line that says so and what was kept; no
half-written file, no temporary file, no half-made session folder.

The disks are real: a 64 KB tmpfs, filled to the last byte, and the same remounted
read-only. Mounting needs root (or a user namespace); where it is not allowed, these tests
skip. A permission error (EACCES) cannot be made for root, so it is injected.
"""

import errno
import json
import os
import shlex
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from support.plain import LIFTKIT, Live, liftkit, wait_until

from liftkit.core.agenda.templates import template_path
from liftkit.core.errors import LiftkitError
from liftkit.core.files import write_atomic
from liftkit.core.text import command_line

SESSION = Path(__file__).parent / "data" / "sessions" / "2026-03-09-135958-hosted-community-event"
PEOPLE = "Ada Lovelace\nGrace Hopper\nAlan Turing\nKatherine Johnson\nMary Jackson\n"


def _mount(folder: Path, options: str) -> bool:
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True,
        timeout=10,
    )
    return result.returncode == 0


@pytest.fixture
def disk(tmp_path):
    """A 64 KB tmpfs at tmp_path/disk (skips where mounting is not permitted)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if shutil.which("mount") is None or not _mount(folder, "size=64k"):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=10)


def fill(folder: Path) -> None:
    """Write until the disk refuses another byte."""
    with open(folder / "filler", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"x" * 512)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
        try:
            while True:
                handle.write(b"x")
        except OSError:
            pass


def read_only(folder: Path) -> None:
    assert subprocess.run(["mount", "-o", "remount,ro", str(folder)], timeout=10).returncode == 0


def files_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def one_error_line(result) -> str:
    lines = result.stderr.splitlines()
    errors = [line for line in lines if line.startswith("Error: ")]
    assert len(errors) == 1, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    return errors[0]


@pytest.fixture
def people(tmp_path):
    path = tmp_path / "people.txt"
    path.write_text(PEOPLE)
    return path


def test_export_to_a_full_disk_says_so_and_leaves_nothing(disk, tmp_path):
    fill(disk)
    before = files_in(disk)
    result = liftkit("export", str(SESSION), "-o", str(disk / "pack.md"), cwd=tmp_path)
    assert result.returncode == 1
    line = one_error_line(result)
    assert line.startswith(f"Error: {disk / 'pack.md'}: cannot write: the disk is full;")
    assert "nothing was written" in line
    assert files_in(disk) == before  # no pack, no temporary file


def test_export_over_a_file_on_a_full_disk_keeps_the_old_file(disk, tmp_path):
    old = disk / "pack.md"
    old.write_text("last week's pack\n")
    fill(disk)
    result = liftkit("export", str(SESSION), "-o", str(old), "--force", cwd=tmp_path)
    assert result.returncode == 1
    assert "the file already there is unchanged" in one_error_line(result)
    assert old.read_text() == "last week's pack\n"
    assert files_in(disk) == ["filler", "pack.md"]


def test_groups_to_a_full_disk_says_so_and_leaves_nothing(disk, people, tmp_path):
    fill(disk)
    result = liftkit("groups", str(people), "--seed", "1", "-o", str(disk / "g.csv"), cwd=tmp_path)
    assert result.returncode == 1
    assert ": cannot write: the disk is full; nothing was written" in one_error_line(result)
    assert files_in(disk) == ["filler"]


def test_run_on_a_full_disk_makes_no_session_folder(disk, tmp_path):
    fill(disk)
    sessions = disk / "sessions"
    result = liftkit(
        "run", "community-conversation", "--plain", "--sessions", str(sessions),
        cwd=tmp_path, stdin="q\ny\n",
    )  # fmt: skip
    assert result.returncode == 1
    line = one_error_line(result)
    assert "the disk is full; no session was started and nothing was kept" in line
    assert list(sessions.iterdir()) == []  # no folder with an empty agenda.toml


def test_run_with_room_for_the_copies_but_not_the_journal_stays_resumable(disk, tmp_path):
    """The disk fills between making the folder and starting: the error is said once (no
    retry loop), and the folder holds a whole agenda copy that `resume` can start later."""
    sessions = disk / "sessions"
    sessions.mkdir()
    fill(disk)
    os.truncate(disk / "filler", os.path.getsize(disk / "filler") - 4096)  # one page: the copy
    result = liftkit(
        "run", "community-conversation", "--plain", "--sessions", str(sessions),
        cwd=tmp_path, stdin="q\ny\n",
    )  # fmt: skip
    assert result.returncode == 1
    assert one_error_line(result) == (
        "Error: cannot write to the journal: the disk is full; free some space, then "
        "`liftkit resume` the session"
    )
    assert result.stdout.count("NOT SAVED") == 0
    (folder,) = sessions.iterdir()
    template = template_path("community-conversation")
    assert (folder / "agenda.toml").read_bytes() == template.read_bytes()
    assert (folder / "journal.jsonl").read_bytes() == b""


def test_a_read_only_disk_is_named_as_such(disk, people, tmp_path):
    (disk / "sessions").mkdir()
    read_only(disk)
    export = liftkit("export", str(SESSION), "-o", str(disk / "pack.md"), cwd=tmp_path)
    assert export.returncode == 1
    assert ": cannot write: the disk is read-only; nothing was written" in one_error_line(export)
    groups = liftkit("groups", str(people), "-o", str(disk / "g.md"), cwd=tmp_path)
    assert "the disk is read-only" in one_error_line(groups)
    run = liftkit(
        "run", "community-conversation", "--plain", "--sessions", str(disk / "sessions"),
        cwd=tmp_path, stdin="q\ny\n",
    )  # fmt: skip
    assert run.returncode == 1  # in the words of the other two, not "Read-only file system"
    assert ": cannot create a session folder: the disk is read-only; choose another place" in (
        one_error_line(run)
    )
    assert files_in(disk) == ["sessions"]


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EDQUOT, "your disk quota is used up"),
        (errno.EROFS, "the disk is read-only"),
        (errno.EACCES, "permission denied"),
    ],
)
def test_each_write_failure_is_said_in_a_hosts_words_and_the_temporary_file_goes(
    tmp_path, monkeypatch, code, words
):
    def refuse(source, target):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(LiftkitError) as caught:
        write_atomic(tmp_path / "out.md", "text")
    where = tmp_path / "out.md"
    assert caught.value.message == f"{where}: cannot write: {words}; nothing was written"
    assert caught.value.exit_code == 1
    assert list(tmp_path.iterdir()) == []


WARNED = """
title = "Short"
[[segments]]
title = "Only"
duration = "10m"
warn = ["9m", "8m", "7m"]
"""


def run_two_in_a_window(disk: Path, tmp_path: Path, *options: str):
    """`liftkit run` of TWO on the small `disk` in a 200-column tmux window, its rescue file
    going to a folder of its own (TMPDIR): the window, that folder and the sessions folder."""
    from support.tmux import Tmux

    agenda, rescue = tmp_path / "two.toml", tmp_path / "elsewhere"
    agenda.write_text(TWO)
    rescue.mkdir()
    sessions = disk / "sessions"
    term = Tmux(width=200, cwd=str(tmp_path))
    term.run(["env", f"TMPDIR={rescue}", *LIFTKIT, "run", str(agenda), "--sessions",
              str(sessions), *options])  # fmt: skip
    return term, rescue, sessions


def fill_last_page(journal: Path) -> None:
    """tmpfs gives a file whole 4 KB pages: fill the journal's last one with a note, as
    `liftkit note` would add it, so that the session's next line finds no room."""
    room = -journal.stat().st_size % 4096
    event = {"seq": 1000, "type": "reflection", "wall": "2026-01-01T10:00:00.000+00:00",
             "mono": 0.0, "segment": 0, "text": "", "author": None, "tags": [],
             "source": "note"}  # fmt: skip
    padding = room - len(json.dumps(event, separators=(",", ":"))) - 1
    if padding > 0:
        event["text"] = "x" * padding
        with open(journal, "a") as handle:
            handle.write(json.dumps(event, separators=(",", ":")) + "\n")


def run_until_the_disk_fills(
    disk, tmp_path, sessions, agenda_text=WARNED, spoil=None, env=None
) -> Live:
    """`liftkit run --plain` of WARNED (or `agenda_text`) at x60 on `disk`, which is filled
    (the journal's last page too) once the first segment has begun, or given to `spoil`
    once liftkit has said it began; the process, its input still open."""
    agenda = tmp_path / "short.toml"
    agenda.write_text(agenda_text)
    env = env or {**os.environ, "TMPDIR": str(tmp_path)}  # where what is kept goes at the end
    live = Live(
        ["run", str(agenda), "--plain", "--rehearse", "60", "--sessions", str(sessions)],
        cwd=tmp_path,
        env=env,
    )
    try:
        wait_until(
            lambda: any(b"segment_start" in p.read_bytes() for p in sessions.glob("*/*.jsonl")),
            "the session did not start",
        )
        if spoil is not None:  # once its start is confirmed (a write that fails may be its fsync)
            live.wait_for("  > 1/")
            spoil(disk)
            return live
        fill(disk)
        fill_last_page(next(sessions.glob("*/journal.jsonl")))
    except BaseException:
        live.kill()
        raise
    return live


def test_a_disk_that_fills_during_a_session_still_lets_the_host_quit(disk, tmp_path):
    """Due events that cannot be written are said once, not in a loop that takes no more
    commands: `q` then `y` still stop the session, and what was written stays resumable."""
    sessions = disk / "sessions"
    live = run_until_the_disk_fills(disk, tmp_path, sessions)
    try:
        live.wait_for("NOT SAVED")  # the first warning falls due at 1 s
        live.turns()  # it is tried again after each command, and not said again
        out, err = live.finish("q\ny\n")
    finally:
        live.kill()
    assert out.count("NOT SAVED") == 1, out
    assert "internal error" not in err
    (folder,) = sessions.iterdir()
    events = [json.loads(line) for line in (folder / "journal.jsonl").read_text().splitlines()]
    assert [e["type"] for e in events][:2] == ["session_start", "segment_start"]


def test_resume_and_note_on_a_read_only_disk_say_so_in_one_line(disk, tmp_path):
    """A session folder on a disk that became read-only (or was copied from one): resume
    and note name the disk and what was kept, where they stopped with 'internal error'."""
    sessions = disk / "sessions"
    run = liftkit(
        "run", "community-conversation", "--plain", "--sessions", str(sessions),
        cwd=tmp_path, stdin="r Ada: kept before the disk went read-only\nq\ny\n",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    (folder,) = sessions.iterdir()
    before = (folder / "journal.jsonl").read_bytes()
    read_only(disk)
    resume = liftkit("resume", str(folder), "--plain", cwd=tmp_path, stdin="q\ny\n")
    assert resume.returncode == 1
    line = one_error_line(resume)
    assert "journal.jsonl: cannot write: the disk is read-only" in line
    assert "it holds all that was captured" in line and "make the session folder writable" in line
    note = liftkit("note", str(folder), "Grace: one more", cwd=tmp_path)
    assert note.returncode == 1
    assert "cannot write: the disk is read-only; nothing was written" in one_error_line(note)
    assert (folder / "journal.jsonl").read_bytes() == before


def test_a_full_disk_freed_during_a_session_says_the_journal_is_written_again(disk, tmp_path):
    """The host frees space: what fell due meanwhile is written, and liftkit says so, where
    'NOT SAVED … then `liftkit resume` the session' stayed on screen and sent them to quit."""
    sessions = disk / "sessions"
    live = run_until_the_disk_fills(disk, tmp_path, sessions)
    try:
        live.wait_for("NOT SAVED")  # the first warning falls due at 1 s
        (disk / "filler").unlink()
        live.ask_until("The journal is written again")
        wait_until(lambda: written(sessions, b'"type":"warning"') >= 2, "no second warning")
        out, err = live.finish("q\ny\n")
    finally:
        live.kill()
    stalled = [line.split("  ", 1)[1] for line in out.splitlines() if "NOT SAVED" in line]
    assert stalled[0] == (
        "NOT SAVED: cannot write to the journal: the disk is full. Free some space: liftkit "
        "tries again each second."
    )
    assert "The journal is written again" in out
    assert "internal error" not in err
    assert warnings(sessions)[:2] == [540, 480]


def written(sessions: Path, text: bytes) -> int:
    """How often `text` is in the session's journal so far (read as bytes: a line being
    written is not JSON yet)."""
    return sum(p.read_bytes().count(text) for p in sessions.glob("*/journal.jsonl"))


def warnings(sessions: Path) -> list[int]:
    """The seconds left that each warning written in the session's journal gave."""
    (folder,) = sessions.iterdir()
    return [e["before"] for e in journal_lines(folder) if e["type"] == "warning"]


@pytest.fixture
def failing_disk(tmp_path):
    """A 4 MB ext4 disk image at tmp_path/ext4 that goes read-only at its first error, as a
    real disk with errors does (errors=remount-ro); `go_read_only` gives it one. A tmpfs
    cannot be made read-only while liftkit holds the journal open to write (the mount is
    busy), nor does a write already open to it fail then. Skips where a loop device cannot
    be mounted (needs root) or ext4 cannot be told of an error."""
    image, folder = tmp_path / "ext4.img", tmp_path / "ext4"
    folder.mkdir()
    image.write_bytes(b"")
    os.truncate(image, 4 << 20)
    made = shutil.which("mkfs.ext4") is not None and shutil.which("mount") is not None
    made = made and subprocess.run(
        ["mkfs.ext4", "-q", "-F", str(image)], capture_output=True, timeout=30
    ).returncode == 0  # fmt: skip
    mounted = made and subprocess.run(
        ["mount", "-o", "loop,errors=remount-ro", str(image), str(folder)],
        capture_output=True, timeout=30,
    ).returncode == 0  # fmt: skip
    if not mounted:
        pytest.skip("cannot mount an ext4 image here (needs root and a loop device)")
    try:
        if not _error_trigger(folder).exists():
            pytest.skip("this kernel's ext4 cannot be given an error from /sys")
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True, timeout=30)


def _error_trigger(folder: Path) -> Path:
    source = subprocess.run(
        ["findmnt", "-n", "-o", "SOURCE", str(folder)], capture_output=True, text=True
    ).stdout.strip()
    return Path("/sys/fs/ext4") / Path(source).name / "trigger_fs_error"


def go_read_only(folder: Path) -> None:
    """The disk at `folder` meets an error and turns read-only: writes, to files already
    open too, fail with 'Read-only file system'."""
    _error_trigger(folder).write_text("liftkit test: the disk goes read-only")
    probe = os.open(folder, os.O_RDONLY)
    try:
        with pytest.raises(OSError) as refused:
            os.fsync(probe)
            (folder / "probe").write_text("x")
        assert refused.value.errno == errno.EROFS
    finally:
        os.close(probe)


def test_a_disk_gone_read_only_is_said_as_any_write_says_it(failing_disk, tmp_path):
    """The disk goes read-only mid-session (a disk with errors does): the NOT SAVED line said
    'cannot write to the journal: Read-only file system. Free some space', Python's words
    and the wrong fix, where every other write says 'the disk is read-only'. Now the line
    for what falls due and the one for a reflection typed then both say so, with 'Make the
    sessions folder writable'; the reflection is still kept and listed as liftkit stops."""
    sessions = failing_disk / "sessions"
    live = run_until_the_disk_fills(failing_disk, tmp_path, sessions, spoil=go_read_only)
    try:
        live.wait_for("NOT SAVED")  # the first warning falls due at 1 s
        out, err = live.finish("r Ada: typed on a read-only disk\nq\ny\n")
    finally:
        live.kill()
    assert live.returncode == 0, err
    assert "internal error" not in err and "Traceback" not in err
    stalled = [line.split("  ", 1)[1] for line in out.splitlines() if "NOT SAVED" in line]
    assert stalled == [
        "NOT SAVED: cannot write to the journal: the disk is read-only. Make the sessions "
        "folder writable: liftkit tries again each second.",
        "NOT SAVED yet, the reflection is kept: cannot write to the journal: the disk is "
        "read-only. Make the sessions folder writable: liftkit saves it once the journal can "
        "be written again.",
    ], out
    assert f"{KEPT}Ada: typed on a read-only disk" in err.splitlines()


# A first segment of 3 s at x60 with a poll, which moves on by itself to the second. Not
# less: the pack gives times to the second, and what is typed as the first one begins must
# be a whole second before the second one begins (at 1 s, 1 run in 6 had them the same).
POLLED = """
title = "Polled"
[[segments]]
title = "First"
duration = "3m"
auto_advance = true
[[segments.polls]]
question = "Useful? It's \\"fine\\""
options = ["Yes, definitely", "No, not really"]
[[segments]]
title = "Second"
duration = "10m"
"""
KEPT = "Not saved (the journal could not be written): "


def journal_lines(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "journal.jsonl").read_text().splitlines()]


def test_captures_typed_on_a_full_disk_are_saved_once_it_has_room(disk, tmp_path):
    """A reflection typed on a full disk was kept in memory and only listed as liftkit
    stopped, though the host had freed space; poll counts were lost, and liftkit then said
    'The journal is written again'. Now both are written once the journal can be, under the
    segment they were typed in (the first, which moved on meanwhile), once each, and the
    host is told in one line."""
    sessions = disk / "sessions"
    live = run_until_the_disk_fills(disk, tmp_path, sessions, POLLED)
    try:
        live.send("r Ada: typed while the disk was full #kept\np 28 2\n")
        live.wait_for("the counts are kept")
        live.ask_until("OVER TIME")  # at 3 s: the segment's end cannot be written either
        (disk / "filler").unlink()
        live.ask_until("kept while the journal could not be written")
        live.turns()  # and it is not said (nor saved) again
        out, err = live.finish("q\ny\n")
    finally:
        live.kill()
    assert live.returncode == 0, err
    assert "internal error" not in err
    stalled = [line for line in out.splitlines() if "NOT SAVED" in line]
    assert len(stalled) == 2, out  # one for each capture, none again each second
    assert stalled[0].endswith(
        "  NOT SAVED yet, the reflection is kept: cannot write to the journal: the disk is "
        "full. Free some space: liftkit saves it once the journal can be written again."
    )
    assert "the counts are kept" in stalled[1]
    saved = "Saved 1 reflection and 1 poll result kept while the journal could not be written."
    assert out.count(saved) == 1, out
    assert "The journal is written again" not in out  # (it was not, while they were kept)
    assert KEPT not in err and "Nothing captured is lost" in err
    (folder,) = sessions.iterdir()
    events = journal_lines(folder)
    typed = [e for e in events if e["type"] == "reflection" and e["text"].startswith("typed")]
    polls = [e for e in events if e["type"] == "poll"]
    assert [(e["segment"], e["author"], e["tags"]) for e in typed] == [(0, "Ada", ["kept"])]
    assert [(e["segment"], e["counts"]) for e in polls] == [
        (0, {"Yes, definitely": 28, "No, not really": 2})
    ]
    moved_on = next(e for e in events if e["type"] == "segment_start" and e["segment"] == 1)
    assert typed[0]["seq"] > moved_on["seq"] and polls[0]["seq"] == typed[0]["seq"] + 1
    assert typed[0]["typed"] < moved_on["wall"] < typed[0]["wall"]
    pack = liftkit("export", str(folder), "-f", "json", cwd=tmp_path)
    assert pack.returncode == 0, pack.stderr
    first, second = json.loads(pack.stdout)["segments"]
    quoted = [r for r in first["reflections"] if r["text"].startswith("typed")]
    assert [(r["author"], r["text"]) for r in quoted] == [
        ("Ada", "typed while the disk was full #kept")
    ]
    assert quoted[0]["time"] < second["started"]  # when it was typed
    assert [row["count"] for row in first["polls"][0]["answers"]["rows"]] == [28, 2]
    assert second["reflections"] == [] and second["polls"] == []


def test_captures_still_not_saved_when_liftkit_stops_are_listed(disk, tmp_path):
    """Quit while the disk is still full: the reflection and the poll counts typed meanwhile
    are listed as not saved (the counts were lost without a word), and nothing else is."""
    sessions = disk / "sessions"
    live = run_until_the_disk_fills(disk, tmp_path, sessions, POLLED)
    try:
        out, err = live.finish("r Ada: typed on a full disk\np 28 2\nq\ny\n")
    finally:
        live.kill()
    assert "internal error" not in err
    assert [line for line in err.splitlines() if line.startswith(KEPT)] == [
        f"{KEPT}Ada: typed on a full disk",
        f'{KEPT}poll 1 (Useful? It\'s "fine"): Yes, definitely: 28; No, not really: 2',
    ]
    assert "Everything else captured is kept" in err
    assert "Saved 1" not in out
    (folder,) = sessions.iterdir()
    events = journal_lines(folder)
    assert not [e for e in events if e["type"] == "poll" or e.get("text") == "typed on a full disk"]


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_a_window_closed_on_a_full_disk_stops_at_once_and_keeps_what_was_typed(
    disk, tmp_path, signum
):
    """SIGTERM and SIGHUP were ignored while a capture was kept (liftkit ran on until the
    disk had room), and a closed window then lost the reflection: the farewell listing it
    went to a terminal that was gone. Now liftkit stops at once and writes what it kept to
    a file on another disk ($TMPDIR), as the farewell says."""
    sessions, rescue = disk / "sessions", tmp_path / "elsewhere"
    rescue.mkdir()
    env = {**os.environ, "TMPDIR": str(rescue)}
    live = run_until_the_disk_fills(disk, tmp_path, sessions, POLLED, env=env)
    try:
        live.send("r Ada: typed on a full disk #kept\np 28 2\n")
        live.wait_for("the counts are kept")
        live.process.send_signal(signum)
        live.process.wait(10)  # at once, the disk still full
    finally:
        live.kill()  # and its errors read to their end
    err = live.err
    assert live.returncode == 130 and "internal error" not in err
    (folder,) = sessions.iterdir()
    (written,) = rescue.iterdir()
    assert written.name == f"liftkit-unsaved-{folder.name}.txt"
    lines = written.read_text().splitlines()
    assert lines[0] == f"# Typed during {folder} but not saved: its journal could not be written."
    assert lines[1:3] == [
        f"# Add each reflection to the session with liftkit note, giving its segment: {folder}",
        "# Poll counts: add each with the liftkit note command on its line, or record them "
        "with p in their segment while the session runs (liftkit resume; b goes back a "
        "segment).",
    ]
    assert [line.split(" ", 1)[1] for line in lines[3:]] == [
        "segment 1: Ada: typed on a full disk #kept",
        "segment 1, poll 1 (Useful? It's \"fine\"): "
        + command_line("liftkit", "note", folder, "--poll", 1, "--segment", 1,
                       "Yes, definitely: 28; No, not really: 2"),
    ]  # fmt: skip
    # "poll counts for 'Useful? It\\'s \"fine\"'": no poll number, the question escaped
    assert f"They are written to {written}" in err
    assert not [e for e in journal_lines(folder) if "typed on a full disk" in e.get("text", "")]
    # resumed once the disk has room, the host is told where they are
    (disk / "filler").unlink()
    resumed = subprocess.run(
        [*LIFTKIT, "resume", str(folder), "--plain"], input="q\ny\n", capture_output=True,
        text=True, cwd=tmp_path, env=env, timeout=60,
    )  # fmt: skip
    said = " ".join((resumed.stdout + resumed.stderr).split())
    assert f"what could not be saved last time is in {written}: add its reflections and " in said
    assert "poll counts with liftkit note, then delete" in said
    # the poll's line is the command that adds its counts, pasted as it stands
    added = subprocess.run(
        [*LIFTKIT, *shlex.split(lines[-1].split("): ", 1)[1])[1:]], capture_output=True,
        text=True, cwd=tmp_path, env=env, timeout=60,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    polls = [e for e in journal_lines(folder) if e["type"] == "poll"]
    assert [(p["segment"], p["poll"], p["counts"]) for p in polls] == [
        (0, 0, {"Yes, definitely": 28, "No, not really": 2})
    ]
    exported = subprocess.run(
        [*LIFTKIT, "export", str(folder), "-o", str(tmp_path / "pack.md")], capture_output=True,
        text=True, cwd=tmp_path, env=env, timeout=60,
    )  # fmt: skip
    assert f"Warning: {written} holds what could not be saved during this session" in " ".join(
        exported.stderr.split()
    )


# Two segments, the first 30 s long at x60, without warnings: nothing falls due meanwhile.
TWO = """
title = "Two"
[[segments]]
title = "First"
duration = "30m"
warn = []
[[segments]]
title = "Second"
duration = "10m"
"""


def test_lines_read_with_a_command_the_full_disk_refused_still_act(disk, tmp_path):
    """Lines that come together (a pipe, a paste): `+` refused by the full disk threw away
    the lines read with it, so the reflection after it was never kept and the host's q y
    never quit (liftkit ran on, taking only what came later); an `n` refused alone was
    followed a second later by 'The journal is written again', though nothing was. Now each
    refused command is said NOT SAVED, and the lines after it act: the reflection is kept
    (listed as liftkit stops) and q y quit."""
    sessions = disk / "sessions"
    live = run_until_the_disk_fills(disk, tmp_path, sessions, TWO)
    try:
        live.send("n\n")
        live.wait_for("NOT SAVED, so not done")
        live.turns()  # nothing is written meanwhile, nor said to be
        live.send("+\nr Ada: typed after the refused commands\nq\ny\n")
        try:
            quit_in_time = live.process.wait(timeout=15) is not None
        except subprocess.TimeoutExpired:
            quit_in_time = False
        out, err = live.finish(timeout=5) if quit_in_time else (live.out, live.err)
    finally:
        live.kill()
    assert quit_in_time, f"q y, read with the refused +, did not quit:\n{out}"
    assert live.returncode == 0, err
    assert "internal error" not in err and "Traceback" not in err
    said = [line.split("  ", 1)[1] for line in out.splitlines() if "  " in line]
    refused = (  # not "liftkit tries again each second": it never gives the n or + again
        "NOT SAVED, so not done: cannot write to the journal: the disk is full. Free some "
        "space, then give the command again."
    )
    assert said.count(refused) == 2, out  # the n, then the +
    assert "tries again each second" not in out.split(refused)[1], out
    after = said[len(said) - said[::-1].index(refused) :]
    assert after[0] == (
        "NOT SAVED yet, the reflection is kept: cannot write to the journal: the disk is "
        "full. Free some space: liftkit saves it once the journal can be written again."
    ), out
    assert after[1].startswith("Quit? y to confirm"), out
    assert "The journal is written again" not in out
    assert f"{KEPT}Ada: typed after the refused commands" in err.splitlines()
    (folder,) = sessions.iterdir()
    assert [e["segment"] for e in journal_lines(folder) if e["type"] == "segment_start"] == [0]


def test_a_reflection_read_with_a_refused_command_is_saved_once_there_is_room(disk, tmp_path):
    """`n` and a reflection pasted together on a full disk: the reflection was thrown away
    with the refused `n`. Now it is kept, and written once the host frees space."""
    sessions = disk / "sessions"
    live = run_until_the_disk_fills(disk, tmp_path, sessions, TWO)
    try:
        live.send("n\nr Ada: typed after the refused next #kept\n")
        live.wait_for("NOT SAVED yet, the reflection is kept")
        live.turns()
        (disk / "filler").unlink()
        live.ask_until("Saved 1 reflection kept while the journal could not be written.")
        live.turns()  # and it is not said (nor saved) again
        out, err = live.finish("q\ny\n")
    finally:
        live.kill()
    assert live.returncode == 0, err
    assert out.count("NOT SAVED yet, the reflection is kept") == 1, out
    assert out.count("Saved 1 reflection kept while the journal could not be written.") == 1
    assert KEPT not in err and "Nothing captured is lost" in err
    (folder,) = sessions.iterdir()
    events = journal_lines(folder)
    typed = [e for e in events if e["type"] == "reflection" and e["text"].startswith("typed")]
    assert [(e["segment"], e["author"], e["tags"]) for e in typed] == [(0, "Ada", ["kept"])]
    assert [e["segment"] for e in events if e["type"] == "segment_start"] == [0]


def test_a_folder_that_cannot_be_written_again_says_why_as_any_write_does(tmp_path):
    """The session folder deleted while its parent is on a read-only disk: the NOT SAVED
    line said 'Read-only file system', Python's words, where any other write says 'the disk
    is read-only'; now it says that too, and what liftkit still holds."""
    sessions = tmp_path / "sessions"
    live = Live(
        ["run", "community-conversation", "--plain", "--sessions", str(sessions)], cwd=tmp_path
    )
    mounted = False
    try:
        live.send("r Ada: said before the folder went\n")
        wait_until(
            lambda: b"said before" in b"".join(p.read_bytes() for p in sessions.glob("*/*.jsonl")),
            "the reflection was not journalled",
        )
        (folder,) = sessions.iterdir()
        # stopped meanwhile: on a loaded machine it wrote the folder again between the two,
        # in the folder the mount then hid, and said "moved" (as it was, in effect)
        live.process.send_signal(signal.SIGSTOP)
        try:
            shutil.rmtree(folder)
            mounted = shutil.which("mount") is not None and _mount(sessions, "ro,size=64k")
        finally:
            live.process.send_signal(signal.SIGCONT)
        if not mounted:
            pytest.skip("cannot mount a tmpfs here (needs root)")
        live.ask_until("NOT SAVED")  # the session looks each second, and at each command
        live.turns()  # it tries again, and does not say so again
        subprocess.run(["umount", str(sessions)], check=True, timeout=10)
        mounted = False
        live.ask_until("liftkit wrote it again with everything captured")
        out, err = live.finish("r Grace: said after it came back\nq\ny\n")
    finally:
        live.kill()
        if mounted:
            subprocess.run(["umount", "-l", str(sessions)], capture_output=True, timeout=10)
    assert live.returncode == 0, err
    stalled = [line for line in out.splitlines() if "NOT SAVED" in line]
    assert len(stalled) == 1, out
    assert stalled[0].endswith(
        f"NOT SAVED: The session folder was deleted and liftkit cannot write it again: {folder}: "
        "cannot write: the disk is read-only; liftkit holds everything captured so far. Make "
        "the sessions folder writable: liftkit tries again each second."
    )
    assert out.count("liftkit wrote it again with everything captured") == 1
    pack = liftkit("export", str(folder), "-o", "-", cwd=tmp_path)
    assert "said before the folder went" in pack.stdout and "came back" in pack.stdout


PRINTED = [
    ["export", "SESSION", "-f", "md"],
    ["export", "SESSION", "-f", "json"],
    ["export", "SESSION", "-f", "html"],
    ["export", "SESSION", "-o", "-"],
    ["groups", "PEOPLE", "--seed", "1"],
    ["groups", "PEOPLE", "--seed", "1", "-f", "json", "-o", "-"],
    ["agenda", "list"],
    ["agenda", "show", "community-conversation"],
    ["agenda", "show", "community-conversation", "--json"],
    ["agenda", "check", "community-conversation"],
    ["new", "-"],
]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("args", PRINTED, ids=" ".join)
def test_a_document_printed_to_a_full_disk_says_so_as_o_does(args, people, tmp_path):
    """`liftkit export SESSION > pack.md` on a full disk: the same line as `-o` to one (exit
    code 1, 'the disk is full'), where it was an internal error with a crash report."""
    given = {"PEOPLE": str(people), "SESSION": str(SESSION)}
    args = [given.get(arg, arg) for arg in args]
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*LIFTKIT, *args], stdout=full, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
            timeout=60,
        )  # fmt: skip
    assert result.returncode == 1
    assert one_error_line(result) == (
        "Error: standard output: cannot write: the disk is full; part of it may have been "
        "written; free some space, or write to another disk"
    )
    assert "Exception ignored" not in result.stderr


def printed_to_a_full_disk(args: list[str], kept: str, tmp_path: Path) -> None:
    """liftkit ARGS with standard output on /dev/full: exit 1, one line saying the disk is
    full and what is `kept`, and no crash report (TMPDIR is the test's own)."""
    crashes = tmp_path / "tmp"
    crashes.mkdir()
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*LIFTKIT, *args], stdout=full, stderr=subprocess.PIPE, input="n\nq\ny\n",
            text=True, cwd=tmp_path, timeout=60, env={**os.environ, "TMPDIR": str(crashes)},
        )  # fmt: skip
    assert result.returncode == 1
    assert one_error_line(result) == (
        f"Error: standard output: cannot write: the disk is full; {kept}; free some space, "
        "or write to another disk"
    )
    assert list(crashes.iterdir()) == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize(
    "args, kept",
    [
        (["run", "community-conversation", "--plain"], "the session stopped"),
        (["view", "SESSION"], "the session itself carries on"),
    ],
    ids=["run --plain", "view"],
)
def test_a_live_command_printing_to_a_full_disk_says_so_in_one_line(args, kept, tmp_path):
    """`liftkit run --plain > log.txt` (or `view`) on a full disk: one line that says so and
    what became of the session, where it was an internal error with a crash report."""
    args = [str(SESSION) if arg == "SESSION" else arg for arg in args]
    printed_to_a_full_disk([*args, "--sessions", str(tmp_path / "sessions")], kept, tmp_path)


def test_run_plain_whose_log_fills_the_disk_stops_and_resumes_with_all_captured(disk, tmp_path):
    """The host logs a plain session to a file (`> log.txt`) on a disk that fills: liftkit
    stops with one line, the reflection already confirmed is in the journal (on another
    disk), and `liftkit resume` carries on from there."""
    sessions = tmp_path / "sessions"
    with open(disk / "log.txt", "a") as log:  # O_APPEND: the page is filled below it
        process = subprocess.Popen(
            [*LIFTKIT, "run", "community-conversation", "--plain", "--sessions", str(sessions)],
            stdin=subprocess.PIPE, stdout=log, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
        )  # fmt: skip
        try:
            process.stdin.write("n\nr Ada: kept though the log is full\n")
            process.stdin.flush()
            deadline = time.monotonic() + 30
            while b"kept though" not in b"".join(
                p.read_bytes() for p in sessions.glob("*/journal.jsonl")
            ):
                assert time.monotonic() < deadline, "the reflection was not journalled"
                time.sleep(0.05)
            fill(disk)
            with open(disk / "log.txt", "a") as page:  # tmpfs gives whole 4 KB pages
                page.write("x" * (-(disk / "log.txt").stat().st_size % 4096))
            _, err = process.communicate("n\n", timeout=30)
        finally:
            process.kill()
    assert process.returncode == 1
    result = subprocess.CompletedProcess([], 1, "", err)
    assert one_error_line(result) == (
        "Error: standard output: cannot write: the disk is full; the session stopped; free "
        "some space, or write to another disk"
    )
    (folder,) = sessions.iterdir()
    assert f"Nothing captured is lost. Carry on with: liftkit resume {folder}" in err
    events = [json.loads(line) for line in (folder / "journal.jsonl").read_text().splitlines()]
    assert [(e["author"], e["text"]) for e in events if e["type"] == "reflection"] == [
        ("Ada", "kept though the log is full")
    ]
    assert (events[-1]["type"], events[-1]["reason"]) == ("stop", "error")
    resume = liftkit("resume", str(folder), "--plain", cwd=tmp_path, stdin="q\ny\n")
    assert resume.returncode == 0, resume.stderr
    pack = liftkit("export", str(folder), "-f", "json", cwd=tmp_path)
    assert "kept though the log is full" in pack.stdout


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize(
    "args, kept",
    [
        (["--version"], "nothing was printed"),
        (["--help"], "part of it may have been written"),
        (["run", "--help"], "part of it may have been written"),
        (["agenda", "list", "-h"], "part of it may have been written"),
        (["note", "COPY", "Grace: said after the call"], "the reflection is saved"),
    ],
    ids=["--version", "--help", "run --help", "agenda list -h", "note"],
)
def test_help_version_and_note_printed_to_a_full_disk_say_so_in_one_line(args, kept, tmp_path):
    """`liftkit --version > v.txt` on a full disk was a Python traceback; help and `note`'s
    confirmation were internal errors with a crash report. Now each is one line; a note
    whose confirmation could not be printed is in the journal all the same."""
    copy = tmp_path / "session"
    shutil.copytree(SESSION, copy)
    args = [str(copy) if arg == "COPY" else arg for arg in args]
    printed_to_a_full_disk(args, kept, tmp_path)
    said = (copy / "journal.jsonl").read_text().count("said after the call")
    assert said == (1 if args[0] == "note" else 0)


def test_the_full_screen_keeps_saying_what_is_kept_while_the_disk_is_full(disk, tmp_path):
    """Once a later message replaced 'NOT SAVED yet, the reflection is kept', nothing on the
    screen said a reflection still waited; small events (n, a pause) were still written, so
    the disk looked well again. Now a line stays until it is saved."""
    from support.tmux import Tmux
    from test_live_terminal import quit_run

    agenda = tmp_path / "two.toml"
    agenda.write_text(TWO)
    term = Tmux(cwd=str(tmp_path))
    try:
        term.run([*LIFTKIT, "run", str(agenda), "--sessions", str(disk / "sessions")])
        term.wait_for("running")
        fill(disk)
        fill_last_page(next(disk.glob("sessions/*/journal.jsonl")))
        term.keys("r")
        term.wait_for("Reflection")
        term.type("Ada: kept on a full disk")
        term.wait_for("the reflection is kept")
        term.keys("b")  # a message of its own, said for a few seconds
        term.wait_for("This is the first segment.")
        screen = term.wait_for("NOT SAVED yet: 1 reflection kept until the journal can be")
        assert "the reflection is kept" not in screen
        (disk / "filler").unlink()
        term.wait_for("Saved 1 reflection kept while the journal could not be written.")
        term.keys("b")
        term.wait_for("This is the first segment.")
        time.sleep(4)  # the message gone: nothing is kept now, so nothing stays
        assert "NOT SAVED" not in term.screen()
        quit_run(term)
    finally:
        term.close()


def test_chat_lines_pasted_on_a_full_disk_are_all_kept_and_saved_once_it_has_room(disk, tmp_path):
    """Zoom chat lines pasted as one reflection are a reflection each; on a full disk the
    first was kept and the ones after it were dropped without a word."""
    sessions = disk / "sessions"
    live = run_until_the_disk_fills(disk, tmp_path, sessions, POLLED)
    try:
        chat = (
            "14:02:11 From Grace Hopper to Everyone: listen more "
            "14:02:15 From Ada Lovelace to Everyone: book a check-in "
            "14:02:19 From Alan Turing to Everyone: walk the ward"
        )
        live.send(f"r {chat}\n")
        live.wait_for("the reflection is kept")
        (disk / "filler").unlink()
        live.ask_until("kept while the journal could not be written")
        out, err = live.finish("q\ny\n")
    finally:
        live.kill()
    assert live.returncode == 0, err
    assert "Saved 3 reflections kept while the journal could not be written." in out, out
    (folder,) = sessions.iterdir()
    events = journal_lines(folder)
    said = [(e["author"], e["text"]) for e in events if e["type"] == "reflection" and e["author"]]
    assert said == [
        ("Grace Hopper", "listen more"),
        ("Ada Lovelace", "book a check-in"),
        ("Alan Turing", "walk the ward"),
    ]
