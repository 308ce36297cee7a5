"""The event pack's room lists (`export --groups` / `--groups-file`) mark facilitators as
`liftkit groups` marks them, and name no one under --anonymous."""

import json
import re
from datetime import UTC, datetime

import pytest
from test_export_cli import HOSTED, make_session, write

PEOPLE = [
    "Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson",
    "Charles Babbage", "Mary Somerville", "Edsger Dijkstra", "Barbara Liskov",
]  # fmt: skip
LEADS = ["Ada Lovelace", "Grace Hopper"]
SPLIT = ["--size", "4", "--rounds", "2", "--seed", "3"]
SPLIT += [arg for lead in LEADS for arg in ("--facilitator", lead)]


@pytest.fixture
def plan(cli, tmp_path):
    """A two-round plan with a facilitator in each room, as `liftkit groups` writes it."""
    people = write(tmp_path / "people.csv", "name\n" + "\n".join(PEOPLE) + "\n")
    made = cli("groups", str(people), *SPLIT, "-f", "json", "-o", str(tmp_path / "plan.json"))
    assert made.exit_code == 0, made.output
    marked = cli("groups", str(people), *SPLIT, "-f", "md").stdout
    assert "- Ada Lovelace (facilitator)" in marked  # the mark the pack should use too
    return tmp_path / "plan.json"


def rooms_in(plan):
    """(round, room, members, facilitators) as the plan file has them."""
    data = json.loads(plan.read_text())
    return [
        (
            r["round"],
            g["name"],
            [m["name"] for m in g["members"]],
            [m["name"] for m in g["members"] if m.get("facilitator")],
        )
        for r in data["rounds"]
        for g in r["groups"]
    ]


def test_the_packs_rooms_mark_their_facilitators(cli, plan):
    rooms = rooms_in(plan)
    assert len(rooms) == 4 and all(len(leads) == 1 for *_, leads in rooms)  # one in each room
    markdown = cli("export", str(HOSTED), "--groups-file", str(plan)).stdout
    block = markdown[markdown.index("### Breakout groups") :]
    html = cli("export", str(HOSTED), "--groups-file", str(plan), "-f", "html").stdout
    for _, name, members, leads in rooms:
        listed = "; ".join(m + " (facilitator)" * (m in leads) for m in members)
        assert f"- **{name}:** {listed}" in block
        assert f"<li><strong>{name}:</strong> {listed}</li>" in html
    assert block.count("(facilitator)") == html.count("(facilitator)") == 4
    data = json.loads(cli("export", str(HOSTED), "--groups-file", str(plan), "-f", "json").stdout)
    shown = [
        (r["round"], g["name"], g["members"], g["facilitators"])
        for s in data["groups"]
        for r in s["rounds"]
        for g in r["groups"]
    ]
    assert shown == rooms  # members stay names; the facilitators among them are named apart


def test_the_rooms_of_the_session_folder_mark_them_too(cli, plan, tmp_path):
    folder = make_session(tmp_path / "s", datetime(2026, 3, 9, 10, tzinfo=UTC))
    (folder / "groups.json").write_text(plan.read_text())
    block = cli("export", str(folder), "--groups").stdout
    assert sorted(re.findall(r"(\w[\w ]*) \(facilitator\)", block)) == sorted(LEADS * 2)


def test_anonymous_rooms_name_no_facilitator(cli, plan):
    markdown = cli("export", str(HOSTED), "--groups-file", str(plan), "--anonymous").stdout
    block = markdown[markdown.index("### Breakout groups") :]
    assert "- Room 1: 4 people" in block and "facilitator" not in block
    assert not any(name in markdown for name in PEOPLE)
    data = json.loads(
        cli("export", str(HOSTED), "--groups-file", str(plan), "-f", "json", "--anonymous").stdout
    )
    rooms = [g for s in data["groups"] for r in s["rounds"] for g in r["groups"]]
    assert all(g["members"] is None and g["facilitators"] is None for g in rooms)
    assert [g["size"] for g in rooms] == [4, 4, 4, 4]


# People known only by an address or a dial-in number, as a list of addresses gives them.
BY_CONTACT = [
    "Ada Lovelace <ada@home.example>", "grace.hopper@navy.example", "+44 7700 900123",
    "Alan Turing", "Katherine Johnson", "Mary Jackson",
]  # fmt: skip


def test_no_address_or_number_is_published_as_a_room_member(cli, tmp_path):
    # A room was published as "grace.hopper@navy.example; +44 7700 900123; Katherine
    # Johnson", without a word, where the docs promise no email in a published pack.
    people = write(tmp_path / "ppl.txt", "\n".join(BY_CONTACT) + "\n")
    plan = tmp_path / "g.json"
    made = cli("groups", str(people), "--size", "3", "--seed", "1", "-f", "json", "-o", str(plan))
    assert made.exit_code == 0, made.output
    members = [m for _, _, names, _ in rooms_in(plan) for m in names]
    contact = [m for m in members if "@" in m or m.startswith("+")]
    assert sorted(contact) == sorted(BY_CONTACT[1:3])  # the groups file keeps them as given
    packs = {
        form: cli("export", str(HOSTED), "--groups-file", str(plan), "-f", form)
        for form in ("md", "html", "json")
    }
    for form, result in packs.items():
        assert result.exit_code == 0, result.output
        for name in contact:
            assert name not in result.stdout, form
        assert "home.example" not in result.stdout and "navy.example" not in result.stdout
        assert "900123" not in result.stdout, form
    markdown = packs["md"].stdout
    block = markdown[markdown.index("### Breakout groups") :]
    listed = re.findall(r"^- \*\*Room \d:\*\* (.+)$", block, re.MULTILINE)
    shown = sorted(m for room in listed for m in room.split("; "))
    # as the screen shared with the call shows them
    cut = {"grace.hopper@navy.example": "grace.hopper@…", "+44 7700 900123": "phone ending 0123"}
    assert shown == sorted(cut.get(m, m) for m in members)
    data = json.loads(packs["json"].stdout)
    rooms = [g for s in data["groups"] for r in s["rounds"] for g in r["groups"]]
    assert sorted(m for g in rooms for m in g["members"]) == shown
    warned = [line for line in packs["md"].stderr.splitlines() if "rooms list" in line]
    assert warned == [
        "Warning: the rooms list 2 people known only by an email address or phone number, "
        "shown as 'grace.hopper@…' and 'phone ending 0123' (no address or number is "
        "published); to name them, give their names in the list the groups were made from"
    ]
    anonymous = cli("export", str(HOSTED), "--groups-file", str(plan), "--anonymous")
    assert "rooms list" not in anonymous.stderr  # no member is listed: nothing to say
