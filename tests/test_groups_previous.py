"""`liftkit groups --previous`: late joiners placed as a host would, and a wrong file refused."""

import json

PREVIOUS = """
[[rounds]]
[[rounds.groups]]
name = "Room 1"
members = ["A1", "A2", "A3", "A4"]
[[rounds.groups]]
name = "Room 2"
members = ["B1", "B2", "B3", "B4"]
[[rounds.groups]]
name = "Room 3"
members = ["C1", "C2", "C3", "C4"]
"""
# A4 and B4 did not come; L1 (NHS) and L2 came late. Room 2 has no NHS, room 1 has one.
NOW = {
    "L1": "NHS", "A1": "NHS", "A2": "x", "A3": "y", "B1": "x", "B2": "y", "B3": "z",
    "C1": "NHS", "C2": "x", "C3": "y", "C4": "z", "L2": "z",
}  # fmt: skip


def rooms(result):
    data = json.loads(result.stdout)
    return {m["name"]: g["name"] for g in data["rounds"][0]["groups"] for m in g["members"]}


def write(tmp_path, people):
    previous = tmp_path / "previous.toml"
    previous.write_text(PREVIOUS)
    now = tmp_path / "now.csv"
    now.write_text("name,sector\n" + "".join(f"{n},{s}\n" for n, s in people.items()))
    return previous, now


def test_late_joiners_keep_the_balance_asked_for(cli, tmp_path):
    previous, now = write(tmp_path, NOW)
    for seed in ("1", "2", "3"):
        result = cli("groups", str(now), "--previous", str(previous), "--balance", "sector",
                     "--seed", seed, "-f", "json")  # fmt: skip
        assert result.exit_code == 0, result.output
        where = rooms(result)
        assert where["L1"] == "Room 2" and where["L2"] == "Room 1"
        # everyone else stays where they were
        assert all(where[n] == f"Room {'ABC'.index(n[0]) + 1}" for n in NOW if n[0] != "L")
        assert json.loads(result.stdout)["score"]["spread"] == {"sector": 0}


def test_late_joiners_are_placed_by_the_seed_not_by_their_place_in_the_file(cli, tmp_path):
    # Without a balance either room will do: which one is the seed's to say, not the file's.
    previous, now = write(tmp_path, {n: "any" for n in NOW})
    seen = set()
    for seed in range(1, 9):
        result = cli("groups", str(now), "--previous", str(previous), "--seed", str(seed),
                     "-f", "json")  # fmt: skip
        assert result.exit_code == 0, result.output
        seen.add(rooms(result)["L1"])
    assert seen == {"Room 1", "Room 2"}


def test_a_previous_split_of_another_list_is_refused(cli, tmp_path):
    previous, _ = write(tmp_path, NOW)
    other = tmp_path / "other.csv"
    other.write_text("name\n" + "".join(f"Other {i}\n" for i in range(12)))
    result = cli("groups", str(other), "--previous", str(previous))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --previous: nobody in it is in the attendee list")
    assert "(12 people there, none here)" in result.stderr


NINE = """
[[rounds]]
[[rounds.groups]]
name = "Room 1"
members = ["A1", "A2", "A3"]
[[rounds.groups]]
name = "Room 2"
members = ["B1", "B2", "B3"]
[[rounds.groups]]
name = "Room 3"
members = ["C1", "C2", "C3"]
"""


def joiner_rooms(cli, tmp_path, rows, *balance):
    previous = tmp_path / "previous.toml"
    previous.write_text(NINE)
    now = tmp_path / "now.csv"
    now.write_text("name,org,sector\n" + "".join(f"{n},{o},{s}\n" for n, o, s in rows))
    options = [part for column in balance for part in ("--balance", column)]
    for seed in range(1, 7):
        result = cli("groups", str(now), "--previous", str(previous), *options,
                     "--seed", str(seed), "-f", "json")  # fmt: skip
        assert result.exit_code == 0, result.output
        yield rooms(result)["L"], json.loads(result.stdout)["score"]["spread"]


def test_a_late_joiner_may_go_to_any_room_not_only_the_first_one_given_a_place(cli, tmp_path):
    # Three rooms of three and one joiner: any room may become the room of four. Room 1 has
    # the joiner's colleague, so the joiner goes to room 2 or 3 (before, always room 1).
    rows = [("A1", "Trust", "s"), ("L", "Trust", "s")]
    rows += [(n, f"org {n}", "s") for n in ("A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3")]
    for room, spread in joiner_rooms(cli, tmp_path, rows, "org"):
        assert room in ("Room 2", "Room 3") and spread == {"org": 1}


def test_a_late_joiner_follows_the_balanced_columns_in_the_order_given(cli, tmp_path):
    # org first: room 1 has a colleague (org), room 2 two people of the joiner's sector,
    # room 3 both. The org comes first, so room 2, where before the counts were added up
    # and room 1 (one alike) beat room 2 (two alike).
    rows = [("L", "Trust", "Health"), ("A1", "Trust", "Care"), ("A2", "o2", "Care")]
    rows += [("A3", "o3", "Care"), ("B1", "o4", "Health"), ("B2", "o5", "Health")]
    rows += [("B3", "o6", "Care"), ("C1", "Trust", "Health"), ("C2", "o7", "Health")]
    rows += [("C3", "o8", "Care")]
    for room, spread in joiner_rooms(cli, tmp_path, rows, "org", "sector"):
        assert room == "Room 2" and spread["org"] == 1


def test_many_late_joiners_to_a_large_list_take_a_moment(cli, tmp_path):
    # 3,000 people in fours, 300 of them new: each joiner weighed every room by summing
    # every room's size, 45 s for one round (20,000 people: over 20 minutes); now 0.3 s.
    import time

    first, now = tmp_path / "first.csv", tmp_path / "now.csv"
    first.write_text("name\n" + "".join(f"P{i}\n" for i in range(3000)))
    now.write_text("name\n" + "".join(f"P{i}\n" for i in range(300, 3300)))
    plan = tmp_path / "plan.json"
    assert cli("groups", str(first), "--size", "4", "--seed", "1", "-o", str(plan)).exit_code == 0
    start = time.monotonic()
    result = cli("groups", str(now), "--previous", str(plan), "--seed", "1", "-f", "json")
    assert result.exit_code == 0, result.output
    assert time.monotonic() - start < 10
    sizes = {len(g["members"]) for g in json.loads(result.stdout)["rounds"][0]["groups"]}
    assert sizes == {4}


def test_a_note_of_many_late_joiners_names_ten_and_counts_the_rest(cli, tmp_path):
    # 150 joiners made one note of about 4,000 characters.
    first = tmp_path / "first.csv"
    first.write_text("Name\n" + "".join(f"P{i}\n" for i in range(8)))
    later = tmp_path / "later.csv"
    later.write_text("Name\n" + "".join(f"P{i}\n" for i in range(8)) +
                     "".join(f"Late {i}\n" for i in range(30)))  # fmt: skip
    plan = tmp_path / "plan.json"
    assert cli("groups", str(first), "--seed", "1", "-o", str(plan)).exit_code == 0
    result = cli("groups", str(later), "--previous", str(plan), "--seed", "1", "-f", "json")
    assert result.exit_code == 0
    (note,) = [line for line in result.stderr.splitlines() if "late joiner" in line]
    assert note.startswith("Note: added 30 late joiners: ") and note.endswith("; and 20 more")
    assert note.count(";") == 10
    placed = {
        m["name"] for g in json.loads(result.stdout)["rounds"][0]["groups"] for m in g["members"]
    }
    assert {f"Late {i}" for i in range(30)} <= placed  # everyone in the output itself


def two_of_a_name(tmp_path, rounds):
    """An earlier plan of 12 in three rooms, with two people called Sam Lee (sam1 in Room 2,
    sam2 in Room 1, each round), and the list now, where sam1 is not."""
    people = [(f"P{i}", f"p{i}@x.org") for i in range(10)]
    people.insert(0, ("Sam Lee", "sam2@x.org"))
    people.insert(4, ("Sam Lee", "sam1@x.org"))
    groups = [
        {
            "name": f"Room {g + 1}",
            "members": [{"name": n, "email": e} for n, e in people[4 * g :][:4]],
        }
        for g in range(3)
    ]
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"rounds": [{"round": r, "groups": groups} for r in rounds]}))
    now = tmp_path / "now.csv"
    now.write_text("Name,Email\n" + "".join(f"{n},{e}\n" for n, e in people if e != "sam1@x.org"))
    return plan, now


def test_someone_who_left_is_a_no_show_though_another_of_their_name_stayed(cli, tmp_path):
    # Sam Lee <sam1@x.org> was taken for the other Sam Lee, still there: nobody was named as
    # a no-show, and sam2 was put in sam1's room.
    plan, now = two_of_a_name(tmp_path, [1])
    result = cli("groups", str(now), "--previous", str(plan), "--seed", "1", "-f", "json")
    assert result.exit_code == 0, result.output
    assert "Note: dropped 1 no-show: Sam Lee <sam1@x.org>" in result.stderr.splitlines()
    (room,) = [g for g in json.loads(result.stdout)["rounds"][0]["groups"]
               if any(m.get("email") == "sam2@x.org" for m in g["members"])]  # fmt: skip
    assert room["name"] == "Room 1"
    assert sorted(m["name"] for m in room["members"]) == ["P0", "P1", "P2", "Sam Lee"]


def test_an_attendee_list_given_as_the_earlier_split_is_named(cli, tmp_path):
    # Last week's attendee list given for --previous was refused as "not valid JSON or TOML:
    # Expected '=' after a key in a key/value pair (at line 1, column 5)".
    people = tmp_path / "week.csv"
    people.write_text(
        "Name,Email,Organisation\n" + "".join(f"P{i},p{i}@x.org,Org\n" for i in range(6))
    )
    result = cli("groups", str(people), "--size", "3", "--previous", str(people))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: {people}: a table whose header (Name, Email, Organisation) has no 'round' and "
        "'group' columns: an attendee list, not a split of rooms; give the JSON, TOML or CSV "
        "written by liftkit groups"
    ]


def test_groups_own_outputs_for_people_and_zoom_are_named_when_given_back(cli, tmp_path):
    # The Zoom file or the Markdown of rooms given as --previous (or run --groups) was
    # refused as "not valid JSON or TOML: Expected '=' after a key…"
    people = tmp_path / "people.txt"
    people.write_text("".join(f"P{i} <p{i}@x.org>\n" for i in range(8)))
    for fmt, what in (
        ("zoom", "a Zoom pre-assignment file, which holds emails but no names"),
        ("md", "the Markdown of rooms that liftkit groups writes for people"),
    ):
        out = tmp_path / f"rooms.{fmt}"
        made = cli("groups", str(people), "--size", "4", "--seed", "1", "-f", fmt, "-o", str(out))
        assert made.exit_code == 0, made.stderr
        again = cli("groups", str(people), "--previous", str(out), "--rounds", "2")
        assert again.exit_code == 2
        assert again.stderr.splitlines() == [
            f"Error: {out}: {what}; give the JSON, TOML or CSV written by liftkit groups"
        ]


def test_fewer_rounds_than_the_earlier_plan_say_which_are_left_out(cli, tmp_path):
    # A 3-round plan given back with --rounds 2 lost round 3 with only "Replaced plan.json"
    people = tmp_path / "people.csv"
    people.write_text("name\n" + "".join(f"P{i}\n" for i in range(1, 13)))
    plan = tmp_path / "plan.json"
    made = cli("groups", str(people), "--count", "3", "--rounds", "3", "--seed", "1",
               "-o", str(plan))  # fmt: skip
    assert made.exit_code == 0, made.output
    earlier = json.loads(plan.read_text())["rounds"]
    assert len(earlier) == 3
    for extra in ((), ("--held", "1")):
        result = cli("groups", str(people), "--count", "3", "--rounds", "2", "--seed", "1",
                     "--previous", str(plan), *extra, "-f", "json")  # fmt: skip
        assert result.exit_code == 0, result.output
        came = json.loads(result.stdout)["rounds"]
        assert [r["round"] for r in came] == [1, 2]
        assert came[0] == earlier[0]
        left = [r["round"] for r in earlier if r["round"] > len(came)]
        assert left == [3]
        assert (
            f"Note: --previous has {len(earlier)} rounds and --rounds asks for {len(came)}: "
            f"its round {left[0]} is left out; leave out --rounds to keep them all"
        ) in result.stderr
    # Asking for all of them (or more) leaves nothing out, and says nothing of it
    for rounds in ((), ("--rounds", "3"), ("--rounds", "4")):
        result = cli("groups", str(people), "--count", "3", "--seed", "1",
                     "--previous", str(plan), *rounds, "-f", "json")  # fmt: skip
        assert result.exit_code == 0, result.output
        assert "left out" not in result.stderr


def test_tickets_of_one_order_sharing_an_email_are_given_back_as_two_people(cli, tmp_path):
    # Eventbrite's tickets of one order carry the buyer's email; groups kept Maria and Juan as
    # two people, but the plan given back was refused ("Maria Lopez is in both Room 1 and
    # Room 2"), so a host could not carry on with a later round.
    people = tmp_path / "people.csv"
    people.write_text(
        "Name,Email,Ticket ID\nMaria Lopez,maria@x.org,T1\nJuan Lopez,maria@x.org,T2\n"
        + "".join(f"P{i},p{i}@x.org,T{i + 2}\n" for i in range(1, 7))
    )
    plan = tmp_path / "plan.json"
    made = cli("groups", str(people), "--size", "4", "--rounds", "2", "--seed", "2",
               "-o", str(plan))  # fmt: skip
    assert made.exit_code == 0, made.output
    earlier = json.loads(plan.read_text())["rounds"]
    room_of = [{m["name"]: g["name"] for g in r["groups"] for m in g["members"]} for r in earlier]
    assert any(rooms["Maria Lopez"] != rooms["Juan Lopez"] for rooms in room_of)
    result = cli("groups", str(people), "--previous", str(plan), "--rounds", "3",
                 "--seed", "2", "-f", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "late joiner" not in result.stderr and "no-show" not in result.stderr
    came = json.loads(result.stdout)["rounds"]
    assert came[:2] == earlier  # the rounds given back are kept as they were
    names = [sorted(m["name"] for g in r["groups"] for m in g["members"]) for r in came]
    assert names[2] == names[0] and names[0].count("Maria Lopez") == 1
