"""Kinds are read in any case, as units are ("5M"): `kind = "Breakout"` is a breakout, and
what liftkit shows and writes back is the lowercase kind."""

import dataclasses
import json
import subprocess
import sys

import pytest

import liftkit

LIFTKIT = [sys.executable, "-m", "liftkit"]

ROOMS = """\
title = "Team call"

[[segments]]
title = "Welcome"
duration = "5m"
kind = "WELCOME"

[[segments]]
title = "Rooms"
duration = "10m"
kind = "Breakout"
group_size = 3

[[segments.polls]]
question = "How useful? (1-3)"
options = [1, 2, 3]
kind = "Score"
"""


def test_a_kind_in_capitals_checks_ok_and_is_shown_and_written_in_lower_case(cli, tmp_path):
    (tmp_path / "team.toml").write_text(ROOMS, encoding="utf-8")
    checked = cli("agenda", "check", str(tmp_path / "team.toml"))
    assert checked.exit_code == 0, checked.stderr
    shown = cli("agenda", "show", str(tmp_path / "team.toml"), "--json")
    segments = json.loads(shown.stdout)["segments"]
    assert [s["kind"] for s in segments] == ["welcome", "breakout"]
    assert (segments[1]["group_size"], segments[1]["polls"][0]["kind"]) == (3, "score")
    written = cli("new", "-", "--from", str(tmp_path / "team.toml")).stdout
    assert 'kind = "breakout"' in written and 'kind = "score"' in written
    assert "Breakout" not in written and "WELCOME" not in written and '"Score"' not in written


def test_a_kind_in_capitals_runs_as_that_kind(tmp_path):
    (tmp_path / "team.toml").write_text(ROOMS, encoding="utf-8")
    (tmp_path / "people.txt").write_text("Ada\nBo\nCy\nDi\nEd\nFlo\n", encoding="utf-8")
    proc = subprocess.run(
        [*LIFTKIT, "run", "team.toml", "--sessions", "s", "--plain", "--attendees", "people.txt"],
        input="n\nq\ny\n",  # on to the rooms, then the host quits
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Groups made for 1 breakout segment" in proc.stderr
    assert "> 2/2 Rooms (breakout, 10m)" in proc.stdout


def test_a_script_s_kind_in_capitals_is_refused_by_render_agenda_as_it_would_not_read_back():
    """The file reads "Breakout" as "breakout": written as it is, a script's agenda would not
    load back the same, as render_agenda promises."""
    agenda = liftkit.parse_agenda(ROOMS)
    assert liftkit.parse_agenda(liftkit.render_agenda(agenda)) == agenda
    segments = list(agenda.segments)
    segments[1] = dataclasses.replace(segments[1], kind="Breakout")
    with pytest.raises(liftkit.AgendaError) as caught:
        liftkit.render_agenda(dataclasses.replace(agenda, segments=tuple(segments)))
    assert str(caught.value) == (
        "`agenda`: segment 2 \"Rooms\": \"kind\" 'Breakout': would read back as 'breakout'; "
        "give it in lower case"
    )
