"""What counts as text in an attendee file: UTF-16 without a byte-order mark, stray control
characters, and random bytes, which must never become a person."""

import io
import random
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liftkit.core.errors import LiftkitError
from liftkit.core.people.reader import read_people

DATA = Path(__file__).parent / "data" / "people"


def names(result):
    return [p.name for p in result.people]


def test_utf16_little_endian_without_a_byte_order_mark():
    result = read_people(DATA / "utf16le-no-bom.csv")
    assert names(result) == ["Zoë Ådams", "Grace Hopper"]
    assert result.people[0].attributes["Organisation"] == "Ørsted"
    assert result.warnings == []


def test_utf16_big_endian_without_a_byte_order_mark(tmp_path):
    path = tmp_path / "people.txt"
    path.write_bytes("Ada Lovelace\nGrace Hopper\n".encode("utf-16-be"))
    assert names(read_people(path)) == ["Ada Lovelace", "Grace Hopper"]


def test_a_stray_nul_in_a_long_export_is_dropped_from_the_name():
    rows = "".join(f"Person {i},p{i}@example.org\n" for i in range(20))
    data = ("name,email\n" + rows + "B\x00 Two,b2@example.org\n").encode()
    result = read_people("-", stdin=io.BytesIO(data))
    assert names(result)[-1] == "B Two"


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("size", [16, 64, 300, 4096])
def test_random_bytes_on_stdin_are_not_text(seed, size):
    data = random.Random(seed).randbytes(size)
    with pytest.raises(LiftkitError, match="stdin: not a text file"):
        read_people("-", stdin=io.BytesIO(data))


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=300))
def test_whatever_bytes_come_in_names_hold_no_control_characters(data):
    try:
        result = read_people("-", stdin=io.BytesIO(data))
    except LiftkitError as error:
        assert error.exit_code == 2 and error.message.startswith("stdin: ")
        return
    for person in result.people:
        # Format characters (right-to-left marks, U+0600) are text; control characters not.
        assert not any(unicodedata.category(ch) == "Cc" for ch in person.name)
        assert person.name.strip() == person.name and any(ch.isalnum() for ch in person.name)
