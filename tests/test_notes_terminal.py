"""The notes liftkit prints on standard error before a command's output, in a narrow terminal
and in a pipe."""

import shlex
import subprocess
import sys

from support.tmux import Tmux

LIFTKIT = [sys.executable, "-m", "liftkit"]

PEOPLE = """name,email
Sam Lee,sam.lee@nhs.example
Sam Lee,slee@council.example
Ana Okafor,ana@x.example
Bo Li,bo@x.example
"""

AGENDA = """title = "Rooms"
[[segments]]
title = "Pairs"
duration = "10m"
kind = "breakout"
group_size = 2
"""


def commands(sessions):
    """groups, run --plain and export, their output thrown away: only the notes are left."""
    run = ["run", "a.toml", "--plain", "--sessions", sessions, "--attendees", "people.csv"]
    return [
        [*LIFTKIT, "groups", "people.csv", "--size", "2", "--seed", "1", "-f", "md"],
        [*LIFTKIT, *run, "--seed", "1"],
        [*LIFTKIT, "export", "latest", "--sessions", sessions, "-o", "pack.md", "--force"],
    ]


def test_notes_fold_at_words_in_a_narrow_terminal_and_stay_one_line_in_a_pipe(tmp_path):
    # At 60 columns "Note: people.csv: 1 name is shared by people with different emails
    # (Sam Lee); all are kept, …" was cut by the terminal in the middle of its words.
    (tmp_path / "people.csv").write_text(PEOPLE)
    (tmp_path / "a.toml").write_text(AGENDA)
    said = []
    for argv in commands("piped"):  # scripts and logs read a line per note
        run = subprocess.run(argv, cwd=tmp_path, input="q\ny\n", capture_output=True,
                             text=True, timeout=60)  # fmt: skip
        said += [line for line in run.stderr.splitlines() if not line.startswith("Nothing")]
    assert said[0].startswith("Note: people.csv: 1 name is shared by people") and len(said) == 4
    assert said[1:] == [
        said[0],
        "Groups made for 1 breakout segment with seed 1 (--seed 1 makes the same again).",
        "Wrote pack.md: 1 segment, 0 quotes (reflections and chat messages).",
    ]
    term = Tmux(60, 30, cwd=str(tmp_path))
    try:
        groups, run, export = (shlex.join(argv) for argv in commands("seen"))
        script = f"{groups} > /dev/null\nprintf 'q\\ny\\n' | {run} > /dev/null\n{export}\n"
        (tmp_path / "notes.sh").write_text(script)
        term.type("sh notes.sh; echo DONE")
        screen = term.wait_for("\nDONE", timeout=60)
    finally:
        term.close()
    below = screen[screen.index("sh notes.sh; echo DONE\n") : screen.index("\nDONE")]
    lines = [line.rstrip() for line in below.splitlines()[1:]]
    # the run's last line, after its output, folds before the command, which stays whole to
    # copy (its path was cut where the terminal's edge fell, 'seen/2026-12-06-0' /
    # '74227-rooms', and then folded after `liftkit resume`, which pasted ran alone)
    farewell = next(i for i, line in enumerate(lines) if line.startswith("Nothing captured"))
    assert lines[farewell] == "Nothing captured is lost. Carry on with:"
    (folder,) = (tmp_path / "seen").iterdir()
    assert lines[farewell + 1] == f"liftkit resume seen/{folder.name}"
    del lines[farewell : farewell + 2]
    assert all(len(line) <= 60 for line in lines)
    shown = " ".join(" ".join(lines).split())
    for line in said:
        assert " ".join(line.split()) in shown  # no word broken in two
    note = lines[: lines.index("Note: people.csv: 1 name is shared by people with different", 1)]
    assert len(note) == 4 and all(line.startswith(" " * 6 + line.strip()) for line in note[1:])
    assert lines[-2:] == ["Wrote pack.md: 1 segment, 0 quotes (reflections and chat", "messages)."]
