"""AI note-taking bots in a participant list get no room, as the host sees it through
`liftkit groups`: a room of two with a bot is a person alone."""

import json
from pathlib import Path

PATH = Path(__file__).parent / "data" / "people" / "zoom-participants-note-bots.csv"
BOTS = ["Otter.ai", "Read.ai meeting notes", "Femi's Fathom Notetaker"]


def test_note_taking_bots_get_no_room_and_a_note_names_them(cli):
    # Otter.ai was put in a room of two with Ian Patel, who was then alone with a bot.
    result = cli("groups", str(PATH), "--size", "2", "--seed", "1", "-f", "json")
    assert result.exit_code == 0, result.output
    rooms = json.loads(result.stdout)["rounds"][0]["groups"]
    names = sorted(m["name"] for g in rooms for m in g["members"])
    # the host has no room; "Grace Otter" is a person, whatever her name holds
    assert names == ["Femi Mensah", "Grace Otter", "Ian Patel", "Rosa Silva"]
    said = " ".join(result.stderr.split())
    assert (
        f"{PATH}: left out 3 note-taking bots: Otter.ai; Read.ai meeting notes; Femi's Fathom "
        "Notetaker (a bot needs no room; if one is a person, rename their row in the list)"
    ) in said


BOT_NAMES = [
    "Fireflies.ai Notetaker Bruno", "Janice's Fireflies.ai Notetaker", "Fred from Fireflies.ai",
    "tl;dv Notetaker", "Rahil's MeetGeek Notetaker", "Notes by Gemini", "sw's Otter.ai",
    "Jumanzi's Notetaker", "Otter AI",
]  # fmt: skip
PEOPLE = ["Grace Otter", "Sam Fathom", "Sarah (Notes)", "Sam (notetaker)", "Jo Read", "Gong Ai"]


def test_the_names_bots_show_are_left_out_and_people_who_only_look_like_them_stay(cli):
    # Names as bots show them in published participant lists; and people's names that hold a
    # bot's brand or a word for notes, who must keep their room.
    text = "Name\nAda Lovelace\nTim Lee\n" + "".join(f"{name}\n" for name in BOT_NAMES + PEOPLE)
    result = cli("groups", "-", "--size", "3", "--seed", "1", "-f", "json", input=text)
    assert result.exit_code == 0, result.output
    rooms = json.loads(result.stdout)["rounds"][0]["groups"]
    placed = sorted(m["name"] for g in rooms for m in g["members"])
    assert placed == sorted(["Ada Lovelace", "Tim Lee", *PEOPLE])
    assert f"left out {len(BOT_NAMES)} note-taking bots: " in " ".join(result.stderr.split())
    from liftkit.core.people.bots import is_bot

    assert [name for name in BOT_NAMES + PEOPLE if is_bot(name)] == BOT_NAMES


def test_a_list_of_bots_alone_is_refused(cli):
    result = cli("groups", "-", "--size", "2", input="Name\nOtter.ai\nNotes by Gemini\n")
    assert result.exit_code == 2
    assert "stdin: every name is a note-taking bot's (Otter.ai; Notes by Gemini)" in result.stderr
