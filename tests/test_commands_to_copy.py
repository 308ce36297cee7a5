"""The commands liftkit shows for the host to copy (`Carry on with: liftkit resume …`, `Next:
liftkit export …`) work when pasted into a shell, whatever the folder's name: read here as a
shell reads them (shlex), and run. The real command line."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from support.tmux import Tmux

SESSIONS = "with space/My Sessions"


def liftkit(*args: str, cwd: Path, input: str = ""):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [sys.executable, "-m", "liftkit", *args],
        cwd=cwd, env=env, input=input, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def pasted(line: str, after: str) -> list[str]:
    """The words a shell reads from what follows `after` in `line`, the command checked to
    be liftkit's."""
    assert after in line, line
    words = shlex.split(line.split(after, 1)[1])
    assert words[0] == "liftkit", words
    return words[1:]


@pytest.fixture
def quit_session(tmp_path: Path) -> tuple[Path, str]:
    """A session under SESSIONS, quit: its folder and the last line of the quit."""
    sessions = tmp_path / SESSIONS
    run = liftkit(
        "run", "community-conversation", "--rehearse", "60", "--sessions", str(sessions),
        "--plain", cwd=tmp_path, input="r Ada: hi\nq\ny\n",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    (folder,) = sessions.iterdir()
    return folder, run.stderr.splitlines()[-1]


def test_the_command_that_resumes_a_session_in_a_folder_with_spaces_works_pasted(
    quit_session: tuple[Path, str], tmp_path: Path
):
    """`--sessions "/tmp/x/with space/My Sessions"` gave `Carry on with: liftkit resume
    /tmp/x/with space/My Sessions/2026-…`, which fails when pasted."""
    folder, line = quit_session
    assert pasted(line, "Carry on with: ") == ["resume", str(folder)]
    words = pasted(liftkit_resume_line(folder, tmp_path), "Carry on with: ")
    again = liftkit(*words, "--plain", cwd=tmp_path, input="n\nn\nn\nn\nn\ny\n")
    assert again.returncode == 0, again.stderr
    assert pasted(again.stderr.splitlines()[-1], "Next: ") == ["export", str(folder)]


def liftkit_resume_line(folder: Path, cwd: Path) -> str:
    resumed = liftkit("resume", str(folder), "--plain", cwd=cwd, input="q\ny\n")
    assert resumed.returncode == 0, resumed.stderr
    return resumed.stderr.splitlines()[-1]


def test_export_and_view_name_commands_that_work_pasted(
    quit_session: tuple[Path, str], tmp_path: Path
):
    """export's 'To carry it on first: liftkit resume …', view's 'Next: liftkit export …'
    and resume's refusal of an ended session showed the folder bare."""
    folder = quit_session[0]
    pack = liftkit("export", str(folder), "-o", "p.md", cwd=tmp_path)
    assert pack.returncode == 0, pack.stderr
    warning = next(line for line in pack.stderr.splitlines() if "To carry it on first" in line)
    assert pasted(warning, "To carry it on first: ") == ["resume", str(folder)]
    ended = liftkit("resume", str(folder), "--plain", cwd=tmp_path, input="n\n" * 5 + "y\n")
    assert ended.returncode == 0, ended.stderr
    view = liftkit("view", str(folder), cwd=tmp_path)
    assert view.returncode == 0, view.stderr
    words = pasted(view.stderr.splitlines()[-1], "Next: ")
    assert words == ["export", str(folder)]
    refused = liftkit("resume", str(folder), cwd=tmp_path)
    assert refused.returncode == 2
    note = refused.stderr.split("add reflections with `", 1)[1].split("`", 1)[0]
    assert shlex.split(note) == ["liftkit", "note", str(folder), "TEXT"]


def test_a_narrow_terminal_folds_the_farewell_but_not_the_quoted_folder(tmp_path: Path):
    """On a terminal the last lines are folded at spaces: the command with its quoted folder
    stays on one line, to copy whole."""
    term = Tmux(80, 24, cwd=str(tmp_path))
    try:
        term.run([sys.executable, "-m", "liftkit", "run", "community-conversation",
                  "--sessions", SESSIONS])  # fmt: skip
        term.wait_for("running")
        term.keys("q")
        term.wait_for("Quit?")
        term.keys("y")
        screen = term.wait_for("EXIT=0")
    finally:
        term.close()
    (folder,) = (tmp_path / SESSIONS).iterdir()
    command = shlex.join(["liftkit", "resume", f"{SESSIONS}/{folder.name}"])
    assert any(line.strip() == command for line in screen.splitlines()), screen


def test_a_new_run_names_the_command_that_carries_the_quit_one_on(
    quit_session: tuple[Path, str], tmp_path: Path
):
    """`liftkit run` again after a quit says how to carry that one on, quoted too."""
    folder = quit_session[0]
    again = liftkit(
        "run", "community-conversation", "--rehearse", "60", "--sessions", str(folder.parent),
        "--plain", cwd=tmp_path, input="q\ny\n",
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    said = next(line for line in again.stderr.splitlines() if "did not end" in line)
    command = said.split("this is a new one: `", 1)[1].split("`", 1)[0]
    assert shlex.split(command) == ["liftkit", "resume", str(folder)]


def copied(screen: str, command: str) -> list[list[str]]:
    """The words a shell reads from each of the screen's lines that hold `command` (from
    there on, to the line's end, backticks aside): what the host pastes."""
    lines = [line for line in screen.splitlines() if command in line]
    return [shlex.split(line[line.index(command) :].split("`")[0]) for line in lines]


def test_an_80_column_terminal_keeps_each_command_to_copy_on_one_line(tmp_path: Path):
    """In the default folder, 'Carry on with: liftkit resume liftkit-sessions/2026-…' is
    longer than 80 columns: it was folded after `liftkit resume`, and the two lines pasted
    ran `liftkit resume` alone; export's 'To carry it on first:' and the next run's note
    were folded inside their commands the same way."""
    term = Tmux(80, 40, cwd=str(tmp_path))
    try:
        liftkit_run = [sys.executable, "-m", "liftkit", "run", "community-conversation"]
        term.run(liftkit_run)
        term.wait_for("running")
        term.keys("q")
        term.wait_for("Quit?")
        term.keys("y")
        quit = term.wait_for("EXIT=0")
        (folder,) = (tmp_path / "liftkit-sessions").iterdir()
        shown = f"liftkit-sessions/{folder.name}"
        assert copied(quit, "liftkit resume") == [["liftkit", "resume", shown]], quit
        term.type("clear")
        term.wait_without("EXIT=0")
        term.run([sys.executable, "-m", "liftkit", "export", "latest", "-o", "p.md"])
        export = term.wait_for("EXIT=0")
        assert "To carry it on first:" in export
        assert copied(export, "liftkit resume") == [["liftkit", "resume", shown]], export
        term.type("clear")
        term.wait_without("EXIT=0")
        term.run(liftkit_run)
        term.wait_for("running")
        term.keys("q")
        term.wait_for("Quit?")
        term.keys("y")
        again = term.wait_for("EXIT=0")
        # the note that the quit one did not end (said before and after), and the farewell
        (newer,) = [f for f in (tmp_path / "liftkit-sessions").iterdir() if f != folder]
        assert copied(again, "liftkit resume") == [
            ["liftkit", "resume", shown],
            ["liftkit", "resume", shown],
            ["liftkit", "resume", f"liftkit-sessions/{newer.name}"],
        ], again
    finally:
        term.close()


def test_note_s_segment_out_of_range_names_an_agenda_show_that_works_pasted(
    quit_session: tuple[Path, str], tmp_path: Path
):
    """`liftkit note FOLDER TEXT --segment 9` said "see them with `liftkit agenda show
    with space/My Sessions/…/agenda.toml`", the folder bare."""
    folder = quit_session[0]
    refused = liftkit("note", str(folder), "hi", "--segment", "9", cwd=tmp_path)
    assert refused.returncode == 2
    command = refused.stderr.split("see them with `", 1)[1].split("`", 1)[0]
    words = shlex.split(command)
    assert words == ["liftkit", "agenda", "show", str(folder / "agenda.toml")]
    shown = liftkit(*words[1:], cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert "Introductions" in shown.stdout


def test_new_s_confirmation_keeps_its_command_to_copy_whole_at_80_columns(tmp_path: Path):
    """At 80 columns `new`'s confirmation broke inside the file's name (`Next: liftkit agenda
    show cc` / `10.toml`), and at 100 `agenda check -` broke `(Ctrl-C s` / `tops).`"""
    term = Tmux(80, 24, cwd=str(tmp_path))
    try:
        term.type(f'lk() {{ {shlex.quote(sys.executable)} -m liftkit "$@"; }}; clear')
        term.type("clear; lk new cc10.toml --from community-conversation; echo EXIT=$?")
        screen = term.wait_for("EXIT=0")
        lines = screen.splitlines()
        assert all(len(line) <= 80 for line in lines)
        (command,) = [line for line in lines if "liftkit agenda show" in line]  # whole
        assert shlex.split(command) == ["liftkit", "agenda", "show", "cc10.toml"], screen
    finally:
        term.close()


def test_a_stdin_agenda_waiting_on_a_terminal_folds_its_line_at_spaces(tmp_path: Path):
    term = Tmux(100, 24, cwd=str(tmp_path))
    try:
        term.type(f'lk() {{ {shlex.quote(sys.executable)} -m liftkit "$@"; }}; clear')
        term.type("clear; lk agenda check -; echo EXIT=$?")
        screen = term.wait_for("Ctrl-D")
        said = " ".join(line.strip() for line in screen.splitlines() if line.strip())
        # folded at a space: joined again, the sentence reads whole (not "(Ctrl-C s tops).")
        assert "then Ctrl-D on a line of its own (Ctrl-C stops)." in said, screen
        assert all(len(line) <= 100 for line in screen.splitlines())
        term.keys("C-c")
        term.wait_for("EXIT=130")
    finally:
        term.close()


def test_agenda_show_as_toml_points_to_new_from(tmp_path: Path):
    shown = liftkit("agenda", "show", "world-cafe", "--format", "toml", cwd=tmp_path)
    assert shown.returncode == 2
    said = shown.stderr.strip()
    assert said.startswith("Error: No such option: --format; use --json for JSON;")
    assert pasted(said.split(";")[2], ": ") == ["new", "FILE", "--from", "world-cafe"]
