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
