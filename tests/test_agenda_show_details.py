"""`liftkit agenda show`: warnings, silence, auto-advance and polls, in the table and in JSON."""

import json
import re

from liftkit.core.agenda.model import load_agenda

AGENDA = """
title = "Details"

[[segments]]
title = "Arrive"
duration = "5m"
warn = ["2m", "30s"]
[[segments.polls]]
question = "Been before?"
options = ["Yes", "No"]
[[segments.polls]]
question = "Score it"
options = ["1", "2", "3"]
kind = "score"

[[segments]]
title = "Quiet"
duration = "3m"
silence = "45s"
auto_advance = true
warn = []
"""


def test_the_table_shows_warnings_silence_and_polls(cli, tmp_path):
    (tmp_path / "a.toml").write_text(AGENDA)
    result = cli("agenda", "show", str(tmp_path / "a.toml"))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    arrive = next(line for line in lines if "Arrive" in line)
    assert "2m, 30s" in arrive
    quiet = next(line for line in lines if "Quiet" in line)
    assert quiet.split()[5] == "-"  # no warnings: said, not left blank
    after_quiet = "\n".join(lines[lines.index(quiet) :])
    assert "45s of silence first" in after_quiet and "moves on by itself" in after_quiet
    assert "poll: Been before? [Yes / No]" in result.stdout
    assert "poll: Score it [1 / 2 / 3]" in result.stdout


def test_json_gives_each_segments_warnings_silence_and_polls(cli, tmp_path):
    (tmp_path / "a.toml").write_text(AGENDA)
    result = cli("agenda", "show", str(tmp_path / "a.toml"), "--json")
    assert result.exit_code == 0, result.output
    segments = json.loads(result.stdout)["segments"]
    agenda = load_agenda(tmp_path / "a.toml")
    for shown, segment in zip(segments, agenda.segments, strict=True):
        assert shown["warn_seconds"] == list(segment.warn)
        assert shown["silence_seconds"] == segment.silence
        assert shown["auto_advance"] == segment.auto_advance
        assert [(p["question"], p["options"], p["kind"]) for p in shown["polls"]] == [
            (p.question, list(p.options), p.kind) for p in segment.polls
        ]
    assert segments[0]["warn"] == ["2m", "30s"] and segments[0]["silence"] is None
    assert segments[1]["silence"] == "45s" and segments[1]["warn"] == []


ROOMS = """
title = "Rooms"

[[segments]]
title = "Trios"
duration = "5m"
kind = "breakout"
group_size = 3
min_group_size = 3
rounds = 2

[[segments]]
title = "Six tables"
duration = "5m"
kind = "breakout"
groups = 6

[[segments]]
title = "Unsaid"
duration = "5m"
kind = "breakout"

[[segments]]
title = "All"
duration = "5m"
"""


def test_the_table_and_json_say_how_each_breakout_splits_the_room(cli, tmp_path):
    (tmp_path / "a.toml").write_text(ROOMS)
    result = cli("agenda", "show", str(tmp_path / "a.toml"))
    assert result.exit_code == 0, result.output
    assert "rooms of 3, none smaller than 3, 2 rounds" in result.stdout
    assert "6 rooms" in result.stdout
    assert "rooms of 4 (the default)" in result.stdout
    assert result.stdout.count("rooms") == 3  # nothing said of the segment that is no breakout
    shown = json.loads(cli("agenda", "show", str(tmp_path / "a.toml"), "--json").stdout)
    keys = ("group_size", "min_group_size", "groups", "rounds")
    assert [[s[k] for k in keys] for s in shown["segments"]] == [
        [3, 3, None, 2],
        [None, None, 6, 1],
        [None, None, None, 1],
        [None, None, None, None],
    ]


OVERNIGHT = """
title = "Hackathon"
description = "Build through the night, demos in the morning."

[[segments]]
title = "Build"
duration = "20h"

[[segments]]
title = "Demos"
duration = "6h"
"""


def test_clock_times_past_midnight_say_the_day_in_the_table_and_json(cli, tmp_path):
    (tmp_path / "a.toml").write_text(OVERNIGHT)
    result = cli("agenda", "show", str(tmp_path / "a.toml"), "--start", "14:00")
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.stdout.splitlines() if line.strip()]
    assert ["1", "14:00", "10:00", "+1", "day", "20h", "other", "1m", "Build"] in rows
    assert ["2", "10:00", "+1", "day", "16:00", "+1", "day", "6h", "other", "1m", "Demos"] in rows
    assert ["14:00", "16:00", "+1", "day", "26h", "total"] in rows
    shown = json.loads(cli("agenda", "show", str(tmp_path / "a.toml"), "--start", "14:00",
                           "--json").stdout)  # fmt: skip
    assert (shown["start"], shown["end"]) == ("14:00", "16:00 +1 day")
    assert [(s["start"], s["end"]) for s in shown["segments"]] == [
        ("14:00", "10:00 +1 day"),
        ("10:00 +1 day", "16:00 +1 day"),
    ]


def test_json_gives_the_description_the_table_shows(cli, tmp_path):
    (tmp_path / "a.toml").write_text(OVERNIGHT)
    table = cli("agenda", "show", str(tmp_path / "a.toml")).stdout
    assert "Build through the night, demos in the morning." in table
    shown = json.loads(cli("agenda", "show", str(tmp_path / "a.toml"), "--json").stdout)
    assert shown["description"] == "Build through the night, demos in the morning."
    assert list(shown)[:2] == ["title", "description"]


def test_a_long_word_in_the_segment_column_goes_on_not_cut(cli, tmp_path):
    # A Japanese poll option (no spaces) ended in "…" at 80 columns, where an English one as
    # long was wrapped whole.
    option = "新しい視点と地域のつながりを大切にすることと仲間との学び合い"
    (tmp_path / "a.toml").write_text(
        AGENDA.replace('options = ["Yes", "No"]', f'options = ["{option}", "No"]')
    )
    result = cli("agenda", "show", str(tmp_path / "a.toml"))
    assert result.exit_code == 0, result.output
    assert "…" not in result.stdout
    column = "".join(line.strip() for line in result.stdout.splitlines())
    assert option in column


CAFE_ROUNDS = """
title = "Café"

[[segments]]
title = "Café rounds"
duration = "32m"
kind = "breakout"
groups = 10
rounds = 4

[[segments]]
title = "Quick swaps"
duration = "5m"
kind = "breakout"
group_size = 2
rounds = 7
"""


def test_a_breakout_of_several_rounds_says_how_long_each_round_is(cli, tmp_path):
    # A café host plans by the round: "10 rooms, 4 rounds" left them to divide 32m by 4
    (tmp_path / "a.toml").write_text(CAFE_ROUNDS)
    result = cli("agenda", "show", str(tmp_path / "a.toml"))
    assert result.exit_code == 0, result.output
    said = re.findall(r"(\d+) rounds of (about )?(?:(\d+)m)? ?(?:(\d+)s)?", result.stdout)
    lengths = [(int(n), int(m or 0) * 60 + int(s or 0), bool(about)) for n, about, m, s in said]
    planned = [(4, 32 * 60), (7, 5 * 60)]
    assert [(n, length) for n, length, _ in lengths] == [(n, round(t / n)) for n, t in planned]
    assert [about for *_, about in lengths] == [t % n != 0 for n, t in planned]  # 300 / 7
    assert "10 rooms, 4 rounds of 8m" in result.stdout
