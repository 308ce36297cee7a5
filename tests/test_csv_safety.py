"""No participant's text becomes a spreadsheet formula: every CSV liftkit writes (groups
--format csv and zoom) neutralises cells that start with =, +, -, @, tab or carriage return
(OWASP's CSV-injection guidance), and the other formats keep the text exactly."""

import csv
import io
import json
import random
import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from liftkit.core.groups.formats import ZOOM_HEADER, render, to_zoom
from liftkit.core.groups.split import SplitRequest, split_into_groups
from liftkit.core.people.reader import Person, parse_people

FORMULA_STARTS = "=+-@\t\r"
RUNNABLE = tuple(FORMULA_STARTS)

# Payloads from OWASP's CSV-injection page and plain names, after a formula character.
PAYLOADS = ['HYPERLINK("http://evil.example","x")', "cmd|' /C calc'!A0", "SUM(1+1)",
            "Ada Lovelace", "Grace"]  # fmt: skip
hostile = st.builds(
    lambda start, payload, rest: start + payload + rest,
    st.sampled_from(list(FORMULA_STARTS)),
    st.sampled_from(PAYLOADS),
    st.text(alphabet="abcXYZ ()!|'\"=+-@é,;", max_size=12),
)
names = st.lists(hostile, min_size=2, max_size=8, unique_by=lambda s: " ".join(s.split()))


def split_of(people):
    return split_into_groups(people, SplitRequest(size=2), random.Random(1), seed=1)


def cells(text):
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


@settings(max_examples=60, deadline=None)
@given(names, st.sampled_from(["=", "+", "-", "@"]))
def test_no_cell_of_a_csv_liftkit_writes_starts_like_a_formula(raw_names, start):
    people = [
        Person(name, f"{start}p{i}@example.org", {"sector": name})
        for i, name in enumerate(raw_names)
    ]
    split = split_of(people)
    for fmt in ("csv", "zoom"):
        written = render(split, fmt)
        assert not [cell for cell in cells(written) if cell.startswith(RUNNABLE)], fmt


@settings(max_examples=60, deadline=None)
@given(names)
def test_a_neutralised_csv_reads_back_to_the_same_names(raw_names):
    people = [Person(" ".join(name.split()), None) for name in raw_names]
    people = [p for p in people if p.name]
    split = split_of(people)
    again = parse_people(render(split, "csv"), "groups.csv")
    assert sorted(p.name for p in again.people) == sorted(p.name for p in people)


@settings(max_examples=40, deadline=None)
@given(names)
def test_json_toml_and_markdown_keep_the_text_as_it_is(raw_names):
    people = [Person(name, None) for name in raw_names]
    split = split_of(people)
    members = [m["name"] for r in json.loads(render(split, "json"))["rounds"] for g in r["groups"]
               for m in g["members"]]  # fmt: skip
    assert sorted(members) == sorted(raw_names)
    toml_members = [m["name"] for r in tomllib.loads(render(split, "toml"))["rounds"]
                    for g in r["groups"] for m in g["members"]]  # fmt: skip
    assert sorted(toml_members) == sorted(raw_names)


def test_a_hyperlink_formula_in_a_name_is_text_in_the_csv_and_zoom_reads_its_header():
    people = [
        Person('=HYPERLINK("http://evil.example","x")', "eve@example.org"),
        Person("Ada Lovelace", "ada@example.org"),
    ]
    split = split_of(people)
    rows = list(csv.reader(io.StringIO(render(split, "csv"))))
    assert ["1", "Room 1", '\'=HYPERLINK("http://evil.example","x")', "eve@example.org"] in rows
    zoom, missing = to_zoom(split)
    assert zoom.splitlines()[0] == ZOOM_HEADER and missing == []
    assert sorted(zoom.splitlines()[1:]) == ["Room 1,ada@example.org", "Room 1,eve@example.org"]


def test_an_empty_facilitator_is_refused(cli, tmp_path):
    people = tmp_path / "people.csv"
    people.write_text("Name\nAda\nGrace\nAlan\nMary\n")
    result = cli("groups", str(people), "--size", "2", "--facilitator", "")
    assert result.exit_code == 2
    assert '--facilitator "": an empty name names nobody' in result.stderr
