"""Chat logs: Zoom (both layouts), Teams WebVTT, Google Meet .sbv; encodings; bad input."""

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.chat import said

from liftkit.core.chat import (
    MEET_SBV,
    TEAMS_WEBVTT,
    ZOOM_SINGLE_LINE,
    ZOOM_TWO_LINE,
    line_ranges,
    parse_chat,
    read_chat,
)
from liftkit.core.errors import LiftkitError

CHAT = Path(__file__).parent / "data" / "chat"


def hms(text: str) -> float:
    h, m, s = text.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


# --------------------------------------------------------------------------- Zoom, two-line


def test_zoom_two_line_messages_replies_reactions_and_direct_messages():
    log = read_chat(CHAT / "zoom-two-line.txt")
    assert log.layout == ZOOM_TWO_LINE and log.clock and not log.unmatched
    first = log.messages[0]
    assert (first.line, first.at, first.author) == (1, hms("13:58:12"), "Ada Lovelace")
    assert first.text == "Good afternoon all, joining from Dundee"
    multi = next(m for m in log.messages if m.author == "Katherine Johnson")
    assert multi.text == (
        "How do we stay compassionate when the system is under pressure?\n"
        "It feels like a #culture question."
    )
    reply = next(m for m in log.messages if m.reply_to)
    assert reply.reply_to == "How do we stay compassionate..."
    assert reply.text == "Role modelling, whatever your place in the structure #culture"
    direct = [m for m in log.messages if m.private]
    assert [(m.author, m.to, m.text) for m in direct] == [
        ("Charles Babbage", "Ada Lovelace", "Lovely to see you here!")
    ]
    assert [(r.author, r.emoji, r.removed) for r in log.reactions] == [
        ("Alan Turing", "👍", False),
        ("Katherine Johnson", "❤️", False),
        ("Alan Turing", "👍", True),
    ]
    assert all("Reacted" not in m.text and "Removed" not in m.text for m in log.messages)


def test_zoom_two_line_privately_reply_on_one_line_and_unknown_lines():
    text = (
        "10:00:00 From Ada to Bob(Privately):\n"
        "\tsecret\n"
        "10:01:00 From Bob  to  Everyone:\n"
        '\tReplying to "Hello": Hi Ada\n'
        "10:01:30 Frm garbled header\n"
        "10:02:00 From Cy to everyone:\n"
        "\tline one\n"
        "\t\n"
        "\tline two\n"
    )
    log = parse_chat(text, "chat.txt")
    assert [(m.author, m.private, m.text) for m in log.messages] == [
        ("Ada", True, "secret"),
        ("Bob", False, "Hi Ada"),
        ("Cy", False, "line one\nline two"),
    ]
    assert log.messages[1].reply_to == "Hello"
    assert log.unmatched == [(5, "10:01:30 Frm garbled header")]
    assert log.warnings() == [
        "chat.txt:5: does not fit the Zoom chat (two-line layout); "
        'skipped: "10:01:30 Frm garbled header"'
    ]


# --------------------------------------------------------------------------- Zoom, single-line


def test_zoom_single_line_continuations_spacing_and_to_or_To():
    log = read_chat(CHAT / "zoom-single-line.txt")
    assert log.layout == ZOOM_SINGLE_LINE and not log.unmatched
    by_line = {m.line: m for m in log.messages}
    assert by_line[1].author == "Ada Lovelace" and by_line[1].at == hms("13:58:12")
    assert by_line[4].author == "Katherine Johnson"  # "From Katherine Johnson To Everyone"
    assert by_line[4].text.endswith("pressure?\nIt feels like a #culture question.")
    private = by_line[3]
    assert private.private and private.to == "Ada Lovelace"
    assert by_line[8].text == "> quoting is not a blockquote | and *stars* stay literal"


def test_zoom_single_line_oldest_form_colons_in_text_and_garbled_header():
    text = (
        "preamble that is not a message\n"
        "09:05:01\t From  Ada Lovelace : Agenda: see the link: https://example.org\n"
        "09:05:30\t From  Bob to Everyone: tab after the colon\n"
        "09:06:00\t From\n"
        "09:07:00\t From Cy  to  Everyone : last\n"
    )
    log = parse_chat(text, "old.txt")
    assert [(m.author, m.to, m.text) for m in log.messages] == [
        ("Ada Lovelace", "Everyone", "Agenda: see the link: https://example.org"),
        ("Bob", "Everyone", "tab after the colon"),
        ("Cy", "Everyone", "last"),
    ]
    assert [n for n, _ in log.unmatched] == [1, 4]


def test_zoom_names_holding_to_are_read_from_the_right():
    text = (
        "10:00:00\t From  Mary to Jane  to  Everyone : hi from Mary-to-Jane\n"
        "10:01:00\t From Tom to Jerry to Everyone : one space each\n"
        "10:02:00\t From  Ada  to  Mary to Jane(Direct Message) : to a name with to\n"
        "10:03:00\t From  Bob  To  Everyone : I want to go to the park: now\n"
    )
    log = parse_chat(text, "old.txt")
    assert said(log) == [
        ("Mary to Jane", "Everyone", False, "hi from Mary-to-Jane"),
        ("Tom to Jerry", "Everyone", False, "one space each"),
        ("Ada", "Mary to Jane", True, "to a name with to"),
        ("Bob", "Everyone", False, "I want to go to the park: now"),
    ]


def test_zoom_single_line_with_no_space_after_everyone_keeps_the_whole_message():
    # Real saved chats (public call notes) hold lines like these now and then. Before, the
    # first was no header (skipped with a warning), and in the second the words before the
    # message's own ": " were taken for the recipient, and lost from the quote.
    text = (
        "09:00:18 From  Ann Lee  to  Everyone: starting soon\n"
        "09:52:03 From  Micah Z  to  Everyone:I like the argument.\n"
        "10:04:55 From  Tim B  to  Everyone:If it helps: let us do it :-)\n"
        "10:05:00 From  Team:Blue  to  Everyone: a colon in a name stays in it\n"
        "10:06:00 From  Ann Lee  to  Bob(Direct Message): private\n"
    )
    log = parse_chat(text, "meeting_saved_chat.txt")
    assert log.layout == ZOOM_SINGLE_LINE and not log.unmatched
    assert said(log) == [
        ("Ann Lee", "Everyone", False, "starting soon"),
        ("Micah Z", "Everyone", False, "I like the argument."),
        ("Tim B", "Everyone", False, "If it helps: let us do it :-)"),
        ("Team:Blue", "Everyone", False, "a colon in a name stays in it"),
        ("Ann Lee", "Bob", True, "private"),
    ]


@pytest.mark.parametrize(
    "header",
    [
        "10:00:00\t From  Host  to  Everyone in Waiting Room : We will let you in soon",
        "10:00:00\t From  Host  to  Waiting Room Participants : We will let you in soon",
        "10:00:00 From Host to Everyone in Waiting Room:\n\tWe will let you in soon",
        "10:00:00 From Host to Waiting Room Participants:\n\tWe will let you in soon",
    ],
)
def test_messages_to_the_waiting_room_are_not_public(header):
    log = parse_chat(header + "\n10:05:00 From Ada to Everyone:\n\thello\n", "chat.txt")
    waiting, public = log.messages
    assert (waiting.private, waiting.waiting_room, waiting.author) == (True, True, "Host")
    assert waiting.text == "We will let you in soon"
    assert (public.private, public.waiting_room) == (False, False)


def test_an_hour_beyond_23_is_not_a_header():
    log = parse_chat("10:00:00\t From A : one\n25:00:00\t From B : two\n", "x.txt")
    assert [m.author for m in log.messages] == ["A"]
    assert log.unmatched == [(2, "25:00:00\t From B : two")]


# --------------------------------------------------------------------------- Teams WebVTT


def test_teams_webvtt_voices_cues_over_lines_entities_and_notes():
    log = read_chat(CHAT / "teams.vtt")
    assert log.layout == TEAMS_WEBVTT and not log.clock and not log.unmatched
    # Ada's two consecutive cues read as one turn, placed at the first cue.
    ada = log.messages[0]
    assert ada.author == "Ada Lovelace" and ada.at == pytest.approx(80.087)
    assert ada.text == (
        "Good afternoon, I am joining from Dundee. I hope to learn how other teams make space "
        "to reflect."
    )
    assert log.messages[2].text.startswith("How do we stay compassionate & kind")
    assert [m.author for m in log.messages] == [
        "Ada Lovelace",
        "Dr Morgan Reyes",
        "Katherine Johnson",
        "Alan Turing",
        "Grace Hopper",
    ]
    assert log.messages[3].at == hms("01:10:00")


def test_webvtt_without_hours_without_closing_tag_and_a_broken_block():
    text = (
        "WEBVTT - Teams\n\n"
        "00:10.500 --> 00:12.000 align:start\n<v.loud Bob>Short form\n\n"
        "this block has no timing\nat all\n\n"
        "2\n00:20.000 --> 00:21.000\nno voice here\n"
    )
    log = parse_chat(text, "t.vtt")
    assert [(m.author, m.text, m.at) for m in log.messages] == [
        ("Bob", "Short form", 10.5),
        ("", "no voice here", 20.0),
    ]
    assert [n for n, _ in log.unmatched] == [6, 7]


# --------------------------------------------------------------------------- Google Meet


def test_meet_sbv_names_offsets_and_multi_line_messages():
    log = read_chat(CHAT / "meet.sbv")
    assert log.layout == MEET_SBV and not log.clock and not log.unmatched
    assert log.messages[0].author == "Ada Lovelace" and log.messages[0].at == 90
    assert log.messages[1].text.endswith("pressure?\nIt feels like a #culture question.")
    assert log.messages[-1].at == hms("1:31:02")


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    "name", ["zoom-two-line.txt", "zoom-single-line.txt", "teams.vtt", "meet.sbv"]
)
@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),  # with a BOM
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        lambda t: t.encode("utf-16-le"),  # without a BOM
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf-8-bom", "utf-16", "utf-16-be-bom", "utf-16-le-no-bom", "crlf"],
)
def test_every_layout_reads_the_same_in_every_encoding(name, encode):
    plain = (CHAT / name).read_text(encoding="utf-8")
    expected = parse_chat(plain.encode("utf-8"), name)
    got = parse_chat(encode(plain), name)
    assert got.layout == expected.layout
    assert got.messages == expected.messages and got.reactions == expected.reactions


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "empty, not a chat log"),
        (b"\n  \n", "empty, not a chat log"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a chat log"),
        (b"name,email\nAda,ada@example.org\n", "not a chat log"),
        ("caf\xe9 au lait\n".encode("latin-1"), "not a chat log"),
        (b"10:00:00 From A to Everyone:\n\t\xff\x00\x01 binary\n", "a binary file"),
        (b"WEBVTT\n\nno cues at all\n", "not a chat log"),
        (b"# Notes\n" + b"just text\n" * 20 + b"10:00:00\t From A : hi\n", "not a chat log"),
    ],
    ids=["empty", "blank", "binary", "csv", "latin-1", "nul", "no-cues", "mostly-not-chat"],
)
def test_a_file_that_is_no_chat_log_is_an_error_naming_it(data, says):
    with pytest.raises(LiftkitError) as caught:
        parse_chat(data, "notes/meeting.txt")
    assert caught.value.exit_code == 2
    assert caught.value.message.startswith("notes/meeting.txt")
    assert says in caught.value.message


def test_a_windows_1252_chat_is_read_with_one_warning():
    data = (
        "10:00:00 From Zo\xeb to Everyone:\n\tna\xefve caf\xe9\n"
        "10:01:00 From Ren\xe9e to Everyone:\n\t\u201cquoted\u201d \u2013 fine\n"
    ).encode("cp1252")
    log = parse_chat(data, "chat.txt")
    assert [(m.author, m.text) for m in log.messages] == [
        ("Zo\xeb", "na\xefve caf\xe9"),
        ("Ren\xe9e", "\u201cquoted\u201d \u2013 fine"),
    ]
    assert log.warnings() == [
        "chat.txt:1: not UTF-8 text; read as Windows-1252 (check the accented letters, "
        "or save the chat as UTF-8)"
    ]


def test_one_bad_byte_in_a_utf_8_chat_is_replaced_not_fatal():
    data = (
        "10:00:00 From Ada to Everyone:\n\tcaf\xe9 \U0001f44d\n".encode()
        + b"10:01:00 From Bob to Everyone:\n\tbad \xe9 byte\n"
    )
    log = parse_chat(data, "chat.txt")
    assert [m.text for m in log.messages] == ["caf\xe9 \U0001f44d", "bad \ufffd byte"]
    assert log.warnings() == [
        "chat.txt:4: not UTF-8 text; what is not was replaced with \ufffd (save the chat as UTF-8)"
    ]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-16"])
def test_a_utf_16_chat_cut_on_an_odd_byte_loses_only_that_byte(codec):
    text = "10:00:00 From Ada to Everyone:\n\thi\n10:01:00 From Bob to Everyone:\n\tbye \U0001f44b"
    data = text.encode(codec)
    for cut in (data[:-1], data[:-3]):  # half a character; half a surrogate pair
        log = parse_chat(cut, "chat.txt")
        assert [m.text for m in log.messages] == ["hi", "bye"]
        assert log.warnings() == [
            "chat.txt: UTF-16 text cut off in the middle of a character; "
            "the last bytes were dropped"
        ]


def test_a_utf_16_chat_broken_inside_names_the_line():
    data = "10:00:00 From Ada to Everyone:\n\thi\n10:01:00 From Bob to Everyone:\n".encode("utf-16")
    at = data.index("10:01".encode("utf-16-le"))
    broken = data[:at] + "\udc00".encode("utf-16-le", "surrogatepass") + data[at:]
    with pytest.raises(LiftkitError) as caught:
        parse_chat(broken, "chat.txt")
    assert caught.value.message == "chat.txt: line 3: broken UTF-16 text"


def test_read_chat_errors_name_the_file(tmp_path):
    with pytest.raises(LiftkitError, match=r"missing\.txt: no such file"):
        read_chat(tmp_path / "missing.txt")
    with pytest.raises(LiftkitError, match="is a folder"):
        read_chat(tmp_path)


def test_many_unknown_lines_are_summarised_as_line_ranges():
    lines = ["10:00:00 From A to Everyone:", "\thello"]
    lines += [f"10:{i:02d}:00 From B to Everyone:\n\tmsg {i}" for i in range(40)]
    junk = "10:09:99 junk"  # a garbled header: not a line that continues a message
    lines += [junk] * 13 + ["10:40:00 From C to Everyone:", "\tbye", junk, junk]
    log = parse_chat("\n".join(lines), "big.txt")
    warnings = log.warnings()
    assert len(warnings) == 11
    assert warnings[0].startswith("big.txt:83: ")
    assert warnings[-1] == (
        "big.txt: 5 more lines do not fit the Zoom chat (two-line layout) and were skipped: "
        "lines 93-95, 98-99"
    )


def test_line_ranges():
    assert line_ranges([1]) == "1"
    assert line_ranges([1, 2, 3, 7, 9, 10]) == "1-3, 7, 9-10"


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=400), st.text(max_size=400).map(str.encode)))
def test_parsing_anything_gives_a_log_or_our_error(data):
    try:
        log = parse_chat(data, "any.txt")
    except LiftkitError as error:
        assert error.message.startswith("any.txt")
    else:
        assert log.messages or log.reactions


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["10:00:00", "10:00:01", "23:59:59"]),
            st.text(
                st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")),
                min_size=1,
                max_size=20,
            ).filter(lambda s: s.strip() and ":" not in s and s == s.strip()),
            st.text(
                st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")),
                min_size=1,
                max_size=40,
            ).filter(lambda s: s.strip() == s and s),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_two_line_layout_round_trips_names_and_texts(entries):
    text = "".join(f"{t} From {who} to Everyone:\n\t{said}\n" for t, who, said in entries)
    log = parse_chat(text, "gen.txt")
    got = [(m.author, m.text) for m in log.messages] + [(r.author, "") for r in log.reactions]
    assert len(got) == len(entries)


def test_a_line_reading_like_a_headers_end_is_never_part_of_a_message():
    # the header's first half lost: its end and the direct message under it are skipped
    text = (
        "10:00:00 From Grace Hopper to Everyone:\n"
        "\tGrace, nurse lead in Fife\n"
        "Sam Host (Direct Message):\n"
        "\tcan we talk after?\n"
        "10:02:00 From Cy to Everyone:\n"
        "\tlast\n"
    )
    log = parse_chat(text, "chat.txt")
    assert said(log) == [
        ("Grace Hopper", "Everyone", False, "Grace, nurse lead in Fife"),
        ("Cy", "Everyone", False, "last"),
    ]
    assert log.warnings() == [
        "chat.txt:3: does not fit the Zoom chat (two-line layout); skipped, with the line under "
        'it: "Sam Host (Direct Message):"'
    ]
