"""Fuzzing the readers of files people hand to liftkit: agendas, attendee lists and chat logs.

Each test takes the real-shaped samples under tests/data (and the bundled agendas), mutates
them (bytes replaced, inserted, deleted, lines swapped, quotes and control characters
sprinkled in) and checks that reading ends in a list, a log, an agenda or a LiftkitError
naming the file: never anything else, which would reach the user as "internal error".
Bounded: each test runs a fixed number of examples.
"""

from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liftkit.core.agenda.model import AGENDA_KEYS, POLL_KEYS, SEGMENT_KEYS, parse_agenda
from liftkit.core.chat import parse_chat
from liftkit.core.errors import LiftkitError
from liftkit.core.people.decode import decode_text
from liftkit.core.people.reader import parse_people

ROOT = Path(__file__).parent
PEOPLE = sorted(p for p in (ROOT / "data" / "people").rglob("*") if p.is_file())
CHATS = sorted(
    p for p in (ROOT / "data" / "chat").rglob("*") if p.suffix in (".txt", ".vtt", ".sbv")
)
AGENDAS = sorted((ROOT.parent / "agendas").glob("*.toml"))
AGENDAS += sorted((ROOT / "data" / "agendas" / "broken").glob("*.toml"))
# What hostile and broken exports hold: quotes, separators, line ends of every kind, the
# control characters CSV and text readers disagree on, a BOM, NUL, and invalid UTF-8.
SPICE = [b'"', b",", b";", b"\t", b"\r", b"\n", b"\r\n", b"\x1e", b"\x1c", b"\x85",
         "\u2028".encode(), b"\xef\xbb\xbf", b"\x00", b"\xff", b"\xe9", b"=", b"#", b"[", b"]",
         b"'''", b'"""', b"inf", b"nan", b"1e400", b"-", b"\\", b"{", b"}", b":"]  # fmt: skip
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw, files):
    data = bytearray(draw(st.sampled_from(files)).read_bytes())
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["spice", "byte", "delete", "swap", "truncate"]))
        if kind == "spice":
            data[at:at] = draw(st.sampled_from(SPICE))
        elif kind == "byte":
            data[at : at + 1] = bytes([draw(st.integers(0, 255))])
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif kind == "swap":
            lines = bytes(data).split(b"\n")
            if len(lines) > 2:
                i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
                lines[i], lines[j] = lines[j], lines[i]
                data = bytearray(b"\n".join(lines))
        else:
            del data[at:]
    return bytes(data)


def _only_our_error(read, data, label, one_line=True):
    try:
        read(data, label)
    except LiftkitError as error:
        assert error.message.startswith(label) or label in error.message, error.message
        assert not one_line or "\n" not in error.message, error.message


def _read_people(data: bytes, label: str):
    warnings: list[str] = []
    return parse_people(decode_text(data, label, warnings), label, warnings)


@FUZZ
@given(mutated(PEOPLE))
def test_mutated_attendee_files_give_people_or_our_error(data):
    _only_our_error(_read_people, data, "people.csv")


@FUZZ
@given(mutated(CHATS))
def test_mutated_chat_logs_give_a_log_or_our_error(data):
    _only_our_error(parse_chat, data, "chat.txt")


@FUZZ
@given(mutated(AGENDAS))
def test_mutated_agendas_give_an_agenda_or_our_error(data):
    _only_our_error(parse_agenda, data, "agenda.toml", one_line=False)  # a list of problems


# Agendas built from the real keys with values of any TOML type: a mutated file rarely turns
# a string into a float, a table or a list of booleans; these do every time.
_SCALARS = st.one_of(
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.booleans(),
    st.sampled_from(["5m", "90s", "1:30", "1h 15m", "0", "-1m", "999999h", "breakout", "1e400"]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


def _table(keys, extra=None):
    tables = st.dictionaries(st.sampled_from(sorted(keys)), _VALUES, max_size=len(keys))
    return tables if extra is None else st.builds(lambda a, b: {**a, **b}, tables, extra)


_POLL = _table(set(POLL_KEYS))
_SEGMENT = _table(
    set(SEGMENT_KEYS) - {"polls"},
    st.fixed_dictionaries({}, optional={"polls": st.lists(_POLL, max_size=2)}),
)
_AGENDA = _table(
    set(AGENDA_KEYS) - {"segments"},
    st.fixed_dictionaries({"segments": st.lists(_SEGMENT, max_size=3)}),
)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(_AGENDA)
def test_agendas_with_values_of_any_type_give_an_agenda_or_our_error(data):
    _only_our_error(parse_agenda, tomli_w.dumps(data).encode(), "agenda.toml", one_line=False)


@pytest.mark.parametrize("option", ["inf", "nan", "1e400"])
def test_a_poll_option_that_is_no_finite_number_is_our_error(option):
    text = '[[segments]]\ntitle = "a"\nduration = "5m"\n[[segments.polls]]\nquestion = "q"\n'
    _only_our_error(parse_agenda, (text + f"options = [{option}, 2]\n").encode(), "agenda.toml",
                    one_line=False)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.text(max_size=12), min_size=1, max_size=5), min_size=1, max_size=8),
       st.sampled_from([",", ";", "\t"]))  # fmt: skip
def test_any_table_of_text_gives_people_or_our_error(rows, delimiter):
    text = "\n".join(delimiter.join(cells) for cells in [["Name", "Email"], *rows])
    _only_our_error(parse_people, text, "people.csv")


# Tokens that line splitting and the CSV reader disagree on, around a header's words: this
# found the header that read as a header on its own line but not as a CSV record.
_TOKENS = ['"', ",", ";", "\t", "\n", "\r", "\x1e", "\u2028", "\x85", " ", "Name", "Email", "Ada",
           "a@x.org", "Full Name", "User Action"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=16).map("".join))
def test_quotes_and_line_ends_around_headers_give_people_or_our_error(text):
    _only_our_error(parse_people, text, "people.csv")


@pytest.mark.parametrize(
    "data",
    [
        b'"Name\x1e,Email\n"Ada",a@x.org\n',
        b'",\x1e,"Name\x1e\n\n;,"\nAda',
        b'\xef\xbb\xbfName\x1e"x,Email\nAda,"a@x.org\n',
    ],
)
def test_a_record_separator_in_the_header_is_not_an_internal_error(data):
    _only_our_error(_read_people, data, "people.csv")
