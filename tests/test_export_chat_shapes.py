"""`liftkit export --chat` with chat logs in shapes a QA pass found misread: headers wrapped
over two lines, Teams names written surname first, replies quoting someone who did not post,
deleted messages, lost tabs, unpadded transcript times, the host's and a co-host's chats."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_export_cli import make_session, section, write

CHAT = Path(__file__).parent / "data" / "chat"


@pytest.fixture
def afternoon(tmp_path):
    """A session from 14:00 to 15:00 (UTC), hosted by Sam Host: Talk, then Close at 14:30."""
    return make_session(tmp_path / "afternoon", datetime(2026, 3, 9, 14, 0, tzinfo=UTC))


def export(cli, session, *args):
    result = cli("export", str(session), *map(str, args))
    assert result.exit_code == 0, result.output
    return result


def quote_lines(text: str) -> list[str]:
    """The quotes of a part of the Markdown pack, each as its line ("- “…” — Ann Lee")."""
    return [line for line in text.splitlines() if line.startswith("- “")]


# --------------------------------------------------------------------------- wrapped headers


@pytest.mark.parametrize(
    ("name", "layout", "skipped"),
    [
        (
            "zoom-two-line-wrapped.txt",
            "two-line",
            "9: does not fit the Zoom chat (two-line layout); skipped, with the 3 lines under "
            'it: "14:04:45 From Katherine Johnson (she/her) Chief Social Wo..."',
        ),
        (
            "zoom-single-line-wrapped.txt",
            "single-line",
            "6: does not fit the Zoom chat (single-line layout); skipped, with the 2 lines under "
            'it: "14:04:45\\x09 From  Katherine Johnson (she/her) Chief Soci..."',
        ),
    ],
)
def test_a_header_wrapped_over_two_lines_never_quotes_a_direct_message(
    cli, afternoon, name, layout, skipped
):
    chat = CHAT / name
    result = export(cli, afternoon, "--chat", chat, "--names")
    talk = section(result.stdout, "1. Talk")
    # the wrapped headers that can be joined again are read whole: the direct message to
    # the host is left out, the public message quoted as its sender's
    assert "- “Grace, nurse lead in Fife” — Grace Hopper" in talk
    assert "- “My manager never listens to us, honestly” — Ada Lovelace" in talk
    assert "- “psychological safety” — Alan Turing" in talk
    assert talk.count("\n- “") == 3  # and nothing else: no direct message, no header's end
    for private in ("struggling", "crisis", "resign", "Direct Message", "Privately"):
        assert private not in result.stdout
    assert "3 people took part in the chat.\n\nThe chat: 3 messages." in result.stdout
    assert "3 messages (1 direct message left out)" in result.stdout
    # the one wrapped inside the recipient's name is skipped with its lines, and said so
    assert result.stderr.splitlines() == [f"Warning: {chat}:{skipped}"]


# In the layout with the time after the name, as saved chats pasted into published minutes
# hold them (an IETF side meeting's, docs/export.md): the header's halves on two lines.
WRAPPED_TIME_AFTER = """From Ann Lee to Everyone:  02:05 PM
What does ISO stand for?
From Jan Lind to
Ann Lee (Direct Message):  02:06 PM
my phone is 07700 900123, call me
From David Ng to
 Everyone:    2:07  PM
(referring to "ISO Lifecycle" in the current presentation)
From Eve Stone to Everyone:  02:08 PM
thanks
"""


def test_a_header_wrapped_in_the_layout_with_the_time_after_the_name_is_read_whole(
    cli, afternoon, tmp_path
):
    chat = write(tmp_path / "wrap.txt", WRAPPED_TIME_AFTER)
    result = export(cli, afternoon, "--chat", chat, "--names")
    talk = section(result.stdout, "1. Talk")
    assert quote_lines(talk) == [
        "- “What does ISO stand for?” — Ann Lee",
        '- “(referring to "ISO Lifecycle" in the current presentation)” — David Ng',
        "- “thanks” — Eve Stone",
    ]
    for private in ("07700", "call me", "Jan Lind", "Direct Message", "From "):
        assert private not in result.stdout
    assert "3 messages (1 direct message left out)" in result.stdout
    assert result.stderr == ""


# Direct messages of that layout that name only one side, as saved chats pasted into a
# security course's notes hold them: one to the saver, with no recipient, and the saver's own,
# with no sender.
ONE_SIDED_DIRECT = """From Ann Lee to Everyone:  02:05 PM
who got the vouchers?
to Ann Lee (privately):    2:06 PM
yes sir, call me on 07700 900123
From Amit Rao (privately):    2:07 PM
Not yet received, can you check my account?
From Eve Stone to Everyone:  02:08 PM
thanks
"""


def test_a_direct_message_naming_one_side_in_the_layout_with_the_time_after_is_left_out(
    cli, afternoon, tmp_path
):
    chat = write(tmp_path / "chat.txt", ONE_SIDED_DIRECT)
    result = export(cli, afternoon, "--chat", chat, "--names")
    talk = section(result.stdout, "1. Talk")
    assert quote_lines(talk) == [
        "- “who got the vouchers?” — Ann Lee",
        "- “thanks” — Eve Stone",
    ]
    for private in ("yes sir", "07700", "privately", "Not yet received", "Amit"):
        assert private not in result.stdout
    assert "2 messages (2 direct messages left out)" in result.stdout
    # kept on request, each is the direct message it is: to the saver, and the saver's own
    # (the saver's words, "Me" in their chat, are a host's: counted, never quoted)
    kept = export(cli, afternoon, "--chat", chat, "--names", "--include-private").stdout
    talk = section(kept, "1. Talk")
    assert quote_lines(talk) == [
        "- “who got the vouchers?” — Ann Lee",
        "- “Not yet received, can you check my account?” — Amit Rao (direct message to Me)",
        "- “thanks” — Eve Stone",
    ]
    assert "yes sir" not in kept and "The chat: 3 messages, besides 1 from the host." in kept


# --------------------------------------------------------------------------- Webex

# Webex's chat, copied or saved, as an IETF side meeting's minutes and a course's notes
# publish it: Zoom's time-after shape with "from" (and at times "everyone") in lower case, two
# spaces before AM at times, a header wrapped, and direct messages naming one side or both.
WEBEX = """from Dana Reyes (Guest) to Everyone:    2:05  PM
What does ISO stand for? International Standards Organization?
from Dana Reyes (Guest) to
 Everyone:    2:06  PM
(referring to "ISO Lifecycle" in the current presentation)
from Mara Pinto (Cisco) to Eve Lang (Guest) (privately):    2:07  PM
thanks, Eve, could you list those organisations?
from Omar Said (privately):    2:08 PM
Not yet received, mam
to Omar Said (privately):    2:09 PM
ok, will check
from Jon Berg to everyone:    2:10 PM
ISO 14040, I think
"""


def test_a_webex_chat_is_read_and_named(cli, afternoon, tmp_path):
    chat = write(tmp_path / "webex.txt", WEBEX)
    result = export(cli, afternoon, "--chat", chat, "--names")
    talk = section(result.stdout, "1. Talk")
    assert quote_lines(talk) == [
        "- “What does ISO stand for? International Standards Organization?” — Dana Reyes (Guest)",
        '- “(referring to "ISO Lifecycle" in the current presentation)” — Dana Reyes (Guest)',
        "- “ISO 14040, I think” — Jon Berg",
    ]
    for private in ("organisations", "Not yet", "will check", "privately", "Mara", "Omar"):
        assert private not in result.stdout
    sources = f"- {chat.name}: Webex chat (saved or copied), 3 messages (3 direct messages "
    assert sources + "left out)" in result.stdout
    assert result.stderr == ""


# --------------------------------------------------------------------------- Markdown lists

# Zoom chats kept as lists in Ethereum's call notes (ethereum/pm, cited in docs/export.md):
# a header, a blank line and the message unindented; or the message after the time.
LIST_BLANK_LINES = """- From dana to Everyone 02:02 PM

the agenda is issue 484

- From omar to Everyone 02:23 PM

yes
safe takeover latest is the idea

- From Lee Park (M) to Everyone 02:24 PM

All namespaces are available on the authenticated port
"""
LIST_TIME_COLON = """* From lightbulb to Everyone 02:01 PM: gm
* From Me to Everyone 02:01 PM: gm
* From omar to Everyone 02:06 PM: 104k validators, ramping up
* From dana to Everyone 02:07 PM: Going downhill fast: From Lee Park (M) to Everyone 02:07 PMno
"""


@pytest.mark.parametrize(
    ("text", "mark", "quotes"),
    [
        (
            LIST_BLANK_LINES,
            "-",
            [
                "- “the agenda is issue 484” — dana",
                "- “yes\\",  # a line break, then the message's second line
                "- “All namespaces are available on the authenticated port” — Lee Park (M)",
            ],
        ),
        (
            LIST_TIME_COLON,
            "*",
            [
                "- “gm” — lightbulb",
                "- “104k validators, ramping up” — omar",
                "- “Going downhill fast: From Lee Park (M) to Everyone 02:07 PMno” — dana",
            ],
        ),
    ],
)
def test_a_zoom_chat_kept_as_a_list_in_call_notes_is_read(
    cli, afternoon, tmp_path, text, mark, quotes
):
    chat = write(tmp_path / "notes.md", text)
    result = export(cli, afternoon, "--chat", chat, "--names", "--host", "Me")
    talk = section(result.stdout, "1. Talk")
    assert quote_lines(talk) == quotes
    assert "the idea” — omar" in talk or mark == "*"
    assert f"The chat: {len(quotes)} messages" in result.stdout
    assert result.stderr.splitlines() == [
        f'Warning: {chat}: a list, each message marked "{mark}"; read without the marks'
    ]


# --------------------------------------------------------------------------- captions

# YouTube's captions of a recording, as yt-dlp saves them: cues that name no speaker.
CAPTIONS_VTT = """WEBVTT
Kind: captions
Language: en

00:00:01.000 --> 00:00:05.000
Hello, welcome to the interview.

00:00:06.000 --> 00:00:10.000
Thank you for having me.

00:00:11.000 --> 00:00:20.000
Let us start with your background.
"""
CAPTIONS_SBV = """0:00:01.000,0:00:05.000
Hello, welcome to the interview.

0:00:06.000,0:00:10.000
Thank you for having me.

0:00:11.000,0:00:20.000
Let us start with your background.
"""


@pytest.mark.parametrize(
    ("name", "text", "layout"),
    [
        ("captions.vtt", CAPTIONS_VTT, "WebVTT captions (no speaker named)"),
        ("captions.sbv", CAPTIONS_SBV, "SubViewer captions (.sbv, no speaker named)"),
    ],
)
def test_captions_that_name_no_one_say_nothing_of_who_joined(
    cli, afternoon, tmp_path, name, text, layout
):
    chat = write(tmp_path / name, text)
    result = export(cli, afternoon, "--chat", chat, "--chat-start", "14:00:00")
    talk = section(result.stdout, "1. Talk")
    cues = quote_lines(talk)
    assert cues == [
        "- “Hello, welcome to the interview.”",
        "- “Thank you for having me.”",
        "- “Let us start with your background.”",
    ]
    who = section(result.stdout, "Who joined")
    # no "0 people spoke in the transcript", nor "took part in the chat", nor "from 0 people"
    assert who.split() == ["The", "transcript:", f"{len(cues)}", "turns."]
    assert f"- {name}: {layout}, {len(cues)} turns" in result.stdout


# --------------------------------------------------------------------------- new Teams

# New Teams' copy on a Mac with the date (Australian: day first) over each message and no line
# naming the author, reactions under a message, and a reply quoting another between `Begin
# Reference` and `End Reference`, as a Teams scraper's guide and parser on GitHub give it.
TEAMS_DATED = """Jay Patel
09/03/2026 2:04 pm
Hey Nat, just checking in on the project status.
Let me know when you have a moment.
👍
2 like reactions.
❤️
1 heart reactions.
Nat Vale
09/03/2026 2:15 pm
Begin Reference, preview of Hey Nat, just checking in on the project status. by Jay Patel
End Reference
All good! I'll have the update ready by EOD.
Edited.
"""
# The same `End Reference` under a reply in the copy whose line above names the author.
TEAMS_END_REFERENCE = """Hi all, starting soon by Ann Lee
Ann Lee
3/9/2026 2:02 PM
Hi all, starting soon
Begin Reference, Hi all, starting soon by Bo Chen
Bo Chen
3/9/2026 2:04 PM
Ann Lee
3/9/2026 2:02 PM
Hi all, starting soon
End Reference
Great, joining now
"""


@pytest.mark.parametrize(
    ("text", "quotes", "reactions"),
    [
        (
            TEAMS_DATED,
            [
                "- “Hey Nat, just checking in on the project status.\\",
                "- “All good! I'll have the update ready by EOD.” — Nat Vale",
            ],
            "; reactions: 👍 2, ❤️ 1.",
        ),
        (
            TEAMS_END_REFERENCE,
            ["- “Hi all, starting soon” — Ann Lee", "- “Great, joining now” — Bo Chen"],
            ".",
        ),
    ],
)
def test_a_new_teams_copy_with_dated_headers_and_quoted_replies_is_read(
    cli, afternoon, tmp_path, text, quotes, reactions
):
    chat = write(tmp_path / "teams.txt", text)
    result = export(cli, afternoon, "--chat", chat, "--names")
    talk = section(result.stdout, "1. Talk")
    assert quote_lines(talk) == quotes
    for quoted in ("Reference", "Edited", "reactions.", "2:04 pm"):
        assert quoted not in talk
    said = f"2 people took part in the chat.\n\nThe chat: {len(quotes)} messages{reactions}"
    assert said in result.stdout
    assert "Teams chat (copied from new Teams), 2 messages" in result.stdout


# --------------------------------------------------------------------------- surname first


def test_the_host_written_surname_first_in_a_teams_chat_is_not_quoted(cli, afternoon):
    chat = CHAT / "teams-chat-classic-surname-first.txt"
    result = export(cli, afternoon, "--chat", chat, "--host", "Sam Okafor", "--names")
    talk = section(result.stdout, "1. Talk")
    assert quote_lines(talk) == [
        "- “Ada, OT, joining from Dundee” — Lovelace, Ada (NHS Tayside)",
        "- “Grace, nurse lead in Fife” — HOPPER, Grace (NHS FIFE)",
    ]
    assert "Okafor" not in talk and "Welcome everyone" not in result.stdout
    assert "2 people took part in the chat, besides 1 host." in result.stdout
    assert "The chat: 2 messages, besides 2 from the host; reactions: 👍 1." in result.stdout


def test_the_host_written_surname_first_in_a_teams_transcript_is_not_quoted(cli, afternoon):
    vtt = CHAT / "teams-surname-first.vtt"
    result = export(cli, afternoon, "--chat", vtt, "--host", "Sam Okafor", "--names")
    assert "- “I think listening matters most.” — Lovelace, Ada" in result.stdout
    assert "lovely to see you" not in result.stdout
    assert "The transcript: 1 turn, besides 1 from the host." in result.stdout


# --------------------------------------------------------------------------- Teams replies

ATTENDEES = """Name,Email,Role
Ada Lovelace,ada@example.org,Occupational Therapist
Grace Hopper,grace@example.org,Nurse Lead
Alan Turing,alan@example.org,Trainee
Katherine Johnson,katherine@example.org,Social Work Officer
Priya Shah,priya@example.org,Co-host
"""


def test_a_teams_reply_quoting_someone_who_did_not_post_keeps_their_name_and_words_out(
    cli, afternoon, tmp_path
):
    chat = CHAT / "teams-chat-classic-reply-unknown.txt"
    people = write(tmp_path / "people.csv", ATTENDEES)
    result = export(cli, afternoon, "--chat", chat, "--attendees", people, "--anonymous")
    talk = section(result.stdout, "1. Talk")
    assert quote_lines(talk) == [
        "- “Time to listen at handover”",
        "- “Mine: protected mealtimes”",
        "- “Same for me honestly”",
        "- “I hear you, it gets better”",
        "- “Rooms were great”",
    ]
    # the quoted people are an attendee and the co-host, and the host, none of them posting
    for quoted in ("Katherine", "Priya", "manager", "Please add", "What does compassion"):
        assert quoted not in result.stdout
    assert "The chat: 5 messages from 3 people, besides 1 from the host; reactions: 👍 1." in (
        result.stdout
    )


def test_a_deleted_teams_message_is_neither_quoted_nor_counted(cli, afternoon):
    chat = CHAT / "teams-chat-classic-deleted.txt"
    result = export(cli, afternoon, "--chat", chat)
    talk = section(result.stdout, "1. Talk")
    assert quote_lines(talk) == [
        "- “Ada, OT in Dundee”",
        "- “Grace, nurse lead in Fife”",
        "- “psychological safety is the foundation”",
    ]
    assert "has been deleted" not in result.stdout
    assert "3 people took part in the chat.\n\nThe chat: 3 messages; reactions: 👍 1." in (
        result.stdout
    )


# --------------------------------------------------------------------------- tabs turned spaces


def test_a_zoom_chat_whose_tabs_became_spaces_reads_as_with_tabs(cli, afternoon, tmp_path):
    spaced = CHAT / "zoom-two-line-spaces.txt"
    text = spaced.read_text(encoding="utf-8")
    tabbed = write(tmp_path / "tabbed.txt", text.replace("\n    ", "\n\t"))
    assert "\t" not in text
    assert tabbed.read_text(encoding="utf-8").count("\t") == 13
    result = export(cli, afternoon, "--chat", spaced)
    assert "Reacted to" not in result.stdout and "Replying to" not in result.stdout
    assert "- “Hi Ada! Grace from Fife”" in section(result.stdout, "1. Talk")
    assert "6 people took part in the chat, besides 2 hosts." in result.stdout
    assert "The chat: 6 messages, besides 2 from the hosts; reactions: 👍 1." in result.stdout
    same = export(cli, afternoon, "--chat", tabbed)
    assert result.stdout.replace(spaced.name, "tabbed.txt") == same.stdout


# --------------------------------------------------------------------------- unpadded cue times


@pytest.mark.parametrize(
    ("name", "layout"),
    [
        ("teams-transcript-graph.vtt", "Teams transcript (WebVTT)"),
        ("teams-transcript-word-old.txt", "Teams transcript (Word document saved as text)"),
    ],
)
def test_a_teams_transcript_with_unpadded_times_is_read(cli, afternoon, name, layout):
    result = export(cli, afternoon, "--chat", CHAT / name, "--names")
    talk, close = section(result.stdout, "1. Talk"), section(result.stdout, "2. Close")
    assert "- “Thanks Sam. I think psychological safety is the key.” — Ada Lovelace" in talk
    assert "- “Agreed. We need protected time for reflection.” — Grace Hopper" in talk
    assert "- “And leaders who listen.” — Ada Lovelace" in close  # 0:31:2.900 from the start
    assert "lovely to see you" not in result.stdout  # the host's
    assert "The transcript: 3 turns, besides 1 from the host." in result.stdout
    assert f"- {name}: {layout}, 4 turns" in result.stdout


# --------------------------------------------------------------------------- host and co-host


def test_the_hosts_own_messages_saved_as_me_in_two_chats_count_once(cli, afternoon):
    host, cohost = CHAT / "zoom-two-line-host-me.txt", CHAT / "zoom-two-line-cohost-me.txt"
    hosts = ("--host", "Sam Host", "--host", "Priya Shah")
    alone = export(cli, afternoon, "--chat", host, *hosts)
    both = export(cli, afternoon, "--chat", host, "--chat", cohost, *hosts)
    said = (
        "4 people took part in the chat, besides 2 hosts.\n\n"
        "The chat: 5 messages, besides 4 from the hosts; reactions: 👍 1."
    )
    assert said in alone.stdout and said in both.stdout
    assert section(both.stdout, "1. Talk") == section(alone.stdout, "1. Talk")
    # every message of the co-host's chat is in the host's: 9, one "+1" each
    assert f"- {cohost.name}: Zoom chat (two-line layout), 0 messages (9 duplicates left out)" in (
        both.stdout
    )
    assert both.stderr.splitlines() == [
        f"Warning: {cohost}: dropped 9 messages and 1 reaction already read from an earlier "
        "chat log (same author and text within 90 seconds)"
    ]


# --------------------------------------------------------------------------- who reacted


def test_who_reacted_written_surname_first_counts_each_person_once(cli, afternoon):
    # `Hopper, Grace, Turing, Alan:👍` is two people; `Johnson, Katherine`, who never posts,
    # is one too, as every author's name is written so
    result = export(cli, afternoon, "--chat", CHAT / "zoom-new-chat-surname-first.txt")
    assert "The chat: 3 messages; reactions: 👍 5, ❤️ 1." in result.stdout


SURNAME_FIRST_REPLY = """[14:02] Lovelace, Ada (NHS Tayside)
Ada, OT, joining from Dundee

[14:05] Turing, Alan (NHS Lothian)
Smith, Jo (Acme Care)
my manager does not listen at all, it is awful here

Same for me honestly

[14:06] Lovelace, Ada (NHS Tayside)
Let us keep kindness at handover
"""


def test_a_surname_first_teams_reply_quoting_a_stranger_keeps_their_name_and_words_out(
    cli, afternoon, tmp_path
):
    # End-to-end QA: quoted by a reply, "Smith, Jo (Acme Care)", on no list, no host, who
    # posted nothing in the copy, and their words were published as Alan's, with
    # --anonymous too. A line written as this copy writes its names, surname first with an
    # organisation, is no one's message: it names whom the reply quotes.
    chat = write(tmp_path / "chat.txt", SURNAME_FIRST_REPLY)
    result = export(cli, afternoon, "--chat", chat, "--anonymous")
    talk = section(result.stdout, "1. Talk")
    assert quote_lines(talk) == [
        "- “Ada, OT, joining from Dundee”",
        "- “Same for me honestly”",
        "- “Let us keep kindness at handover”",
    ]
    assert "Smith" not in result.stdout and "manager" not in result.stdout


# A sender whose name in the meeting holds their address, as a Cosmos community call's
# saved chat (published in its notes) shows "Shahan shahan@interchain.berlin".
ADDRESS_IN_A_NAME = """From Shahan Khan shahan@events.example to Everyone:  02:06 PM
What do you think about checkpoints?
From Dan Brown (+44 7700 900123) to Everyone:  02:07 PM
I like this idea too.
"""


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_a_named_quote_never_publishes_an_address_or_number_in_its_author_s_name(
    cli, afternoon, tmp_path, fmt
):
    # With --names, the quote was credited "— Shahan Khan shahan@events.example": the rooms
    # and the shared screen cut such names, the credits did not.
    chat = write(tmp_path / "chat.txt", ADDRESS_IN_A_NAME)
    result = export(cli, afternoon, "--chat", chat, "--names", "--format", fmt)
    for private in ("events.example", "7700", "900123"):
        assert private not in result.stdout
    assert "Shahan Khan shahan@…" in result.stdout
    assert "Dan Brown (phone ending 0123)" in result.stdout
