"""Table hosts (facilitators) who stay at their table, through the real command line.

With more facilitators than groups (8 table hosts, 6 tables), a host alone at a table moved
rooms between rounds (Room 6, then Room 5, then Room 3) and nothing said so; now the first
facilitator of each room stays there every round, the others move, and a note says so."""

import json


def hosts_csv(tmp_path, hosts):
    """30 people, `hosts` of them with the role "Table host", spread through the list."""
    path = tmp_path / f"p{hosts}.csv"
    rows = ["Name,Role"]
    step = 30 // hosts
    for i in range(30):
        role = "Table host" if i % step == 0 and i // step < hosts else ""
        rows.append(f"Person {i + 1:02d},{role}")
    path.write_text("\n".join(rows) + "\n")
    return path


def test_the_first_table_host_of_each_room_keeps_it_every_round(cli, tmp_path):
    people = hosts_csv(tmp_path, 8)
    for seed in ("1", "2", "3", "4"):
        result = cli("groups", str(people), "--count", "6", "--rounds", "4", "--seed", seed,
                     "--format", "json")  # fmt: skip
        assert result.exit_code == 0, result.output
        rounds = json.loads(result.stdout)["rounds"]
        hosted = [
            {g["name"]: [m["name"] for m in g["members"] if m.get("facilitator")]
             for g in r["groups"]}
            for r in rounds
        ]  # fmt: skip
        first = {room: names[0] for room, names in hosted[0].items()}
        assert len(first) == 6 and len(set(first.values())) == 6
        hosts = {name for rooms in hosted for names in rooms.values() for name in names}
        assert len(hosts) == 8
        for r, rooms in enumerate(hosted):
            assert sorted(len(names) for names in rooms.values()) == [1, 1, 1, 1, 2, 2]
            for room, host in first.items():
                assert rooms[room][0] == host, (seed, r + 1, room, rooms)
        assert (
            "8 facilitators for 6 groups: the first in each room stays there in every round; "
            "the other 2 move between rooms" in result.stderr
        )
