"""Table hosts (facilitators) who stay at their table, through the real command line.

With more facilitators than groups (8 table hosts, 6 tables), a host alone at a table moved
rooms between rounds (Room 6, then Room 5, then Room 3) and nothing said so; now the first
facilitator of each room stays there every round, the others move, and a note says so."""

import json
import os
import subprocess
import sys


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


def run_tables(tmp_path, people):
    """`liftkit run --plain` of a one-breakout agenda of 6 tables for 4 rounds (auto-advancing,
    at x120) in `tmp_path`; the process and the journal's groups event."""
    (tmp_path / "cafe.toml").write_text(
        'title = "Café"\n[[segments]]\ntitle = "Tables"\nduration = "4m"\nkind = "breakout"\n'
        "groups = 6\nrounds = 4\nauto_advance = true\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "LIFTKIT_SESSIONS"}
    proc = subprocess.run(
        [sys.executable, "-m", "liftkit", "run", "cafe.toml", "--attendees", str(people),
         "--plain", "--rehearse", "120", "--sessions", "s", "--seed", "5"],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    (folder,) = (tmp_path / "s").iterdir()
    events = [json.loads(x) for x in (folder / "journal.jsonl").read_text().splitlines()]
    return proc, next(e for e in events if e["type"] == "groups")


def test_run_tells_the_host_when_tables_lack_a_table_host(tmp_path):
    proc, groups = run_tables(tmp_path, hosts_csv(tmp_path, 4))
    assert proc.returncode == 0, proc.stderr
    rooms = groups["rounds"][0]["groups"]
    hosts = {m["name"] for g in rooms for m in g["members"] if m.get("facilitator")}
    bare = sum(not any(m.get("facilitator") for m in g["members"]) for g in rooms)
    assert (len(rooms), len(hosts)) == (6, 4)
    said = f"Note: {len(hosts)} facilitators for {len(rooms)} groups: {bare} groups have none"
    assert said in proc.stderr


def test_run_keeps_table_hosts_at_their_tables_and_says_so(tmp_path):
    proc, groups = run_tables(tmp_path, hosts_csv(tmp_path, 8))
    assert proc.returncode == 0, proc.stderr
    hosted = [
        {g["name"]: [m["name"] for m in g["members"] if m.get("facilitator")]
         for g in r["groups"]}
        for r in groups["rounds"]
    ]  # fmt: skip
    assert len(hosted) == 4
    first = {room: names[0] for room, names in hosted[0].items()}
    for rooms in hosted:
        assert {room: names[0] for room, names in rooms.items()} == first
    extra = sum(len(names) for names in hosted[0].values()) - len(first)
    assert (
        f"Note: {len(first) + extra} facilitators for {len(first)} groups: the first in each "
        f"room stays there in every round; the other {extra} move between rooms"
    ) in proc.stderr
