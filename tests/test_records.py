"""Journal lines to typed events and back: the format on disk, and no surprise on any input."""

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from liftkit.core.live.events import EVENT_TYPES, JournalEvent
from liftkit.core.live.records import BadField, parse_record, to_record

JOURNAL = (
    Path(__file__).parent / "data/sessions/2026-03-09-135958-hosted-community-event/journal.jsonl"
)


def test_a_real_journal_is_written_back_byte_for_byte():
    for line in JOURNAL.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        written = to_record(parse_record(record))
        if record["type"] == "groups":  # the score is worked out again from the rounds
            assert written.pop("score")["repeat_pairs"] == record.pop("score")["repeat_pairs"]
            line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        assert json.dumps(written, ensure_ascii=False, separators=(",", ":")) == line


values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=8,
)  # fmt: skip
FIELDS = (
    ["seq", "wall", "mono", "segment", "title", "planned", "reason", "elapsed", "to", "seconds",
     "before", "text", "author", "tags", "source", "poll", "question", "counts", "rounds",
     "seed", "shown", "gap", "paused", "counted", "rehearse", "planned_start", "agenda",
     "cause", "reshuffle", "round"]
)  # fmt: skip
keys = st.sampled_from(FIELDS)
records = st.builds(
    lambda kind, fields: {**fields, "type": kind},
    st.sampled_from(sorted(EVENT_TYPES)),
    st.dictionaries(keys, values, max_size=8),
)


@settings(max_examples=200, deadline=None)
@given(records)
def test_any_line_is_an_event_or_a_named_bad_field_and_reads_back_the_same(record):
    try:
        event = parse_record(record, "journal.jsonl:1")
    except BadField as problem:
        field = str(problem).split(":")[0].split("[")[0]
        assert field in FIELDS, problem  # names the field at fault
        return
    assert isinstance(event, JournalEvent)
    again = parse_record(json.loads(json.dumps(to_record(event))))
    if event.type != "groups":  # a groups event's score is worked out again from its rounds
        assert again == event
