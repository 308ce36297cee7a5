"""The pack's sentences about who joined read as written English: a breakdown's sentence
gives its shares under its heading ("By NHS Trust"), without saying the heading again, and a
listing that ends in a full stop ("Zeta Ltd.", "etc.") ends the sentence with it, not with a
second one. In the Markdown and the HTML alike."""

import html
import re
from datetime import UTC, datetime

import pytest
from test_export_cli import make_session, write

PEOPLE = (
    "Name,Email,NHS Trust,ICB,Region (UK),Organisation,Job Title\n"
    "Ada,a@x.org,Leeds Teaching Hospitals,WY ICB,North,NHS England,Nurse\n"
    "Bo,b@x.org,Airedale,WY ICB,North,NHS England,Head of Ops etc.\n"
    "Cy,c@x.org,Airedale,WY ICB,North,Zeta Ltd.,Nurse\n"
)


@pytest.fixture
def session(tmp_path):
    return make_session(tmp_path / "s", datetime(2026, 3, 9, 14, 0, tzinfo=UTC))


def export(cli, session, tmp_path, *args):
    people = write(tmp_path / "people.csv", PEOPLE)
    result = cli("export", str(session), "--attendees", str(people), "--by", "NHS Trust",
                 "--by", "ICB", "--by", "Region (UK)", "--by", "Job Title",
                 "--organisations", "Organisation", "--roles", "Job Title", *args)  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.stdout


def sentences(text: str) -> list[str]:
    """The pack's paragraphs as text, tags and Markdown aside."""
    plain = html.unescape(re.sub(r"<[^>]+>", "\n", text))
    return [line.strip() for line in plain.splitlines() if line.strip()]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_breakdown_s_sentence_does_not_say_its_heading_again(cli, session, tmp_path, fmt):
    # QA: "### By Sector" over "By sector: Health care 73% …", the same words twice
    lines = sentences(export(cli, session, tmp_path, "-f", fmt))
    under = {
        line.removeprefix("### "): lines[i + 1]
        for i, line in enumerate(lines)
        if re.fullmatch(r"(### )?By [^:%]+", line)
    }
    assert under == {
        "By NHS Trust": "Airedale 67% and Leeds Teaching Hospitals 33%.",
        "By ICB": "WY ICB 100%.",
        "By Region (UK)": "North 100%.",
        "By Job Title": "Nurse 67% and Head of Ops etc. 33%.",
    }
    assert not [line for line in lines if re.match(r"By [^:]+: .+%", line)]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_listing_ending_in_a_full_stop_ends_the_sentence_once(cli, session, tmp_path, fmt):
    lines = sentences(export(cli, session, tmp_path, "-f", fmt))
    paragraph = next(line for line in lines if "Organisations included" in line)
    assert "Organisations included NHS England and Zeta Ltd." in paragraph
    assert "including Nurse and Head of Ops etc." in paragraph
    assert ".." not in " ".join(lines)
