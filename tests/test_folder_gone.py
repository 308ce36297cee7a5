"""The session folder (or its journal) deleted, moved or replaced while `liftkit run` runs: a
cloud-sync tool, a host tidying folders, `rm -rf`. liftkit kept writing to a file no longer on
disk and said 'saved', or stopped with an internal error; now it writes the folder again with
everything captured, says so in one line, and the session exports and resumes."""

import json
import os
import shutil
from pathlib import Path

import pytest
from support.plain import LIFTKIT, Live, journalled, liftkit, wait_until
from support.tmux import Tmux


def start_plain(tmp_path) -> tuple[Live, Path]:
    """`liftkit run --plain` with a first reflection journalled; the process and its folder."""
    live = Live(["run", "community-conversation", "--plain", "--sessions", "s"], cwd=tmp_path)
    try:
        live.send("r Ada Lovelace: said before the folder went\n")
        wait_until(lambda: list((tmp_path / "s").glob("*/journal.jsonl")), "no session folder")
        (folder,) = (tmp_path / "s").iterdir()
        wait_until(lambda: journalled(folder, "said before"), "the first reflection")
    except BaseException:
        live.kill()
        raise
    return live, folder


def replace_journal(folder: Path) -> None:
    """A sync tool puts its own copy in the journal's place (a new file, renamed over it)."""
    (folder / "other.jsonl").write_text((folder / "journal.jsonl").read_text().splitlines()[0])
    os.replace(folder / "other.jsonl", folder / "journal.jsonl")


LOSSES = {
    "folder deleted": (lambda f: shutil.rmtree(f), "The session folder was deleted;"),
    "folder moved": (
        lambda f: f.rename(f.parent.parent / "moved"),
        "The session folder was moved or renamed (liftkit cannot know where); liftkit wrote "
        "it again where it was,",
    ),
    "journal deleted": (lambda f: (f / "journal.jsonl").unlink(), "The journal was deleted;"),
    "journal replaced": (
        replace_journal,
        "The journal was replaced by another file (kept as journal-replaced.jsonl);",
    ),
    # The same file, shorter: `: > journal.jsonl`, or a sync tool that cuts it mid-line.
    "journal emptied": (
        lambda f: os.truncate(f / "journal.jsonl", 0),
        "The journal was emptied or cut short by another program;",
    ),
    "journal cut short": (
        lambda f: os.truncate(f / "journal.jsonl", (f / "journal.jsonl").stat().st_size // 2),
        "The journal was emptied or cut short by another program;",
    ),
}


@pytest.mark.parametrize("loss", LOSSES)
def test_a_folder_gone_mid_session_is_written_again_with_everything(tmp_path, loss):
    lose, said = LOSSES[loss]
    live, folder = start_plain(tmp_path)
    try:
        lose(folder)
        live.ask_until("liftkit wrote it again")  # the session looks each second
        out, err = live.finish("r Grace Hopper: said after it went\nq\ny\n")
    finally:
        live.kill()
    assert live.returncode == 0, err
    assert "internal error" not in err and "Traceback" not in err
    lines = [line for line in out.splitlines() if "liftkit wrote it again" in line]
    assert len(lines) == 1, out  # said once
    assert said in lines[0] and f"with everything captured: s/{folder.name}" in lines[0]
    assert "NOT SAVED" not in out
    events = [json.loads(line) for line in (folder / "journal.jsonl").read_text().splitlines()]
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert (folder / "agenda.toml").is_file()
    pack = liftkit("export", str(folder), "-o", "-", cwd=tmp_path)
    assert pack.returncode == 0, pack.stderr
    assert "said before the folder went" in pack.stdout
    assert "said after it went" in pack.stdout
    resumed = liftkit("resume", str(folder), "--plain", cwd=tmp_path, stdin="r one more\nq\ny\n")
    assert resumed.returncode == 0, resumed.stderr
    assert journalled(folder, "one more")


def test_a_journal_emptied_and_written_in_place_is_written_again_and_its_lines_kept(tmp_path):
    """`echo … > journal.jsonl` while the session runs: the same file, emptied, then holding
    a line liftkit did not write. The journal is written again whole, and that line is kept
    beside it rather than lost."""
    live, folder = start_plain(tmp_path)
    try:
        with open(folder / "journal.jsonl", "r+b") as journal:  # in place, never empty
            journal.write(b"a line of another program\n")
            journal.truncate()
        out, err = live.finish("r Grace Hopper: said after it went\nq\ny\n")
    finally:
        live.kill()
    assert live.returncode == 0, err
    lines = [line for line in out.splitlines() if "liftkit wrote it again" in line]
    assert len(lines) == 1, out
    assert lines[0].endswith(
        "The journal was emptied or cut short by another program, and other lines written in "
        "it (kept as journal-replaced.jsonl); liftkit wrote it again with everything captured: "
        f"s/{folder.name}/journal.jsonl"
    )
    assert (folder / "journal-replaced.jsonl").read_text() == "a line of another program\n"
    events = [json.loads(line) for line in (folder / "journal.jsonl").read_text().splitlines()]
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert [e["text"] for e in events if e["type"] == "reflection"] == [
        "said before the folder went",
        "said after it went",
    ]


def test_a_folder_that_cannot_be_written_again_is_said_and_tried_each_second(tmp_path):
    """The sessions folder deleted and a file put in its place: NOT SAVED, in one line that
    says why and that liftkit tries again; once the file goes, the folder is written again."""
    live, folder = start_plain(tmp_path)
    try:
        shutil.rmtree(tmp_path / "s")
        (tmp_path / "s").write_text("in the way\n")
        live.ask_until("NOT SAVED")  # the session looks each second, and at each command
        live.turns()  # it tries again, and does not say so again
        (tmp_path / "s").unlink()
        live.ask_until("liftkit wrote it again with everything captured")
        out, err = live.finish("r Grace Hopper: said after it came back\nq\ny\n")
    finally:
        live.kill()
    assert live.returncode == 0, err
    stalled = [line for line in out.splitlines() if "NOT SAVED" in line]
    assert len(stalled) == 1, out
    assert (
        "The session folder was deleted and liftkit cannot write it again: s: a file is in the "
        "way, where a folder was; liftkit holds everything captured so far. Move that file "
        "elsewhere (or rename it): liftkit tries again each second."
    ) in stalled[0]
    assert stalled[0].endswith("liftkit tries again each second.")
    assert out.count("liftkit wrote it again with everything captured") == 1
    pack = liftkit("export", str(folder), "-o", "-", cwd=tmp_path)
    assert "said before the folder went" in pack.stdout and "came back" in pack.stdout


SAVED_LATE = "Saved 1 reflection and 1 poll result kept while the journal could not be written."


def test_captures_typed_while_the_folder_cannot_be_written_are_saved_once_it_can(tmp_path):
    """A reflection and poll counts typed while the folder could not be written again were
    kept in memory only (the counts not even that), never written once it could be: not in
    the pack, nor after a resume. Now they are written with the folder, once, under the
    segment they were typed in, and the host is told in one line."""
    live, folder = start_plain(tmp_path)
    try:
        shutil.rmtree(tmp_path / "s")
        (tmp_path / "s").write_text("in the way\n")
        live.ask_until("NOT SAVED")
        live.send("r Grace Hopper: typed while it could not be written #late\np 9 3\n")
        live.wait_for("the counts are kept")
        (tmp_path / "s").unlink()
        live.ask_until(SAVED_LATE)
        out, err = live.finish("q\ny\n")
    finally:
        live.kill()
    assert live.returncode == 0, err
    assert "internal error" not in err and "Traceback" not in err
    stalled = [line for line in out.splitlines() if "NOT SAVED" in line]
    assert stalled[1].endswith(
        "NOT SAVED yet, the reflection is kept: The session folder was deleted and liftkit "
        "cannot write it again: s: a file is in the way, where a folder was; liftkit holds "
        "everything captured so far. Move that file elsewhere (or rename it): liftkit saves "
        "it once the journal can be written again."
    )
    assert "NOT SAVED yet, the counts are kept:" in stalled[2] and len(stalled) == 3, out
    told = [line for line in out.splitlines() if SAVED_LATE in line]
    assert len(told) == 1, out
    assert "The session folder was deleted; liftkit wrote it again with everything" in told[0]
    assert "Not saved" not in err and "Nothing captured is lost" in err
    pack = liftkit("export", str(folder), "-f", "json", cwd=tmp_path)
    assert pack.returncode == 0, pack.stderr
    data = json.loads(pack.stdout)
    first, *others = data["segments"]
    assert [(r["author"], r["text"], r["tags"]) for r in first["reflections"]] == [
        ("Ada Lovelace", "said before the folder went", []),
        ("Grace Hopper", "typed while it could not be written #late", ["late"]),
    ]
    assert [row["count"] for row in first["polls"][0]["answers"]["rows"]] == [9, 3]
    assert not data["other_reflections"] and not any(s["reflections"] for s in others)
    resumed = liftkit("resume", str(folder), "--plain", cwd=tmp_path, stdin="q\ny\n")
    assert resumed.returncode == 0, resumed.stderr
    assert "saved poll" not in resumed.stdout  # nothing typed then is written twice
    assert (folder / "journal.jsonl").read_text().count("typed while it could not") == 1


def test_the_full_screen_says_the_folder_was_written_again(tmp_path):
    term = Tmux(120, 30, cwd=str(tmp_path))
    try:
        term.run([*LIFTKIT, "run", "community-conversation", "--sessions", "s"])
        term.wait_for("running")
        term.keys("r")
        term.wait_for("Reflection")
        term.type("Ada Lovelace: said before the folder went")
        term.wait_for("Saved reflection from Ada Lovelace")
        (folder,) = (tmp_path / "s").iterdir()
        shutil.rmtree(folder)
        screen = term.wait_for("liftkit wrote it again", timeout=5)
        assert "The session folder was deleted" in screen.replace("\n", " ")
        term.keys("r")
        term.wait_for("Reflection")
        term.type("Grace Hopper: said after it went")
        term.wait_for("Saved reflection from Grace Hopper (2 so far)")
        term.keys("q")
        term.wait_for("Quit?")
        term.keys("y")
        term.wait_for("EXIT=0")
    finally:
        term.close()
    pack = liftkit("export", str(folder), "-o", "-", cwd=tmp_path)
    assert "said before the folder went" in pack.stdout and "said after it went" in pack.stdout


def test_the_full_screen_saves_what_was_typed_while_the_folder_could_not_be_written(tmp_path):
    term = Tmux(120, 30, cwd=str(tmp_path))
    try:
        term.run([*LIFTKIT, "run", "community-conversation", "--sessions", "s"])
        term.wait_for("running")
        (folder,) = (tmp_path / "s").iterdir()
        shutil.rmtree(tmp_path / "s")
        (tmp_path / "s").write_text("in the way\n")
        term.wait_for("NOT SAVED", timeout=5)
        term.keys("r")
        term.wait_for("Reflection")
        term.type("Grace Hopper: typed while it could not be written")
        term.wait_for("the reflection is kept")
        term.keys("p")
        term.wait_for("Poll 1 [Yes/No]")
        term.type("9 3")
        term.wait_for("the counts are kept")
        (tmp_path / "s").unlink()
        screen = term.wait_for("Saved 1 reflection and 1 poll", timeout=5)
        assert "kept while the journal could not be written" in " ".join(screen.split())
        term.keys("q")
        term.wait_for("Quit?")
        term.keys("y")
        screen = term.wait_for("EXIT=0")
        assert "Not saved" not in screen
    finally:
        term.close()
    pack = liftkit("export", str(folder), "-f", "json", cwd=tmp_path)
    first = json.loads(pack.stdout)["segments"][0]
    assert [r["text"] for r in first["reflections"]] == ["typed while it could not be written"]
    assert [row["count"] for row in first["polls"][0]["answers"]["rows"]] == [9, 3]


def test_the_full_screen_acts_on_keys_read_with_one_that_could_not_be_written(tmp_path):
    """Keys that come in one read (typed fast, a paste, a slow link): n, refused while the
    session folder could not be written again, threw away the q y read with it, so the
    host's quit was lost. Now n is said NOT SAVED and q y still quit."""
    term = Tmux(120, 30, cwd=str(tmp_path))
    try:
        term.run([*LIFTKIT, "run", "community-conversation", "--sessions", "s"])
        term.wait_for("running")
        shutil.rmtree(tmp_path / "s")
        (tmp_path / "s").write_text("in the way\n")
        term.wait_for("NOT SAVED", timeout=5)
        term.keys("n")  # alone: not done, and liftkit will not do it later
        seen = " ".join(term.wait_for("NOT SAVED, so not done: The session folder", 5).split())
        assert "1/5 Introductions" in seen, seen
        term.paste("nqy", bracketed=False)  # one write: the three keys come in one read
        screen = term.wait_for("EXIT=0")
        assert "Session stopped (quit)" in screen
    finally:
        term.close()


def test_a_folder_deleted_while_the_session_looks_is_said_deleted_not_moved(tmp_path, monkeypatch):
    """An `rm -rf` under way when the session looked (its once-a-second check): the journal
    unlinked between the count of its links and the look for its path read as a folder
    'moved or renamed (liftkit cannot know where)' (it failed a CI run). Here the rm comes
    just as the session looks for the path: the folder is said deleted."""
    import os

    from liftkit.core.live.journal import Journal

    folder = tmp_path / "s" / "session"
    folder.mkdir(parents=True)
    journal = Journal.create(folder / "journal.jsonl")
    real_stat = os.stat

    def stat_while_deleted(path, *args, **kwargs):
        if str(path) == str(folder / "journal.jsonl") and folder.exists():
            shutil.rmtree(folder)  # the rm -rf gets there first
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat_while_deleted)
    assert journal.whereabouts() == "folder deleted"


def test_a_journal_written_over_with_a_longer_file_is_written_again_and_it_kept(tmp_path):
    """`cat older-copy-plus-lines > journal.jsonl` while the session runs: the same file,
    longer than what the session wrote, its first lines an older copy of the journal. Before,
    the session took the other lines for notes and appended after them: P3 to P5 were gone
    from the journal and the pack, and no one was told."""
    live, folder = start_plain(tmp_path)
    journal = folder / "journal.jsonl"
    try:
        for n in range(1, 6):
            live.send(f"r Ada Lovelace: P{n}\n")
            wait_until(lambda n=n: journalled(folder, f"P{n}"), f"P{n}")
        lines = journal.read_bytes().splitlines(True)
        older = b"".join(lines[: next(i for i, x in enumerate(lines) if b'"P3"' in x)])
        p2 = next(x for x in lines if b'"P2"' in x)  # seq 5: six lines another program made
        foreign = b"".join(p2.replace(b'"P2"', b'"not ours %d"' % i) for i in range(6))
        assert len(older + foreign) > len(b"".join(lines))
        inode = journal.stat().st_ino
        with open(journal, "r+b") as held:  # in place (`cat … > journal.jsonl`), never empty
            held.write(older + foreign)
            held.truncate()
        assert journal.stat().st_ino == inode
        out, err = live.finish("r Ada Lovelace: P6\nq\ny\n")
    finally:
        live.kill()
    assert live.returncode == 0, err
    told = [line for line in out.splitlines() if "liftkit wrote it again" in line]
    assert len(told) == 1, out
    assert told[0].endswith(
        "The journal was written over by another program (kept as journal-replaced.jsonl); "
        f"liftkit wrote it again with everything captured: s/{folder.name}/journal.jsonl"
    ), told
    assert (folder / "journal-replaced.jsonl").read_bytes() == older + foreign
    events = [json.loads(line) for line in journal.read_text().splitlines()]
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    said = [e["text"] for e in events if e["type"] == "reflection"]
    assert said == ["said before the folder went", *(f"P{n}" for n in range(1, 7))]
    assert "saved reflection (7)" in out.lower(), out
    pack = liftkit("export", str(folder), "-o", "-", cwd=tmp_path)
    assert pack.returncode == 0, pack.stderr
    assert all(f"P{n}" in pack.stdout for n in range(1, 7)), pack.stdout
