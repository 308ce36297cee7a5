"""An option of another command (or another tool) says what to do instead, where Click's
nearest spelling misled: `liftkit run cc --size 4` offered "(Possible options: --seed)", and
`export latest --groups rooms.json` said "Got unexpected extra argument(s) (rooms.json)"."""

import json
import re
import shlex
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
HOSTED = DATA / "sessions" / "2026-03-09-135958-hosted-community-event"


def one_error(result) -> str:
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.splitlines()
    assert "Possible options" not in line
    return line


@pytest.mark.parametrize(
    ("option", "value"),
    [("--size", "4"), ("--count", "4"), ("--rounds", "2"), ("--balance", "team")],
)
def test_run_with_an_option_of_groups_gives_the_groups_command_that_makes_the_rooms(
    cli, tmp_path, option, value
):
    people = tmp_path / "people.csv"
    rows = [f"Person {n},p{n}@example.org,{'red' if n % 2 else 'blue'}" for n in range(12)]
    people.write_text("name,email,team\n" + "\n".join(rows) + "\n", encoding="utf-8")
    line = one_error(cli("run", "1-2-4-all", "--attendees", str(people), option, value))
    assert line.startswith(
        f"Error: No such option: {option}; {option} {value} is for liftkit groups"
    )
    commands = re.findall(r"`(liftkit [^`]*)`", line)
    assert len(commands) == 2 and commands[1] == "liftkit run AGENDA --groups rooms.json"
    # the command given makes the rooms the run then takes
    words = shlex.split(commands[0])
    assert words[1:3] == ["groups", str(people)] and option in words
    made = cli(*[w if w != "rooms.json" else str(tmp_path / "rooms.json") for w in words[1:]])
    assert made.exit_code == 0, made.output
    assert json.loads((tmp_path / "rooms.json").read_text())["rounds"]


@pytest.mark.parametrize(
    ("command", "option", "said"),
    [
        (("run", "1-2-4-all"), "--speed", "to run the clock faster, use --rehearse FACTOR"),
        (("run", "1-2-4-all"), "--json", "run prints no JSON"),
        (("export", str(HOSTED)), "--out", "write the pack with -o FILE"),
        (("export", str(HOSTED)), "--json", "use --format json"),
        (("agenda", "show", "1-2-4-all"), "--format", "use --json for JSON"),
        (("resume", "latest"), "--rehearse", "the rehearsal factor carries over from the run"),
        (("resume", str(HOSTED)), "--speed", "the rehearsal factor carries over from the run"),
    ],
)
def test_an_option_of_another_tool_says_the_one_meant(cli, command, option, said):
    value = () if option == "--json" else ("60",)
    line = one_error(cli(*command, option, *value))
    assert line.startswith(f"Error: No such option: {option}; {said}")


def test_export_groups_given_a_file_says_it_goes_to_groups_file(cli, tmp_path):
    rooms = tmp_path / "rooms.json"
    made = cli(
        "groups", str(HOSTED / "attendees.csv"), "--size", "4", "-f", "json", "-o", str(rooms)
    )
    assert made.exit_code == 0, made.output
    line = one_error(cli("export", str(HOSTED), "--groups", str(rooms)))
    assert line.startswith(
        f"Error: --groups {rooms}: --groups is a switch here (it puts the session's groups in "
        f"the pack); give the file with --groups-file {rooms}"
    )
    done = cli("export", str(HOSTED), "--groups-file", str(rooms))
    assert done.exit_code == 0, done.output
