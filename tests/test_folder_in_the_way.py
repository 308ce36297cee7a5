"""Messages about a session folder whose files are not where liftkit left them: a file where
the running session's folder was, and a session resumed without its agenda copy. Through
the real command line."""

import shutil

from support.plain import Live, liftkit, quit_session, wait_until


def test_a_file_where_the_session_folder_was_is_said_to_be_in_the_way(tmp_path):
    """`rm -rf F; touch F` while a session runs: the NOT SAVED line ended in Python's words
    ('File exists') and advised making the sessions folder writable, which it was. Now it
    says a file is in the way, and to move it; once moved, the folder is written again."""
    sessions = tmp_path / "sessions"
    live = Live(
        ["run", "community-conversation", "--plain", "--sessions", str(sessions)], cwd=tmp_path
    )
    try:
        live.send("r Ada: said before the folder went\n")
        wait_until(
            lambda: b"said before" in b"".join(p.read_bytes() for p in sessions.glob("*/*.jsonl")),
            "the reflection was not journalled",
        )
        (folder,) = sessions.iterdir()
        shutil.rmtree(folder)
        folder.write_text("")  # touch
        live.ask_until("NOT SAVED")
        folder.rename(tmp_path / "moved-away")
        live.ask_until("liftkit wrote it again with everything captured")
        out, err = live.finish("q\ny\n")
    finally:
        live.kill()
    assert live.returncode == 0, err
    (stalled,) = [line for line in out.splitlines() if "NOT SAVED" in line]
    assert stalled.endswith(
        f"NOT SAVED: The session folder was deleted and liftkit cannot write it again: {folder}: "
        "a file is in the way, where a folder was; liftkit holds everything captured so far. "
        "Move that file elsewhere (or rename it): liftkit tries again each second."
    ), stalled
    assert "File exists" not in out


def test_resume_without_the_agenda_copy_says_what_export_says(tmp_path):
    """agenda.toml deleted from the session folder: resume said '…/agenda.toml: no such file;
    check the path, or run liftkit agenda list for templates', as for an agenda the host
    names; export says what is missing and how to put it back. Now resume says the same."""
    folder = quit_session(tmp_path)
    (folder / "agenda.toml").unlink()
    journal = (folder / "journal.jsonl").read_bytes()
    resumed = liftkit("resume", str(folder), "--plain", cwd=tmp_path, stdin="q\ny\n")
    exported = liftkit("export", str(folder), "-o", "-", cwd=tmp_path)
    assert resumed.returncode == exported.returncode != 0
    said = " ".join(resumed.stderr.split())
    assert said == " ".join(exported.stderr.split())
    assert said.startswith(
        f"Error: {folder / 'agenda.toml'}: the session's copy of its agenda is missing"
    )
    assert "put the agenda file the session ran back in the folder as agenda.toml" in said
    assert (folder / "journal.jsonl").read_bytes() == journal  # a refused resume writes nothing


def test_note_and_view_without_the_agenda_copy_say_what_export_says(tmp_path):
    """agenda.toml deleted: note and view said 'e1/agenda.toml: no such file; check the path,
    or run `liftkit agenda list` for templates', as for an agenda the host names, where export
    and resume say what is missing and how to put it back. Now all four say the same."""
    folder = quit_session(tmp_path)
    (folder / "agenda.toml").unlink()
    journal = (folder / "journal.jsonl").read_bytes()
    exported = liftkit("export", str(folder), "-o", "-", cwd=tmp_path)
    assert exported.returncode == 2
    for args in (["note", str(folder), "hi"], ["view", str(folder)]):
        refused = liftkit(*args, cwd=tmp_path, stdin="")
        assert refused.returncode == 2, (args, refused.stderr)
        assert refused.stderr == exported.stderr, args
        assert "no such file" not in refused.stderr
    assert "the session's copy of its agenda is missing" in exported.stderr
    assert (folder / "journal.jsonl").read_bytes() == journal  # the note was not written
