"""Files given where another kind was meant (an attendee list as the narrative, a chat log
as the agenda) are refused in one line that says what the file looks like and where it goes,
and nothing is written."""

import json
import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
HOSTED = DATA / "sessions" / "2026-03-09-135958-hosted-community-event"
PEOPLE = DATA / "people" / "duplicates.csv"
CHAT = DATA / "chat" / "zoom-two-line.txt"


def names_in(path: Path) -> list[str]:
    """The names of an attendee list's rows (its first column)."""
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return [row.split(",")[0] for row in rows if row.split(",")[0]]


def groups_file(folder: Path) -> Path:
    rooms = {"rounds": [{"groups": [["Ada", "Grace"], ["Alan", "Kath"]]}]}
    path = folder / "rooms.json"
    path.write_text(json.dumps(rooms), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("make", "looks", "goes"),
    [
        (lambda d: shutil.copy(PEOPLE, d / "people.csv"), "an attendee list (a table of "
         "name, email, team)", "an attendee list goes with --attendees"),
        # told by its text, whatever its name
        (lambda d: shutil.copy(PEOPLE, d / "words.md"), "an attendee list", "--attendees"),
        (lambda d: shutil.copy(CHAT, d / "chat.txt"), "a meeting's Zoom chat (two-line "
         "layout)", "a chat log goes with --chat"),
        (lambda d: shutil.copy(HOSTED / "journal.jsonl", d / "journal.jsonl"),
         "a liftkit journal", ""),
        (lambda d: shutil.copy(HOSTED / "agenda.toml", d / "call.toml"), "an agenda", ""),
        (groups_file, "a groups file", "a groups file goes with --groups-file"),
    ],
    ids=["attendee list", "attendee list named .md", "chat", "journal", "agenda", "groups"],
)  # fmt: skip
def test_a_file_that_is_no_narrative_is_refused_and_no_pack_written(
    cli, tmp_path, make, looks, goes
):
    given = Path(make(tmp_path))
    pack = tmp_path / "pack.md"
    result = cli("export", str(HOSTED), "--narrative", str(given), "-o", str(pack))
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Error: {given}: looks like {looks}")
    assert goes in lines[0] and "not a narrative" in lines[0]
    assert "--narrative takes your own words in Markdown or plain text" in lines[0]
    assert "--new-narrative FILE writes one to start from" in lines[0]
    assert not pack.exists()


def test_an_attendee_list_as_narrative_prints_none_of_its_people(cli, tmp_path):
    # `> pack.md`: the pack on standard output published every name and address
    given = shutil.copy(PEOPLE, tmp_path / "people.csv")
    result = cli("export", str(HOSTED), "--narrative", str(given))
    assert result.exit_code == 2 and result.stdout == ""
    names = names_in(PEOPLE)
    assert names and not [name for name in names if name in result.output]


def test_words_with_commas_on_every_line_are_still_a_narrative(cli, tmp_path):
    words = tmp_path / "words.txt"
    words.write_text(
        "We met, talked, and listened.\nAda, Grace and Alan hosted, as ever.\n"
        "Thanks, everyone, for coming.\n",
        encoding="utf-8",
    )
    result = cli("export", str(HOSTED), "--narrative", str(words))
    assert result.exit_code == 0, result.output
    assert "Ada, Grace and Alan hosted, as ever." in result.stdout


@pytest.mark.parametrize("command", [("run",), ("agenda", "check"), ("agenda", "show")])
def test_an_attendee_list_as_the_agenda_says_where_the_list_goes(cli, tmp_path, command):
    # it was "people.csv:1:5: TOML syntax error: a key is not followed by ="
    given = shutil.copy(PEOPLE, tmp_path / "people.csv")
    sessions = tmp_path / "sessions"
    extra = ("--sessions", str(sessions)) if command == ("run",) else ()
    result = cli(*command, str(given), *extra)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: {given}: looks like an attendee list (a table of name, email, team), not an "
        "agenda; give an agenda: a template name (`liftkit agenda list`) or a .toml file, and "
        f"the list with `liftkit run AGENDA --attendees {given}`"
    ]
    assert not sessions.exists()


@pytest.mark.parametrize("command", [("run",), ("agenda", "check")])
def test_a_chat_log_as_the_agenda_says_it_is_one(cli, tmp_path, command):
    given = shutil.copy(CHAT, tmp_path / "chat.txt")
    result = cli(*command, str(given))
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(
        f"Error: {given}: looks like a meeting's Zoom chat (two-line layout), not an agenda; "
    )
    assert line.endswith(
        f"a chat log goes into the event pack: `liftkit export SESSION --chat {given}`"
    )
