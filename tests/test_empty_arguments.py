"""An empty value where a file, folder or session goes ("" from an unset shell variable,
`liftkit groups "$PEOPLE"`) is refused, naming it, before the command runs: it was read as
"." (".: is a folder, not an attendee list") or as no option at all (`--previous ""` split
without the earlier rooms; `-o ""` printed the groups to the screen)."""

import subprocess
import sys
from pathlib import Path

import pytest

ZOOM = str(Path(__file__).parent / "data" / "people" / "zoom-participants.csv")
HINT = "(check the variable or the quotes meant to hold it)"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["groups", ""], 'ATTENDEES "": empty, so it names no file; give a file name'),
        (["groups", ZOOM, "--previous", ""], '--previous "": empty, so it names no file'),
        (["groups", ZOOM, "-o", ""], '-o "": empty, so it names no file'),
        (["groups", ZOOM, "--seed", "3", "--", ""], 'ATTENDEES "": empty'),
        (["groups", "-fmd", ""], 'ATTENDEES "": empty'),  # a short option's value joined on
        (["groups", "-o-", "", "--seed", "1"], 'ATTENDEES "": empty'),
        (["run", "", "--plain"], 'AGENDA "": empty, so it names no agenda; give an agenda'),
        (["run", "lean", "--groups="], '--groups "": empty, so it names no file'),
        (["run", "lean", "--attendees", ""], '--attendees "": empty'),
        (["agenda", "check", "lean", ""], 'AGENDA "": empty, so it names no agenda'),
        (["view", ""], 'SESSION "": empty, so it names no session; give a session folder'),
        (["resume", ""], 'SESSION "": empty'),
        (["note", "", "a thought"], 'SESSION "": empty'),
        (["export", "latest", "--chat", ""], '--chat "": empty, so it names no file'),
        (["export", "latest", "--sessions", ""], '--sessions "": empty, so it names no folder'),
        (["new", "--from", "", "x.toml"], '--from "": empty, so it names no template'),
        (["groups", ZOOM, "-f", ""], '-f "": empty, so it names no format'),
        (["groups", ZOOM, "--balance", ""], '--balance "": empty, so it names no column'),
        (["export", "latest", "--by", ""], '--by "": empty, so it names no column'),
    ],
    ids=lambda value: " ".join(value)[:40] if isinstance(value, list) else "",
)
def test_an_empty_path_is_refused_naming_it(cli, tmp_path, monkeypatch, args, said):
    monkeypatch.chdir(tmp_path)
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"Error: {said}") and line.endswith(HINT)
    assert list(tmp_path.iterdir()) == []  # no session, no output file


def test_an_empty_text_option_keeps_its_own_message_and_help_still_shows(cli):
    result = cli("groups", ZOOM, "--facilitator", "")
    assert result.exit_code == 2
    assert "an empty name names nobody" in result.stderr
    assert cli("groups", "", "-h").stdout.count("Usage: liftkit groups") == 1
    assert "No such option: --template" in cli("new", "--template", "", "x.toml").stderr


def test_an_unset_variable_in_a_real_shell_is_named():
    proc = subprocess.run(
        ["sh", "-c", f'"{sys.executable}" -m liftkit groups "$PEOPLE" --seed 1'],
        capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"}, timeout=30,
    )  # fmt: skip
    assert proc.returncode == 2
    assert (
        proc.stderr == f'Error: ATTENDEES "": empty, so it names no file; give a file name {HINT}\n'
    )
