"""The host's own words from a script: the starter narrative `liftkit export --new-narrative`
writes is `render_narrative`, and the errors of a `narrative` name what the library has."""

from pathlib import Path

import pytest

import liftkit

DATA = Path(__file__).resolve().parent / "data"
COMMUNITY = DATA / "sessions" / "2026-03-10-122958-community-conversation"


def test_an_agenda_given_as_the_narrative_points_to_render_narrative(tmp_path, cli):
    # The hint said "`new_narrative`=path writes one to start from", and build_report has
    # no `new_narrative`: a script that followed it got a TypeError
    agenda = tmp_path / "retro.toml"
    agenda.write_text(liftkit.render_agenda(liftkit.load_agenda("community-conversation")))
    with pytest.raises(liftkit.LiftkitError) as caught:
        liftkit.build_report(COMMUNITY, narrative=agenda)
    error = caught.value
    assert error.message.startswith(f"{agenda}: looks like an agenda")
    assert "render_narrative(build_report(...)) gives one to start from" in error.hint
    assert "new_narrative" not in f"{error.message} {error.hint}"
    assert error.fields == ("narrative",)
    # What the hint names is there, writes what the command line writes, and reads back
    starter = liftkit.render_narrative(liftkit.build_report(COMMUNITY))
    written = tmp_path / "words.md"
    said = cli("export", str(COMMUNITY), "--new-narrative", str(written))
    assert said.exit_code == 0, said.output
    assert starter == written.read_text(encoding="utf-8")
    headings = [line[3:] for line in starter.splitlines() if line.startswith("## ")]
    assert len(headings) >= len(liftkit.load_agenda("community-conversation").segments)
    mine = tmp_path / "mine.md"
    mine.write_text(starter.replace("## Opening\n", "## Opening\n\nWe met to talk.\n", 1))
    pack = liftkit.render_markdown(liftkit.build_report(COMMUNITY, narrative=mine))
    assert "We met to talk." in pack
    assert "<!--" not in pack


def test_render_narrative_refuses_what_is_not_a_report():
    with pytest.raises(liftkit.LiftkitError) as caught:
        liftkit.render_narrative("words.md")  # type: ignore[arg-type]
    assert caught.value.fields == ("report",)
