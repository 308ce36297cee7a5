"""Groups in files: the JSON schema, Zoom's CSV, CSV, Markdown, TOML, and reading back."""

import csv
import io
import json
import random
import tomllib

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from liftkit.core.errors import LiftkitError
from liftkit.core.groups.formats import (
    ZOOM_HEADER,
    load_groups_file,
    parse_groups,
    to_csv,
    to_json,
    to_markdown,
    to_toml,
    to_zoom,
)
from liftkit.core.groups.split import (
    Group,
    Round,
    Split,
    SplitRequest,
    score_rounds,
    split_into_groups,
)
from liftkit.core.people.reader import Person
from liftkit.core.report import one_line


def sample_split(n=9, rounds=2, seed=42, **kwargs):
    people = [
        Person(f"Person {i}", None if i == 3 else f"p{i}@example.org", {"sector": "ab"[i % 2]})
        for i in range(n)
    ]
    request = SplitRequest(size=kwargs.pop("size", 3), rounds=rounds, **kwargs)
    return split_into_groups(people, request, random.Random(seed), seed=seed)


def test_json_has_the_keys_scripts_rely_on():
    data = json.loads(to_json(sample_split()))
    assert data["seed"] == 42
    assert [r["round"] for r in data["rounds"]] == [1, 2]
    group = data["rounds"][0]["groups"][0]
    assert group["name"] == "Room 1"
    member = group["members"][0]
    assert set(member) >= {"name", "email"}
    assert data["score"]["repeat_pairs"] == 0
    everyone = [m["name"] for g in data["rounds"][1]["groups"] for m in g["members"]]
    assert sorted(everyone) == sorted(f"Person {i}" for i in range(9))
    no_email = next(
        m for g in data["rounds"][0]["groups"] for m in g["members"] if m["name"] == "Person 3"
    )
    assert no_email["email"] is None


def test_zoom_csv_header_byte_for_byte_and_one_row_per_participant_with_email():
    text, missing = to_zoom(sample_split())
    assert text.encode("utf-8").startswith(b"Pre-assign Room Name,Email Address\n")
    assert ZOOM_HEADER == "Pre-assign Room Name,Email Address"
    rows = list(csv.reader(io.StringIO(text)))[1:]
    assert len(rows) == 8  # Person 3 has no email
    assert {room for room, _ in rows} == {"Room 1", "Room 2", "Room 3"}
    assert [person.name for _, person in missing] == ["Person 3"]


def test_zoom_writes_the_round_asked_for():
    split = sample_split()
    second = {m.email: g.name for g in split.rounds[1].groups for m in g.members if m.email}
    text, _ = to_zoom(split, 2)
    rows = list(csv.reader(io.StringIO(text)))[1:]
    assert {email: room for room, email in rows} == second
    with pytest.raises(LiftkitError, match="rounds 1 to 2"):
        to_zoom(split, 3)


def test_zoom_limits_are_named():
    rooms = sample_split(n=202, rounds=1, size=2)
    with pytest.raises(LiftkitError, match="at most 100 breakout rooms"):
        to_zoom(rooms)
    crowd = sample_split(n=1002, rounds=1, size=20)
    with pytest.raises(LiftkitError, match="at most 1000"):
        to_zoom(crowd)


def test_csv_lists_round_group_name_email_and_attributes():
    rows = list(csv.DictReader(io.StringIO(to_csv(sample_split()))))
    assert list(rows[0]) == ["round", "group", "name", "email", "sector"]
    assert len(rows) == 18
    assert {r["round"] for r in rows} == {"1", "2"}
    person = next(r for r in rows if r["name"] == "Person 4")
    assert person["sector"] == "a" and person["email"] == "p4@example.org"


def test_csv_marks_facilitators():
    rows = list(
        csv.DictReader(io.StringIO(to_csv(sample_split(facilitators=("Person 0", "Person 1")))))
    )
    assert {r["name"] for r in rows if r["facilitator"] == "yes"} == {"Person 0", "Person 1"}


def test_markdown_has_rounds_rooms_members_and_score():
    text = to_markdown(sample_split(facilitators=("Person 0",)))
    assert text.startswith("# Breakout groups\n")
    assert "## Round 2" in text
    assert "### Room 1 (3)" in text
    assert "- Person 0 (facilitator)" in text
    assert "- repeat pairs: 0" in text
    assert "seed 42" in text


def test_markdown_escapes_names():
    people = [Person("*Bold* <b>"), Person("Plain")]
    text = to_markdown(split_into_groups(people, SplitRequest(), random.Random(1)))
    assert "- \\*Bold\\* &lt;b>" in text


MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
tricky = st.text(
    st.sampled_from(list("#>|`*_-+=:.)1234567890[]()<>!&;~$\\ \t\n\"'aAé😀\u00a0\u2028"))
    | st.characters(),
    min_size=1,
    max_size=30,
)


def blocks(markdown):
    return [(t.type, t.tag) for t in MD.parse(markdown) if t.type != "inline"]


def shown_texts(markdown):
    """The text of every heading and list item as a reader sees it, or an error when any of
    them holds markup (emphasis, a link, code, HTML...)."""
    shown = []
    for token in MD.parse(markdown):
        if token.type == "inline":
            for child in token.children:
                assert child.type == "text", (child.type, markdown)
            shown.append("".join(child.content for child in token.children))
    return shown


def hand_made_split(rooms, names):
    """Rooms named `rooms`, the people `names` dealt over them, the first of each leading."""
    people = [Person(name, None) for name in names]
    groups = [
        Group(room, tuple(people[g :: len(rooms)]), tuple(people[g :: len(rooms)][:1]))
        for g, room in enumerate(rooms)
    ]
    rounds = [Round(1, tuple(groups))]
    return Split(tuple(rounds), score_rounds(rounds), 7, (), {"people": len(people)})


@settings(max_examples=300, deadline=None)
@given(
    st.lists(tricky, min_size=1, max_size=3), st.lists(tricky, min_size=3, max_size=8, unique=True)
)
def test_any_names_and_room_names_show_verbatim_and_add_no_structure(rooms, names):
    assume(all(one_line(text) for text in rooms + names))
    markdown = to_markdown(hand_made_split(rooms, names))
    plain = to_markdown(
        hand_made_split(
            [f"Room {i}" for i in range(len(rooms))], [f"P{i}" for i in range(len(names))]
        )
    )
    assert blocks(markdown) == blocks(plain)
    groups = "1 group" if len(rooms) == 1 else f"{len(rooms)} groups"
    expected = ["Breakout groups", f"{len(names)} people in {groups}, 1 round, seed 7."]
    for g, room in enumerate(rooms):
        members = names[g :: len(rooms)]
        expected.append(f"{one_line(room)} ({len(members)})")
        expected += [
            one_line(name) + (" (facilitator)" if not i else "") for i, name in enumerate(members)
        ]
    shown = shown_texts(markdown)
    assert shown[: len(expected)] == expected


@pytest.mark.parametrize("name", ["1. Alan", "- X", "+ X", "> X", "# X", "2) Y", "***", "<b>x</b>"])
def test_names_that_look_like_markdown_stay_names(name):
    markdown = to_markdown(hand_made_split(["Room 1"], [name, "Plain"]))
    assert blocks(markdown) == blocks(to_markdown(hand_made_split(["Room 1"], ["A", "B"])))
    assert shown_texts(markdown)[3] == name + " (facilitator)"


def test_toml_and_json_read_back_to_the_same_groups(tmp_path):
    split = sample_split(facilitators=("Person 2",))
    for name, text in (("g.json", to_json(split)), ("g.toml", to_toml(split))):
        path = tmp_path / name
        path.write_text(text)
        loaded = load_groups_file(path)
        assert loaded.seed == 42
        assert [[[m.name for m in g.members] for g in r.groups] for r in loaded.rounds] == [
            [[m.name for m in g.members] for g in r.groups] for r in split.rounds
        ]
        assert loaded.rounds[0].groups[0].members[0].attributes == {"sector": "a"}
        assert any(g.facilitators for g in loaded.rounds[0].groups)
        assert loaded.score.repeat_pairs == 0
    assert tomllib.loads(to_toml(split))["rounds"][0]["round"] == 1


def test_a_hand_written_toml_groups_file_is_read():
    text = """
[[rounds]]
[[rounds.groups]]
name = "Garden"
members = ["Ada Lovelace", { name = "Grace Hopper", email = "grace@example.org" }]
"""
    split = parse_groups(text, "mine.toml")
    group = split.rounds[0].groups[0]
    assert group.name == "Garden"
    assert [m.name for m in group.members] == ["Ada Lovelace", "Grace Hopper"]
    assert split.seed is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "line 1: not valid JSON"),
        ("[[x]", "not valid JSON"),
        ("{}", "rounds: missing or empty"),
        ('{"rounds": [{"groups": []}]}', "rounds[0].groups: missing or empty"),
        ('{"rounds": [{"groups": [{"name": "R"}]}]}', "rounds[0].groups[0].members: missing"),
        (
            '{"rounds": [{"groups": [{"members": "Ada"}]}]}',
            'rounds[0].groups[0].members: expected a list, e.g. ["Ada", "Grace"]',
        ),
        (
            '{"rounds": [{"groups": {"members": ["Ada"]}}]}',
            "rounds[0].groups: expected a list of rooms",
        ),
        ('{"rounds": [{"groups": [{"members": [{"email": "x"}]}]}]}', "members[0].name"),
        ('{"seed": "x", "rounds": []}', "rounds: missing"),
        (
            '{"rounds": [{"groups": [{"members": ["Ada"]}, {"members": ["ada"]}]}]}',
            "round 1: Ada is in both Room 1 and Room 2",
        ),
        (  # was "in both Room 1 and Room 1"
            '{"rounds": [{"groups": [{"name": "Room 1", "members": ["Ada", "Bo", "Ada"]}]}]}',
            "round 1: Ada is in Room 1 twice",
        ),
    ],
)
def test_bad_groups_files_name_the_place(text, message):
    with pytest.raises(LiftkitError) as caught:
        parse_groups(text, "groups.json")
    assert message in caught.value.message
    assert caught.value.message.startswith("groups.json: ")


def test_groups_file_not_found_or_binary(tmp_path):
    with pytest.raises(LiftkitError, match="no such file"):
        load_groups_file(tmp_path / "none.json")
    binary = tmp_path / "b.json"
    binary.write_bytes(b"\xff\xfe\x00\x81")
    with pytest.raises(LiftkitError, match="not a text file"):
        load_groups_file(binary)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_reading_any_text_gives_groups_or_our_error(text):
    try:
        split = parse_groups(text, "x.toml")
    except LiftkitError:
        return
    assert split.rounds
