"""Properties: agendas round-trip through TOML; durations read back what is written."""

import re

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from liftkit.core.agenda.durations import DurationError, format_duration, parse_duration
from liftkit.core.agenda.model import (
    KINDS,
    Agenda,
    AgendaError,
    Poll,
    Segment,
    dumps_agenda,
    parse_agenda,
)

# Any text a host could type (lone surrogates cannot be saved as UTF-8 at all).
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
filled_text = any_text.filter(lambda s: s.strip() != "")
seconds = st.integers(min_value=1, max_value=6 * 3600)

# A title as an agenda's reader keeps it: on one row, its runs of spaces and line breaks one
# space (a title written across lines is read as one line).
titles = filled_text.map(lambda text: " ".join(text.split())).filter(bool)


@st.composite
def polls(draw: st.DrawFn) -> Poll:
    kind = draw(st.sampled_from(["choice", "score", "recommend"]))
    if kind == "score":
        numbers = draw(st.lists(st.integers(0, 10), min_size=2, max_size=6, unique=True))
        options = [str(n) for n in numbers]
    else:
        options = draw(st.lists(filled_text, min_size=2, max_size=5, unique=True))
    return Poll(draw(filled_text), tuple(options), kind)


@st.composite
def segments(draw: st.DrawFn) -> Segment:
    duration = draw(seconds)
    kind = draw(st.sampled_from(KINDS))
    shorter = st.integers(1, duration - 1) if duration > 1 else st.just(0)
    warn = draw(st.lists(shorter, unique=True, max_size=3)) if duration > 1 else []
    group_size = groups = None
    rounds = 1
    if kind == "breakout":
        split = draw(st.sampled_from(["none", "size", "count"]))
        if split == "size":
            group_size = draw(st.integers(2, 12))
        elif split == "count":
            groups = draw(st.integers(1, 20))
        rounds = draw(st.integers(1, 4))
    return Segment(
        title=draw(titles),
        duration=duration,
        kind=kind,
        prompt=draw(any_text),
        questions=tuple(draw(st.lists(any_text, max_size=4))),
        notes=draw(any_text),
        warn=tuple(sorted(warn, reverse=True)),
        auto_advance=draw(st.booleans()),
        group_size=group_size,
        groups=groups,
        rounds=rounds,
        polls=tuple(draw(st.lists(polls(), max_size=2))),
        silence=draw(st.one_of(st.just(0), shorter)),
    )


@st.composite
def agendas(draw: st.DrawFn) -> Agenda:
    parts = tuple(draw(st.lists(segments(), min_size=1, max_size=5)))
    declare = draw(st.booleans())
    return Agenda(
        title=draw(titles),
        segments=parts,
        description=draw(any_text),
        host=draw(any_text),
        declared_total=sum(s.duration for s in parts) if declare else None,
    )


@settings(max_examples=150, deadline=None)
@given(agendas())
def test_any_valid_agenda_round_trips_through_toml(agenda):
    text = dumps_agenda(agenda)
    assert parse_agenda(text) == agenda
    assert parse_agenda(text.encode("utf-8")) == agenda


@given(seconds)
def test_format_duration_reads_back(value):
    assert parse_duration(format_duration(value)) == value


@given(st.integers(1, 24 * 60))
def test_bare_numbers_are_minutes(minutes):
    assert parse_duration(minutes) == minutes * 60
    assert parse_duration(str(minutes)) == minutes * 60


@given(st.integers(24 * 60 + 1, 10**400))
def test_durations_longer_than_a_day_are_rejected(minutes):
    assert_rejected(minutes)
    assert_rejected(str(minutes))
    assert_rejected(f"{minutes}m")


@given(st.integers(0, 1439), st.integers(0, 59))
def test_minutes_colon_seconds(minutes, secs):
    text = f"{minutes}:{secs:02d}"
    if minutes * 60 + secs == 0:
        assert_rejected(text)
    else:
        assert parse_duration(text) == minutes * 60 + secs


@given(
    st.integers(0, 9),
    st.integers(0, 59),
    st.integers(0, 59),
    st.sampled_from(["", " ", "  "]),
    st.sampled_from([("h", "m", "s"), ("hours", "min", "sec"), ("H", "Minutes", "seconds")]),
)
def test_unit_spellings_add_up(hours, minutes, secs, gap, units):
    parts = [f"{n}{gap}{unit}" for n, unit in zip((hours, minutes, secs), units, strict=True) if n]
    text = " ".join(parts)
    total = hours * 3600 + minutes * 60 + secs
    if total == 0:
        assert_rejected(text)
    else:
        assert parse_duration(text) == total


@given(st.integers(1, 10_000))
def test_negative_durations_are_rejected(value):
    assert_rejected(-value)
    assert_rejected(f"-{value}m")


@given(
    st.one_of(any_text, st.integers(), st.floats(), st.booleans(), st.none(), st.lists(st.text()))
)
def test_any_value_is_a_positive_duration_or_a_duration_error(value):
    try:
        result = parse_duration(value)
    except DurationError as exc:
        assert str(exc)
    else:
        assert isinstance(result, int) and result > 0


def assert_rejected(value):
    try:
        parse_duration(value)
    except DurationError:
        return
    raise AssertionError(f"{value!r} was accepted")


# Agenda-shaped documents with values of every TOML type in every place.
toml_scalars = st.one_of(
    any_text,
    st.sampled_from(["5m", "90s", "0", "-1m", "1:30", "breakout", "talk", "score"]),
    st.integers(-5, 100),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["question", "options", "kind", "title", "x"]), inner, max_size=3
        )
    ),
    max_leaves=6,
)
segment_keys = st.sampled_from(
    ["title", "duration", "kind", "prompt", "questions", "notes", "warn", "auto_advance",
     "group_size", "groups", "rounds", "polls", "silence", "duraton"]
)  # fmt: skip
documents = st.fixed_dictionaries(
    {},
    optional={
        "title": toml_values,
        "total": toml_values,
        "description": toml_values,
        "segments": st.lists(st.dictionaries(segment_keys, toml_values, max_size=8), max_size=3),
        "extra": toml_values,
    },
)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_any_document_gives_an_agenda_or_one_line_per_problem(document):
    text = tomli_w.dumps(document)
    try:
        parse_agenda(text, "a.toml")
    except AgendaError as exc:
        lines = str(exc).splitlines()
        assert lines and len(lines) == len(exc.problems)
        assert all(re.match(r"a\.toml(:\d+)?: \S", line) for line in lines)


@given(st.binary(max_size=200))
def test_any_bytes_give_an_agenda_or_an_agenda_error(data):
    try:
        parse_agenda(data, "a.toml")
    except AgendaError as exc:
        assert len(str(exc).splitlines()) == len(exc.problems) >= 1
