"""Text typed or piped in that is not UTF-8, and file names that are not, through the real
command line in a UTF-8 locale: read as Windows-1252 with a warning (a reflection saved in an
old Windows editor), names written into files with their odd bytes shown as \\xe9, never a
crash."""

import json
import os
import subprocess
import sys

import pytest

LIFTKIT = [sys.executable, "-m", "liftkit"]
SHORT = b"""
title = "Short"
[[segments]]
title = "Talk"
duration = "5m"
[[segments]]
title = "Rooms"
duration = "5m"
kind = "breakout"
group_size = 2
"""


def env(**more):
    e = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIO"))}
    e.pop("LIFTKIT_SESSIONS", None)
    e["LC_ALL"] = "C.UTF-8"
    return {**e, **more}


def liftkit(cwd, *args, stdin=b"", **more):
    # bytes throughout: arguments and input exactly as a terminal or a pipe gives them
    return subprocess.run(
        [*LIFTKIT, *args], input=stdin, capture_output=True, cwd=cwd, timeout=30, env=env(**more)
    )


def reflections(folder):
    (path,) = folder.glob("s/*/journal.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [e["text"] for e in map(json.loads, lines) if e["type"] == "reflection"]


@pytest.fixture
def session(tmp_path):
    (tmp_path / "a.toml").write_bytes(SHORT)
    done = liftkit(tmp_path, "run", "a.toml", "--sessions", "s", stdin=b"q\ny\n")
    assert done.returncode == 0, done.stderr
    return tmp_path


def test_a_reflection_piped_or_given_in_windows_1252_is_read_so_with_a_warning(session):
    piped = liftkit(session, "note", "latest", "--sessions", "s", "-", stdin=b"Caf\xe9 notes\n")
    given = liftkit(session, "note", "latest", "--sessions", "s", b"Caf\xe9 given")
    for done in (piped, given):
        assert done.returncode == 0, done.stderr
        stderr = done.stderr.decode()
        assert "internal error" not in stderr
        assert "not UTF-8 text; read as Windows-1252 (Café" in stderr
    assert reflections(session) == ["Café notes", "Café given"]
    pack = liftkit(session, "export", "latest", "--sessions", "s", "-o", "-")
    assert "Café notes" in pack.stdout.decode("utf-8")


def test_note_reads_piped_utf_8_as_plain_mode_does_whatever_the_locale(session):
    # A Latin-1 locale: its stdin reads "Café" in UTF-8 as "CafÃ©"; plain mode reads UTF-8
    done = liftkit(
        session, "note", "latest", "--sessions", "s", "-", stdin=b"Caf\xc3\xa9 in UTF-8\n",
        PYTHONIOENCODING="iso8859-1",
    )  # fmt: skip
    assert done.returncode == 0 and done.stderr == b"", done.stderr
    assert reflections(session) == ["Café in UTF-8"]


def test_plain_mode_reads_a_line_in_windows_1252_as_note_does_and_says_so(tmp_path):
    (tmp_path / "a.toml").write_bytes(SHORT)
    done = liftkit(tmp_path, "run", "a.toml", "--sessions", "s", stdin=b"r Caf\xe9 typed\nq\ny\n")
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    assert "warning: standard input is not UTF-8 text; read as Windows-1252 (Café)" in out
    assert reflections(tmp_path) == ["Café typed"]


def test_file_names_that_are_not_utf_8_are_written_with_their_bytes_shown(tmp_path):
    people = b"people-\xe9.csv"
    (tmp_path / os.fsdecode(people)).write_text("Ada\nBo\nCy\nDee\n")
    (tmp_path / "a.toml").write_bytes(SHORT)
    run = liftkit(tmp_path, "run", "a.toml", "--sessions", "s", "--attendees", people,
                  stdin=b"n\nq\ny\n")  # fmt: skip
    assert run.returncode == 0, run.stderr
    (folder,) = (tmp_path / "s").iterdir()
    events = [json.loads(x) for x in (folder / "journal.jsonl").read_text().splitlines()]
    assert any(e["type"] == "groups" for e in events)
    # a resume reads the same list again, from the very same file
    assert (folder / "attendees-from.txt").read_bytes() == os.fsencode(
        tmp_path
    ) + b"/" + people + b"\n"
    resumed = liftkit(tmp_path, "resume", "latest", "--sessions", "s", stdin=b"q\ny\n")
    assert resumed.returncode == 0, resumed.stderr
    assert b"internal error" not in resumed.stderr
    made = liftkit(tmp_path, "new", b"new-caf\xe9.toml", "--from", "1-2-4-all")
    assert made.returncode == 0, made.stderr
    text = (tmp_path / os.fsdecode(b"new-caf\xe9.toml")).read_text(encoding="utf-8")
    assert "liftkit run 'new-caf\\xe9.toml'" in text
