"""docs/agenda-format.md stays true: its examples load, it names every key and kind, and the
messages it quotes are the ones liftkit prints."""

import re
import tomllib
from pathlib import Path

import pytest

from liftkit.core.agenda.durations import parse_duration
from liftkit.core.agenda.model import AGENDA_KEYS, KINDS, POLL_KEYS, SEGMENT_KEYS, parse_agenda

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "agenda-format.md").read_text(encoding="utf-8")
BROKEN = ROOT / "tests" / "data" / "agendas" / "broken"
ALL_EXPECTED = "".join(p.read_text(encoding="utf-8") for p in sorted(BROKEN.glob("*.expected")))


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC, re.DOTALL)


def section(heading: str) -> str:
    return DOC.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_the_full_example_is_a_valid_agenda_using_every_key():
    [example] = blocks("toml")
    agenda = parse_agenda(example, "docs example")
    assert agenda.title == "Community conversation"
    assert agenda.total == 3600
    used = set(re.findall(r"^(\w+) =", example, re.MULTILINE))
    assert set(AGENDA_KEYS) - {"segments"} <= used
    # "Every key the format knows appears below": groups, min_group_size, same_groups and
    # join_groups too (they were left out of it)
    assert set(SEGMENT_KEYS) - {"polls"} <= used
    assert "[[segments.polls]]" in example
    assert set(POLL_KEYS) <= used


@pytest.mark.parametrize(
    ("heading", "keys"),
    [
        ("Top-level keys", AGENDA_KEYS),
        ("Segment keys (`[[segments]]`)", SEGMENT_KEYS),
        ("Poll keys (`[[segments.polls]]`)", POLL_KEYS),
    ],
)
def test_every_key_has_a_row_with_type_default_and_meaning(heading, keys):
    rows = {}
    for line in section(heading).splitlines():
        match = re.match(r"\| `(\w+)` \| (.+?) \| (.+?) \| (.+?) \|$", line)
        if match:
            rows[match.group(1)] = match.groups()[1:]
    assert sorted(rows) == sorted(keys)


def test_every_kind_is_explained():
    kinds = re.findall(
        r"^\| `(\w+)` \|",
        section("Segment keys (`[[segments]]`)").split("### Kinds", 1)[1],
        re.MULTILINE,
    )
    assert kinds == list(KINDS)


def test_the_sample_messages_are_what_check_prints():
    [sample] = blocks("text")
    expected = (BROKEN / "several-problems.expected").read_text(encoding="utf-8")
    printed = expected.replace("several-problems.toml", "team-call.toml").splitlines()
    assert sample.splitlines() == printed[: len(sample.splitlines())]


def test_every_message_quoted_in_the_table_is_printed_for_some_broken_file():
    table = section("When something is wrong").split("The messages a host will see:", 1)[1]
    quoted = []
    for line in table.splitlines()[3:]:
        if not line.startswith("| "):
            break
        message_column = line.split(" | ", 1)[1]
        quoted += re.findall(r"`([^`]+)`", message_column)
    assert len(quoted) > 25
    for text in quoted:
        if re.fullmatch(r"[A-Z:]+", text):  # FILE:LINE:COLUMN
            continue
        for piece in text.split("…"):
            assert piece.strip() in ALL_EXPECTED, piece


def test_every_duration_spelling_in_the_table_is_read():
    spellings = re.findall(r"`([^`]+)`", section("Durations").split("Units can be", 1)[0])
    assert len(spellings) >= 9
    for written in spellings:
        value = tomllib.loads(f"value = {written}")["value"]
        assert parse_duration(value) > 0, written
