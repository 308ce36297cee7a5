"""Chat logs as Zoom writes them today: reactions to multi-line messages, lines without their
tab, Zoom cloud-recording transcripts, links with #fragments, logs far from the session, and
big logs read as streams."""

import itertools
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support.chat import said

from liftkit.core.chat import (
    TEAMS_TRANSCRIPT_TEXT,
    ZOOM_NAME_TAB,
    ZOOM_RECORDING,
    ZOOM_SINGLE_LINE,
    ZOOM_TIME_AFTER,
    ZOOM_TWO_LINE,
    ZOOM_WEBVTT,
    ChatLog,
    ChatMessage,
    parse_chat,
    read_chat,
)
from liftkit.core.errors import LiftkitError
from liftkit.core.report.chat_time import chat_clock
from liftkit.core.report.model import tags_in
from liftkit.core.report.sources import Timeline, load_session

CHAT = Path(__file__).parent / "data" / "chat"
SESSION = Path(__file__).parent / "data" / "sessions" / "2026-03-09-135958-hosted-community-event"
HEADER = re.compile(r"^\d\d:\d\d:\d\d From (.+) to Everyone:$")


def test_a_reaction_to_a_multi_line_message_is_a_reaction_not_a_message():
    path = CHAT / "zoom-two-line-multiline.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    headers = [i for i, line in enumerate(lines) if HEADER.match(line)]
    reacting = [i for i in headers if lines[i + 1].startswith(("\tReacted", "\tRemoved"))]
    log = read_chat(path)
    assert log.layout == ZOOM_TWO_LINE and log.unmatched == []
    assert len(log.reactions) == len(reacting)
    assert len(log.messages) == len(headers) - len(reacting)
    assert [(r.author, r.emoji, r.removed) for r in log.reactions] == [
        ("Grace Hopper", "👍🏾", False),
        ("Alan Turing", "❤️", False),
        ("Grace Hopper", "👍🏾", True),
    ]
    assert {r.target for r in log.reactions} == {"Slido: https://app.sli.do/event/abc123"}
    assert not any("Reacted" in m.text or "Removed" in m.text for m in log.messages)


def test_lines_written_without_a_tab_continue_the_message_and_keep_their_indentation():
    log = read_chat(CHAT / "zoom-two-line-multiline.txt")
    by_author = {m.author: m for m in log.messages}
    assert by_author["Ada Lovelace"].text == "Slido:\nhttps://app.sli.do/event/abc123"
    assert by_author["Katherine Johnson"].text == (
        "A question with\na second line written without a tab\n    and indented code kept"
    )
    assert by_author["Mary Somerville"].reply_to == "A question with..."


def test_the_single_line_layout_keeps_the_indentation_of_pasted_code():
    text = (
        "10:00:00\t From  Ada  to  Everyone : here is the loop:\n"
        "for person in people:\n"
        "    if person.ready:\n"
        "        greet(person)\n"
        "10:01:00\t From  Bo  to  Everyone : thanks\n"
    )
    path = Path(__file__).parent / "data" / "chat" / "zoom-single-line.txt"
    assert path.exists()  # the layout's sample; this one adds code
    from liftkit.core.chat import parse_chat

    log = parse_chat(text, "code.txt")
    assert log.messages[0].text.splitlines()[1:] == text.splitlines()[1:4]


def turns(cues: list[tuple[str, str]], starts: list[float] | None = None) -> list[tuple[str, str]]:
    """One speaker's cues in a row as one turn, unless the next starts over 15 s after the
    last (`starts`: each cue's start); cues that name nobody stay apart."""
    out: list[tuple[str, str]] = []
    starts = starts or [0.0] * len(cues)
    for i, (author, text) in enumerate(cues):
        if out and author and out[-1][0] == author and starts[i] - starts[i - 1] <= 15:
            out[-1] = (author, f"{out[-1][1]} {text}")
        else:
            out.append((author, text))
    return out


def test_a_zoom_transcript_is_read_as_turns_by_speaker():
    path = CHAT / "zoom-transcript.vtt"
    text = path.read_text(encoding="utf-8")
    cues = re.findall(r"-->.*\n(.+?): (.+)", text)
    log = read_chat(path)
    assert log.layout == ZOOM_WEBVTT and log.layout_name == "Zoom transcript (WebVTT)"
    assert [(m.author, m.text) for m in log.messages] == turns(cues)
    assert [m.at for m in log.messages[:3]] == [1.02, 10.0, 14.0]  # a turn's first cue


def test_the_newest_saved_chat_gives_each_message_its_date():
    path = CHAT / "zoom-new-chat.txt"
    heads = re.findall(r"^(\d{4}-\d\d-\d\d) \d\d:\d\d:\d\d From (.+?) to ", path.read_text(), re.M)
    log = read_chat(path)
    assert heads and [(m.date, m.author) for m in log.messages] == heads
    assert all(m.date == "" for m in read_chat(CHAT / "zoom-two-line.txt").messages)


def test_a_long_zoom_turn_ends_at_a_sentence_after_a_minute():
    # ten minutes of one speaker's cues, four seconds apart, were one quote, placed in the
    # segment where it began
    from liftkit.core.chat import parse_chat

    cues = [f"part {i}{'.' if i % 5 == 4 else ','}" for i in range(60)]  # 4 minutes
    text = "WEBVTT\n\n" + "".join(
        f"{i + 1}\n00:{4 * i // 60:02d}:{4 * i % 60:02d}.000 --> 00:{4 * i // 60:02d}:"
        f"{4 * i % 60 + 3:02d}.000\nAda Lovelace: {cue}\n\n"
        for i, cue in enumerate(cues)
    )
    log = parse_chat(text, "t.vtt")
    starts = [m.at for m in log.messages]
    assert len(starts) == 3 and all(m.author == "Ada Lovelace" for m in log.messages)
    assert all(m.text.endswith(".") for m in log.messages[:-1])  # cut at sentences' ends
    assert all(b - a <= 80 for a, b in itertools.pairwise(starts))
    assert " ".join(m.text for m in log.messages) == " ".join(cues)  # nothing lost


def test_a_long_teams_turn_ends_at_a_sentence_after_a_minute_or_at_a_pause():
    # A real Teams lecture transcript (cue ids "90a4b0c8-.../18-0", <v> tags) gave its
    # two and a half minutes of one speaker as one quote of 2,000 characters; the Zoom
    # rules apply to Teams' cues as well.
    cues = [f"part {i}{'.' if i % 5 == 4 else ','}" for i in range(40)]  # 160 s
    times = [4 * i for i in range(40)]
    times[30:] = [t + 19 for t in times[30:]]  # a pause of 19 s before cue 30
    text = "WEBVTT\n\n" + "".join(
        f"5d1e7c-{i}/18-0\n00:{t // 60:02d}:{t % 60:02d}.000 --> 00:{t // 60:02d}:"
        f"{t % 60 + 3:02d}.000\n<v Carlos Far&#237;as>{cue}</v>\n\n"
        for i, (t, cue) in enumerate(zip(times, cues, strict=True))
    )
    log = parse_chat(text, "teams.vtt")
    assert {m.author for m in log.messages} == {"Carlos Farías"}
    starts = [m.at for m in log.messages]
    # a sentence's end past a minute (cue 20, at 80 s), then the pause before cue 30
    assert starts == [0, 80, 4 * 30 + 19]
    assert all(m.text.endswith(".") for m in log.messages[:-1])
    assert all(b - a <= 80 for a, b in itertools.pairwise(starts))
    assert " ".join(m.text for m in log.messages) == " ".join(cues)  # nothing lost
    short = parse_chat(text.replace("00:02:", "00:00:").split("5d1e7c-15/")[0], "t.vtt")
    assert len(short.messages) == 1  # a minute of speech, four seconds a cue: one turn


def test_a_long_turn_in_a_transcript_saved_as_text_ends_at_a_sentence_after_a_minute():
    # Zoom starts a block at every pause and one speaker's blocks are joined: three minutes
    # of blocks, 20 s apart, were one quote
    blocks = [f"Point {i}." if i % 2 else f"point {i}," for i in range(10)]
    text = "".join(
        f"[Ada Lovelace] 11:{2 + 20 * i // 60:02d}:{20 * i % 60:02d}\n{said}\n\n"
        for i, said in enumerate(blocks)
    )
    log = parse_chat(text, "transcript.txt")
    assert log.layout_name == "Zoom transcript (saved as text)"
    assert [m.at - log.messages[0].at for m in log.messages] == [0, 80, 160]
    assert " ".join(m.text for m in log.messages) == " ".join(blocks)


def test_a_teams_transcript_without_voices_is_not_one_long_message():
    text = "WEBVTT\n\n" + "".join(
        f"00:00:{i:02d}.000 --> 00:00:{i + 1:02d}.000\nsentence number {i}\n\n" for i in range(30)
    )
    from liftkit.core.chat import parse_chat

    log = parse_chat(text, "t.vtt")
    assert len(log.messages) == 30


def test_link_fragments_are_not_themes_but_tags_are():
    assert tags_in("see https://tc39.es/ecma262/June2018/#sec-Errors #culture") == ("culture",)
    assert tags_in("www.example.org/docs/#intro and …/June2018/#sec-Errors") == ()
    log = read_chat(CHAT / "zoom-two-line-multiline.txt")
    assert tags_in(log.messages[-1].text) == ()


def _timeline():
    return Timeline(load_session(SESSION).events)


def test_a_chat_far_from_the_session_gets_one_date_for_all_its_messages():
    timeline = _timeline()  # the session runs from about 14:00 to 15:10
    times = [1 * 3600, 2 * 3600, 3 * 3600 + 1800]  # 01:00 to 03:30, hours away
    log = ChatLog("far.txt", ZOOM_TWO_LINE, clock=True)
    log.messages = [ChatMessage(i + 1, at, "Ada", "hello") for i, at in enumerate(times)]
    stamp = chat_clock(log, timeline, None)
    stamps = [stamp(at) for at in times]
    assert stamps == sorted(stamps)
    assert len({int(s // 86400) for s in stamps}) == 1
    assert stamps[-1] - stamps[0] == times[-1] - times[0]


def test_a_chat_running_past_midnight_stays_in_order():
    timeline = _timeline()
    times = [23 * 3600 + 3000, 23 * 3600 + 3590, 60, 600]  # 23:50 to 00:10
    log = ChatLog("late.txt", ZOOM_TWO_LINE, clock=True)
    log.messages = [ChatMessage(i + 1, at, "Ada", "hello") for i, at in enumerate(times)]
    stamp = chat_clock(log, timeline, None)
    stamps = [stamp(at) for at in times]
    assert stamps == sorted(stamps) and stamps[-1] - stamps[0] == 1200


# The child's own peak (VmHWM): ru_maxrss is kept over fork and exec, so a child of a pytest
# process bigger than the read would report pytest's peak, and the difference below would be 0.
PEAK = """
import resource, sys
from pathlib import Path
from liftkit.core.chat import read_chat
log = read_chat(Path(sys.argv[1]))
with open("/proc/self/status") as status:
    hwm = [int(line.split()[1]) for line in status if line.startswith("VmHWM:")]
print(len(log.messages), hwm[0] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def test_a_big_chat_log_is_read_as_a_stream(tmp_path):
    """A 20 MB log with an emoji (which makes Python hold text at 4 bytes a character) peaks
    well under what holding it whole would: the file's text alone would take 80 MB."""
    path = tmp_path / "big.txt"
    message = "10:00:00 From Ada Lovelace to Everyone:\n\tshort 👍\n"
    filler = "10:00:01 From Grace Hopper to Everyone:\n\t" + "x" * 400 + "\n"
    with open(path, "w", encoding="utf-8") as out:
        out.write(message)
        for _ in range(20_000_000 // len(filler)):
            out.write(filler)
    result = subprocess.run(
        [sys.executable, "-c", PEAK, str(path)], capture_output=True, text=True, check=True
    )
    messages, peak_kib = map(int, result.stdout.split())
    assert messages == 1 + 20_000_000 // len(filler)
    baseline = subprocess.run(
        [sys.executable, "-c", PEAK.replace("log = read_chat(Path(sys.argv[1]))", "log = []")
         .replace("len(log.messages)", "0"), str(path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    base_kib = int(baseline.stdout.split()[1])
    assert (peak_kib - base_kib) < 60_000  # the messages' own text is about 20 MB


REAL = CHAT / "real"


def test_a_real_single_line_zoom_chat_reads_every_line_as_a_message():
    path = REAL / "zoom-single-line-certcc-ssvc.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    log = read_chat(path)
    assert log.layout == ZOOM_SINGLE_LINE and log.unmatched == []
    assert len(log.messages) == len(lines)
    assert [m.author for m in log.messages] == [line.split(" From  ")[1].split(" : ")[0]
                                                for line in lines]  # fmt: skip
    # What Zoom glued together stays as it was; links keep their #fragments out of themes.
    assert log.messages[0].text.endswith('02:11 PM"patch" should go awaysupplier, uservendor, user')
    assert all(tags_in(m.text) == () for m in log.messages)


RECORDING = (
    "00:12:42\tAda Lovelace:\thttps://example.org/discussions/27291\r\n"
    "00:28:29\tGrace Hopper (Fife):\tI am in a loud place, so I'll ask here ....\r\n"
    "Is something similar planned for the next session?\r\n"
    "\r\n"
    "00:29:20\tAda Lovelace:\tGrace, I'll ask in a moment.\r\n"
    '00:29:35\tGrace Hopper (Fife):\tReacted to "Grace, I\'ll ask in a..." with 👍\r\n'
    '00:30:10\tAlan Turing:\tReplying to "I am in a loud place..."\r\n'
    "\r\n"
    "Yes, in March.\r\n"
)


def test_a_zoom_cloud_recording_chat_is_read_with_times_from_the_recording_start():
    log = parse_chat(RECORDING.encode(), "chat.txt")
    assert log.layout == ZOOM_RECORDING and not log.clock
    assert [(m.at, m.author) for m in log.messages] == [
        (762.0, "Ada Lovelace"),
        (1709.0, "Grace Hopper (Fife)"),
        (1760.0, "Ada Lovelace"),
        (1810.0, "Alan Turing"),
    ]
    assert log.messages[1].text.endswith("\nIs something similar planned for the next session?")
    assert (log.messages[3].reply_to, log.messages[3].text) == (
        "I am in a loud place...",
        "Yes, in March.",
    )
    assert [(r.author, r.emoji) for r in log.reactions] == [("Grace Hopper (Fife)", "👍")]


# Replies on the message's own line, as a cloud recording's chat writes them (public meeting
# notes, tests/data/chat/real/README.md): the reply may end with a quote mark, start with one,
# or quote a message that holds quote marks itself.
INLINE_REPLIES = (
    "00:10:00\tAnn Lee:\tWhat should we call it?\n"
    '00:10:30\tBo Chan:\tReplying to "What should we call ..." I vote for "Bridges"\n'
    '00:11:00\tAnn Lee:\tHe said "stop" and "go" at once\n'
    '00:11:30\tBo Chan:\tReplying to "He said "stop" and ..." I heard "go" too\n'
    '00:12:00\tCy Dee:\tReplying to "He said "stop" and ..." agreed\n'
    "00:12:30\tAnn Lee:\tsee https://example.org/tags for the data\n"
    '00:13:00\tCy Dee:\tReplying to "see https://example...." "created": "-67", odd\n'
    '00:13:30\tBo Chan:\tReplying to "Slido: "Bridges" or ..."\n'
    "Bridges, with the quotes\n"
)


def test_replies_on_one_line_are_quoted_without_the_message_they_reply_to(cli, tmp_path):
    replies = [
        'I vote for "Bridges"', 'I heard "go" too', "agreed", '"created": "-67", odd',
        "Bridges, with the quotes",
    ]  # fmt: skip
    log = parse_chat(INLINE_REPLIES, "chat.txt")
    assert [m.text for m in log.messages if m.reply_to] == replies
    assert [m.reply_to for m in log.messages if m.reply_to] == [
        "What should we call ...", 'He said "stop" and ...', 'He said "stop" and ...',
        "see https://example....", 'Slido: "Bridges" or ...',
    ]  # fmt: skip
    path = tmp_path / "chat.txt"
    path.write_text(INLINE_REPLIES, encoding="utf-8")
    result = cli("export", str(SESSION), "--chat", str(path))
    assert result.exit_code == 0, result.output
    headers = [line for line in INLINE_REPLIES.splitlines() if line[:1].isdigit()]
    assert f"The chat: {len(headers)} messages" in result.stdout
    quoted = re.findall(r"^- “(.*?)”", result.stdout, flags=re.MULTILINE)
    assert all(reply in quoted for reply in replies)
    assert not any("Replying to" in quote for quote in quoted)


def test_a_line_that_fits_no_layout_is_shown_without_its_escape_sequences():
    text = (
        "10:00:00 From Ada to Everyone:\n\thi\n"
        "10:00:99 \x1b]52;c;ZXZpbA==\x07 garbled\n"
        "10:01:00 From Bo to Everyone:\n\tok\n"
    )
    [warning] = parse_chat(text, "c.txt").warnings()
    assert "\x1b" not in warning and "\x07" not in warning
    assert warning.endswith('skipped: "10:00:99 \\x1b]52;c;ZXZpbA==\\x07 garbled"')


def test_a_zoom_chat_with_a_tab_after_the_name_reads_times_of_day_and_direct_messages():
    path = CHAT / "zoom-name-tab.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    headers = [line for line in lines if re.match(r"\d\d:\d\d:\d\d ", line)]
    log = read_chat(path)
    assert log.layout == ZOOM_NAME_TAB and log.clock and log.unmatched == []
    assert len(log.messages) + len(log.reactions) == len(headers)
    alan = next(m for m in log.messages if m.author == "Alan Turing")
    assert alan.text == (
        "I tried the exercise:\nheroku/7.53.0 linux-x64 node-v12.21.0\n"
        "    indented output stays indented"
    )
    direct = next(m for m in log.messages if m.author == "Katherine Johnson")
    assert (direct.private, direct.to) == (True, "Ada Lovelace")
    assert log.messages[0].at == 14 * 3600 + 2 * 60 + 35


def test_older_reactions_quote_the_emoji_and_replies_quote_over_two_lines():
    # The shapes of a large saved chat of a certification course (1,500 messages): reactions
    # from older clients quote the emoji rather than the message, and a reply or reaction to a
    # message with a line break quotes its start over two lines.
    text = (
        "10:07:00 From Rana to Everyone:\n\tThe recording is fine\n"
        '10:07:23 From Rawan to Everyone:\n\tReacted to The recording is fin... with "👍"\n'
        '10:08:00 From Rishi to Everyone:\n\tReacted to true with "👍"\n'
        '10:08:10 From Rishi to Everyone:\n\tRemoved a 👍 reaction from "true"\n'
        "10:40:00 From Amal to Everyone:\n\tAs-Salamu Alaykum,\n\tThanks for today\n"
        '10:42:17 From Abu Khan to Everyone:\n\tReplying to "As-Salamu Alaykum,\n\tT..."\n'
        "\t\n\tThank you very much.\n"
        '10:45:42 From Rawan to Everyone:\n\tReacted to As-Salamu Alaykum,\n\tT... with "❤️"\n'
    )
    log = parse_chat(text, "meeting_saved_chat.txt")
    assert [(m.author, m.reply_to, m.text) for m in log.messages] == [
        ("Rana", None, "The recording is fine"),
        ("Amal", None, "As-Salamu Alaykum,\nThanks for today"),
        ("Abu Khan", "As-Salamu Alaykum, T...", "Thank you very much."),
    ]
    assert [(r.author, r.emoji, r.target, r.removed) for r in log.reactions] == [
        ("Rawan", "👍", "The recording is fin...", False),
        ("Rishi", "👍", "true", False),
        ("Rishi", "👍", "true", True),
        ("Rawan", "❤️", "As-Salamu Alaykum, T...", False),
    ]


def test_a_double_colon_in_a_single_line_sender_stays_in_the_name():
    text = (
        "10:02:04\t From  Ken Kay :: Instructor : http://example.org/dev-on-aws\n"
        "10:03:00\t From  Ada : Agenda: see the link\n"
    )
    log = parse_chat(text, "meeting_saved_chat.txt")
    assert [(m.author, m.text) for m in log.messages] == [
        ("Ken Kay :: Instructor", "http://example.org/dev-on-aws"),
        ("Ada", "Agenda: see the link"),
    ]


# The newest saved chat (meeting_saved_new_chat.txt, Zoom from 2025): the date before the time,
# "(direct message)", a blank tab line after each message, and under a message who reacted
# with what. The shape of four such files on GitHub, the largest a facilitation workshop's
# (names and words made up here).
NEW_CHAT = (
    "2026-03-16 17:11:42 From Adam Zable to Everyone:\n\tHow do we begin?\n\t\n"
    "2026-03-16 17:12:37 From Maria Milo to Everyone:\n\thttps://example.org/chat\n"
    "\tJoseph, Renad Baomar:❤️\n\t\n"
    "2026-03-16 17:17:05 From Adam Zable to Everyone:\n\tI think it would work\n"
    "\tElla Sota, Peiyu Chen, Artem Zhig:👍\n\tAlex Soto:✅\n\t\n"
    "2026-03-16 17:18:46 From Ella Sota to Everyone:\n"
    '\tReplying to "I think it would work":\n\tTotally - noted!\n\tThanks all:)\n\t\n'
    "2026-03-16 17:19:33 From Artem Zhig to Ella Sota (direct message):\n\tnice jazz!\n"
    "\tElla Sota:❤️\n\t\n"
)


def test_the_newest_zoom_chat_with_dates_and_who_reacted_under_each_message():
    log = parse_chat(NEW_CHAT, "meeting_saved_new_chat.txt")
    assert log.layout == ZOOM_TWO_LINE and not log.unmatched and log.clock
    assert [(m.author, m.to, m.private, m.reply_to, m.text) for m in log.messages] == [
        ("Adam Zable", "Everyone", False, None, "How do we begin?"),
        ("Maria Milo", "Everyone", False, None, "https://example.org/chat"),
        ("Adam Zable", "Everyone", False, None, "I think it would work"),
        ("Ella Sota", "Everyone", False, "I think it would work", "Totally - noted!\nThanks all:)"),
        ("Artem Zhig", "Ella Sota", True, None, "nice jazz!"),
    ]
    assert log.messages[0].at == 17 * 3600 + 11 * 60 + 42
    assert [(r.author, r.emoji, r.target, r.private) for r in log.reactions] == [
        ("Joseph", "❤️", "https://example.org/chat", False),
        ("Renad Baomar", "❤️", "https://example.org/chat", False),
        ("Alex Soto", "✅", "I think it would work", False),
        ("Ella Sota", "👍", "I think it would work", False),
        ("Peiyu Chen", "👍", "I think it would work", False),
        ("Artem Zhig", "👍", "I think it would work", False),
        ("Ella Sota", "❤️", "nice jazz!", True),
    ]


# Older chat.txt files (a recording on the computer) write public messages with a tab after the
# name and direct messages as single-line headers, in one file: the shape an open-source Zoom
# chat viewer documents from real files (names and words made up here).
MIXED = (
    "17:59:50\tErik Newhard:\tHello everyone\n"
    "17:59:57\t From  Erik Newhard   to   Sayuri(Privately) : Hey Sayuri!\n"
    "Glad to see you in this course, too\n"
    "18:00:05\tJulia Saxena:\tHi all, glad to be here\n"
    "18:00:15\t From  Erik Newhard   to   Julia Saxena(Direct Message) : That worked\n"
    "18:00:40\t From  Erik Newhard   to   Julia(garbled\n"
    "a line of that garbled message\n"
    "18:01:00\tSayuri:\tQuestion: when do we start?\n"
)


def test_direct_messages_among_tab_after_name_lines_stay_private():
    # Before, each direct message was read as more lines of the public message above it.
    log = parse_chat(MIXED, "chat.txt")
    assert said(log) == [
        ("Erik Newhard", "Everyone", False, "Hello everyone"),
        ("Erik Newhard", "Sayuri", True, "Hey Sayuri!\nGlad to see you in this course, too"),
        ("Julia Saxena", "Everyone", False, "Hi all, glad to be here"),
        ("Erik Newhard", "Julia Saxena", True, "That worked"),
        ("Sayuri", "Everyone", False, "Question: when do we start?"),
    ]
    assert [number for number, _ in log.unmatched] == [6, 7]  # neither joins a message


# Zoom writes its headers in the language of the app. The shapes of saved chats published in
# public repositories, one for each form (names and words made up here): two-line in Spanish,
# German and Chinese, single-line in Russian and Japanese, and German with the time after the
# name. Reactions stay in English, as in the Spanish one.
LOCALIZED = {
    "Spanish": (
        "19:04:12 De  Ana María Ruiz  a  Todos:\n\tbuenas tardes\n"
        "19:04:16 De  Juan a Pedro  a  Todos:\n\tHola profe!\n\tsegunda línea\n"
        '19:05:02 De  Lucía Gómez  a  Todos:\n\tReacted to "buenas tardes" with 🫂\n'
        "19:06:00 De  Ana María Ruiz  a  Lucía Gómez:\n\tsolo para ti\n",
        "zoom-two-line",
    ),
    "French": (
        "17:52:15 De  Gérard Martin  à  Tout le monde:\n\tre-bonjour\n"
        "18:15:24 De  VOTE SECRET  à  Tout le monde:\n\tpour\n"
        "18:16:00 De  Ana Lopes  à  Gérard Martin:\n\tentre nous\n",
        "zoom-two-line",
    ),
    "German": (
        "18:49:10 Von  Sergej Koch  an  Alle:\n\thttps://example.org/docs - bitte lesen\n"
        "18:50:00 Von  Jan Weber  an  Alle:\n\tDanke!\n"
        "18:51:00 Von  Jan Weber  an  Sergej Koch:\n\tunter uns\n",
        "zoom-two-line",
    ),
    "Russian": (
        "18:55:27 От  Кирилл Шамбир  кому  Все : +\n"
        "19:01:24 От  Иван Будаев   кому  Все : Здравствуйте!\n"
        "19:02:37 От  alexanderR  кому  Иван Будаев : только тебе\n",
        "zoom-single-line",
    ),
    "Japanese": (
        "16:29:55 開始 ホスト・事務局 に 全員 : 質問はいつでも書き込めます。\n"
        "18:05:29 開始 櫻井 雅人 に 全員 : 音声が切れています\n"
        "18:09:43 開始 ホスト・事務局 に さくらスマホ（ダイレクトメッセージ） : テストします\n"
        "18:10:00 開始 Arisa Kimura 終了 皆様 : こんにちは！\n",
        "zoom-single-line",
    ),
    "Korean": (
        "13:02:43 발신자 2조 김민수 수신자 모두에게:\n\t네 !\n"
        "13:03:28 발신자 2조_이서연 수신자 모두에게:\n\t저 방금 왔습니다!\n"
        "13:04:00 발신자 2조_이서연 수신자 2조 김민수:\n\t너만\n",
        "zoom-two-line",
    ),
    "Chinese": (
        "13:56:21  王老师 對 所有人:\n\thttps://example.org/folder\n"
        "14:39:26  Qi Sun 对 所有人:\n\t我的功课\n",
        "zoom-two-line",
    ),
}
LOCALIZED_READ = {
    "Spanish": [
        ("Ana María Ruiz", "Everyone", False, "buenas tardes"),
        ("Juan a Pedro", "Everyone", False, "Hola profe!\nsegunda línea"),
        ("Ana María Ruiz", "Lucía Gómez", True, "solo para ti"),
    ],
    "French": [
        ("Gérard Martin", "Everyone", False, "re-bonjour"),
        ("VOTE SECRET", "Everyone", False, "pour"),
        ("Ana Lopes", "Gérard Martin", True, "entre nous"),
    ],
    "German": [
        ("Sergej Koch", "Everyone", False, "https://example.org/docs - bitte lesen"),
        ("Jan Weber", "Everyone", False, "Danke!"),
        ("Jan Weber", "Sergej Koch", True, "unter uns"),
    ],
    "Russian": [
        ("Кирилл Шамбир", "Everyone", False, "+"),
        ("Иван Будаев", "Everyone", False, "Здравствуйте!"),
        ("alexanderR", "Иван Будаев", True, "только тебе"),
    ],
    "Japanese": [
        ("ホスト・事務局", "Everyone", False, "質問はいつでも書き込めます。"),
        ("櫻井 雅人", "Everyone", False, "音声が切れています"),
        ("ホスト・事務局", "さくらスマホ", True, "テストします"),
        ("Arisa Kimura", "Everyone", False, "こんにちは！"),
    ],
    "Korean": [
        ("2조 김민수", "Everyone", False, "네 !"),
        ("2조_이서연", "Everyone", False, "저 방금 왔습니다!"),
        ("2조_이서연", "2조 김민수", True, "너만"),
    ],
    "Chinese": [
        ("王老师", "Everyone", False, "https://example.org/folder"),
        ("Qi Sun", "Everyone", False, "我的功课"),
    ],
}


@pytest.mark.parametrize("language", sorted(LOCALIZED))
def test_a_zoom_chat_saved_in_another_language_reads_as_the_english_one(language):
    text, layout = LOCALIZED[language]
    log = parse_chat(text, "meeting_saved_chat.txt")
    assert log.layout == layout and not log.unmatched
    assert said(log) == LOCALIZED_READ[language]
    assert log.warnings() == [
        f"meeting_saved_chat.txt: Zoom's headers in {language}; read as the English ones"
    ]
    if language == "Spanish":
        assert [(r.author, r.emoji, r.target) for r in log.reactions] == [
            ("Lucía Gómez", "🫂", "buenas tardes")
        ]


@pytest.mark.parametrize(
    ("language", "everyone"), [("French", "à  Tout le monde"), ("Italian", "a  Tutti")]
)
def test_a_chat_copied_from_a_panel_in_another_language(language, everyone):
    to = "à" if language == "French" else "a"
    text = (
        f"Campus Team  {everyone} 16:37\nExpected argument of type array\n\n"
        f"Ana Lopes  {everyone} 4:40 PM\nmerci\ngrazie\n\n"
        f"Luca Bianchi  {to}  Ana Lopes 16:41\nsolo per te\n"
    )
    log = parse_chat(text, "copied.txt")
    assert log.layout == ZOOM_TIME_AFTER and not log.unmatched
    assert [(m.author, m.to, m.at, m.private, m.text) for m in log.messages] == [
        ("Campus Team", "Everyone", 16 * 3600 + 37 * 60, False, "Expected argument of type array"),
        ("Ana Lopes", "Everyone", 16 * 3600 + 40 * 60, False, "merci\ngrazie"),
        ("Luca Bianchi", "Ana Lopes", 16 * 3600 + 41 * 60, True, "solo per te"),
    ]
    assert log.warnings() == [f"copied.txt: Zoom's headers in {language}; read as the English ones"]


def test_the_oldest_spanish_layout_names_no_recipient_and_marks_direct_messages():
    text = (
        "17:46:06\t De  Cursos Sinergia : http://example.org/index.php\n"
        '18:23:22\t De  Cursos Sinergia : @When("Ingreso el nombre a buscar:$")\n'
        "21:07:43\t De  Micaela Mera  a  Cursos Sinergia(En privado) : ya le pasé\n"
        "21:08:00\t De  Dario Gómez : 5\n"
    )
    log = parse_chat(text, "meeting_saved_chat.txt")
    assert log.layout == ZOOM_SINGLE_LINE and not log.unmatched
    assert said(log) == [
        ("Cursos Sinergia", "Everyone", False, "http://example.org/index.php"),
        ("Cursos Sinergia", "Everyone", False, '@When("Ingreso el nombre a buscar:$")'),
        ("Micaela Mera", "Cursos Sinergia", True, "ya le pasé"),
        ("Dario Gómez", "Everyone", False, "5"),
    ]


def test_a_german_chat_with_the_time_after_the_name_reads_a_12_hour_clock():
    text = (
        "Von Elke Brandt an alle:  09:00 PM\nHallo zusammen\n"
        "Von Jan Weber an alle:  09:02 PM\nGuten Abend\n"
    )
    log = parse_chat(text, "chat.txt")
    assert log.layout == ZOOM_TIME_AFTER and not log.unmatched
    assert [(m.author, m.to, m.at, m.text) for m in log.messages] == [
        ("Elke Brandt", "Everyone", 21 * 3600, "Hallo zusammen"),
        ("Jan Weber", "Everyone", 21 * 3600 + 120, "Guten Abend"),
    ]


# The same, with French, Spanish and Italian headers: the shapes of chats pasted into public
# code comments and scripts (an AutoHotkey script, Android, Java, SQL and JavaScript lessons;
# names and words made up here). `moi` is the French "Me".
TIME_AFTER_LOCALIZED = {
    "French": (
        "De moi à tout le monde:  02:04 PM\nI'll have a question when we have time.\n\n\n"
        "De Luc Maes à tout le monde:  02:08 PM\nYou can use \\Q and \\E\n"
        "again, \\Q and \\E\n\n"
        "De Inés Prado à Luc Maes:  02:09 PM\nentre nous\n\n"
        "De Inés Prado à tout le monde:  02:12 PM\nSorry ^.+\\.docx$\n"
    ),
    "Spanish": (
        "de ANA MARÍA SOLÍS a todos:    2:05 PM\nla guía del SDK, sección 3\n"
        "de Ruiz Pardo, Marta a todos:    2:10 PM\n$alumno = new Alumno(\n    2,\n);\n"
        "de Ruiz Pardo, Marta a ANA MARÍA SOLÍS:    2:11 PM\nsolo para ti\n"
    ),
    "Spanish (para)": (
        "De Marta Vidal para todos:  02:05 PM\nselect * from rh.dbo.cargo;\n"
        "De Luis Campos para todos:  02:07 PM\ngo\n"
        "De Luis Campos para Marta Vidal:  02:08 PM\nsolo para ti\n"
    ),
    "Italian": (
        "da ACADEMIA WEB a tutti:    2:05 PM\nconst [formData, setFormData] = useState({})\n"
        'da Docente AULA07 a tutti:    2:07 PM\natt1 = {"inizio": "2023-07-06"}\n'
        "da Docente AULA07 a ACADEMIA WEB:    2:08 PM\nsolo per te\n"
    ),
}


@pytest.mark.parametrize("shape", sorted(TIME_AFTER_LOCALIZED))
def test_a_chat_with_the_time_after_the_name_in_another_language_goes_into_the_pack(
    cli, tmp_path, shape
):
    text = TIME_AFTER_LOCALIZED[shape]
    path = tmp_path / "chat.txt"
    path.write_text(text, encoding="utf-8")
    everyone = ("tout le monde", "todos", "tutti")
    heads = [re.match(r"(?:De|de|da) (.+?) (?:à|a|para) (.+?):  +", line)
             for line in text.splitlines()]  # fmt: skip
    public = [m.group(1) for m in heads if m and m.group(2) in everyone]
    bodies = [line.strip() for line in text.split("\n")]
    result = cli("export", str(SESSION), "--chat", str(path), "-f", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    language = shape.split()[0]
    assert f"Zoom's headers in {language}; read as the English ones" in result.stderr
    pack = json.loads(result.stdout)
    [entry] = pack["chat"]["files"]
    assert (entry["messages"], entry["direct_messages_left_out"]) == (len(public), 1)
    quoted = [(q["author"], q["text"]) for segment in pack["segments"]
              for q in segment["reflections"] if q["source"] == "chat"]  # fmt: skip
    # "moi" is the host who saved the chat: counted, never quoted
    assert [author for author, _ in quoted] == [a for a in public if a != "moi"]
    assert all(line in bodies for _, quote in quoted for line in quote.split("\n"))
    assert not any("entre nous" in quote or "solo p" in quote for _, quote in quoted)


# Zoom's older desktop clients put the time after the name, on a 12-hour clock, with the
# message on the lines below; some copies put the time in brackets and the message after it.
# The shape of saved chats published in meeting notes (names and words made up here).
TIME_AFTER = (
    "From Ada Lovelace to Everyone:  12:26 PM\n"
    "What if a proposal that misses the quorum only loses part of its deposit?\n"
    "@Grace what is a temperature check?\n"
    "From Grace Hopper | Navy to Everyone:  12:30 PM\n"
    "A vote before the vote, with a lower threshold.\n"
    "From Me to Everyone:  01:00 PM\n"
    "Thanks!\n"
    " From Alan Turing to Everyone: (12:05 AM)\n"
    " Still here, chat only.\n"
    "From Alan Turing to Ada Lovelace (Direct Message): (01:02 PM)Just between us.\n"
)


def test_a_zoom_chat_with_the_time_after_the_name_reads_a_12_hour_clock(tmp_path):
    path = tmp_path / "meeting_saved_chat.txt"
    path.write_text(TIME_AFTER, encoding="utf-8")
    log = read_chat(path)
    assert log.layout == ZOOM_TIME_AFTER and log.unmatched == [] and log.clock
    assert [(m.author, m.at) for m in log.messages] == [
        ("Ada Lovelace", 12 * 3600 + 26 * 60),
        ("Grace Hopper | Navy", 12 * 3600 + 30 * 60),
        ("Me", 13 * 3600),
        ("Alan Turing", 5 * 60),
        ("Alan Turing", 13 * 3600 + 2 * 60),
    ]
    assert log.messages[0].text.splitlines() == TIME_AFTER.splitlines()[1:3]
    assert log.messages[3].text == "Still here, chat only."
    last = log.messages[-1]
    assert (last.text, last.to, last.private) == ("Just between us.", "Ada Lovelace", True)
    assert not any(m.private for m in log.messages[:-1])


# A chat pasted into notes or an e-mail comes back with every line indented, or quoted ("> ").
@pytest.mark.parametrize(
    "name",
    ["zoom-community.txt", "zoom-two-line-multiline.txt", "zoom-single-line.txt",
     "zoom-name-tab.txt", "meet.sbv"],
)  # fmt: skip
@pytest.mark.parametrize(
    ("margin", "words"),
    [("    ", "4 spaces"), ("\t", "a tab"), ("> ", 'the quote mark ">"')],
)
def test_a_chat_pasted_indented_or_quoted_reads_as_the_saved_one(tmp_path, name, margin, words):
    original = (CHAT / name).read_text(encoding="utf-8")
    blank = margin.rstrip() if ">" in margin else ""  # a quoted blank line is a bare ">"
    pasted = tmp_path / name
    pasted.write_text(
        "".join(margin + line if line.strip() else blank + "\n"
                for line in original.splitlines(keepends=True)),
        encoding="utf-8",
    )  # fmt: skip

    def seen(log: ChatLog) -> list[tuple]:
        return [(m.author, m.at, m.text, m.to, m.private) for m in log.messages]

    saved, read = read_chat(CHAT / name), read_chat(pasted)
    assert read.layout == saved.layout and read.unmatched == saved.unmatched
    assert seen(read) == seen(saved) and len(read.messages) >= 3
    assert [(r.author, r.emoji) for r in read.reactions] == [
        (r.author, r.emoji) for r in saved.reactions
    ]
    assert read.warnings()[0] == f"{pasted}: every line starts with {words}; read without it"
    assert not saved.notes


# A chat kept in Markdown meeting notes as a list: each message marked "- ", its lines under
# the mark indented (the shape of a blockchain core developers' call notes on GitHub).
@pytest.mark.parametrize(
    "name", ["zoom-community.txt", "zoom-two-line-multiline.txt", "zoom-single-line.txt"]
)
@pytest.mark.parametrize("mark", ["- ", "* "])
def test_a_chat_kept_as_a_markdown_list_reads_as_the_saved_one(tmp_path, name, mark):
    original = (CHAT / name).read_text(encoding="utf-8")
    listed = tmp_path / name
    listed.write_text(
        "".join(
            mark + line if re.match(r"\d\d:\d\d:\d\d", line)
            else "    " + line.removeprefix("\t") if line.strip() else "\n"
            for line in original.splitlines(keepends=True)
        ),
        encoding="utf-8",
    )  # fmt: skip
    saved, read = read_chat(CHAT / name), read_chat(listed)
    assert read.layout == saved.layout and read.unmatched == saved.unmatched
    assert [(m.author, m.at, m.text, m.to, m.private) for m in read.messages] == [
        (m.author, m.at, m.text, m.to, m.private) for m in saved.messages
    ]
    assert len(read.messages) >= 3
    assert read.warnings()[0] == (
        f'{listed}: a list, each message marked "{mark.strip()}"; read without the marks'
    )


def test_a_markdown_list_that_is_no_chat_is_still_refused(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("- 3 apples\n- bring the slides\n    and the cables\n", "utf-8")
    with pytest.raises(LiftkitError) as caught:
        read_chat(path)
    assert caught.value.message.startswith(f"{path}: not a chat log: no line looks like")


def test_closed_captions_without_speakers_are_refused_for_what_they_are(tmp_path):
    # a local recording's closed_caption.txt, as two student projects on GitHub hold it
    path = tmp_path / "closed_caption.txt"
    path.write_text(
        "16:02:22 Just give me one minute.\n16:02:24 Yeah.\n"
        "16:02:31 Hi, and thank you for taking the time to speak with us today.\n",
        "utf-8",
    )
    with pytest.raises(LiftkitError) as caught:
        read_chat(path)
    assert caught.value.message == (
        f"{path}: Zoom's closed captions (closed_caption.txt), which name no speaker: "
        "nothing in it can be quoted as someone's words"
    )


def test_indented_notes_that_are_no_chat_are_still_refused_in_one_line(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("    Agenda for Tuesday\n    > bring the slides\n\n    thanks\n", "utf-8")
    with pytest.raises(LiftkitError) as caught:
        read_chat(path)
    assert caught.value.message.startswith(f"{path}: not a chat log: no line looks like")


# The chat copied from the meeting's chat panel, as pasted into published meeting notes: a
# glider-science workshop (Zoom 5, 24-hour clock), Kubernetes and Scala study-group notes
# (12-hour clock), and class notes from older clients ("From … to Everyone 10:44 AM", no
# colon). Found with the search tool; licences not known, so only their shape is kept here
# (names and words made up).
COPIED = (
    "Ada Lovelace to Everyone (09:38)\n"
    "velocities https://docs.example.org/d/1kKOt7kU/edit\n"
    "drift https://docs.example.org/d/1nNtHyG0/edit\n"
    "Grace Hopper  to Everyone (10:05)\n"
    "All fine here? Everyone can edit the documents?\n"
    "From 9 to 5, then 10:30\n"
    "Me to Everyone (10:17)\n"
    "yep, thanks to everyone (me included)\n"
    "Brooklyn Ada (@ada) to Everyone (4:50 PM)\n"
    "Helicoidal dives are possible too\n"
    "Katherine Johnson to Me (Direct Message) (16:52)\n"
    "Just between us.\n"
)
COPIED_FROM = (
    "From Dattatray Example to Everyone 10:03 PM\n"
    "select abs(10) from dual;\n"
    "From now on, to be safe, we start at 10:30\n"
    "From Gabriel Example - AWS to Everyone 10:15 AM\n"
    "https://docs.example.com/workbench.html\n"
)


def test_a_zoom_chat_copied_from_the_meeting_window_reads_each_message(tmp_path):
    path = tmp_path / "copied.txt"
    path.write_text(COPIED, encoding="utf-8")
    log = read_chat(path)
    assert log.layout == ZOOM_TIME_AFTER and log.unmatched == [] and log.clock
    assert [(m.author, m.at, m.private) for m in log.messages] == [
        ("Ada Lovelace", 9 * 3600 + 38 * 60, False),
        ("Grace Hopper", 10 * 3600 + 5 * 60, False),
        ("Me", 10 * 3600 + 17 * 60, False),
        ("Brooklyn Ada (@ada)", 16 * 3600 + 50 * 60, False),
        ("Katherine Johnson", 16 * 3600 + 52 * 60, True),
    ]
    lines = COPIED.splitlines()
    assert log.messages[0].text.splitlines() == lines[1:3]
    assert log.messages[1].text.splitlines() == lines[4:6]  # "From 9 to 5" is the message's
    assert log.messages[2].text == lines[7]
    assert (log.messages[-1].to, log.messages[-1].text) == ("Me", "Just between us.")


def test_a_zoom_chat_copied_from_an_older_client_without_the_colon(tmp_path):
    path = tmp_path / "copied.txt"
    path.write_text(COPIED_FROM, encoding="utf-8")
    log = read_chat(path)
    assert log.layout == ZOOM_TIME_AFTER and log.unmatched == []
    assert [(m.author, m.at) for m in log.messages] == [
        ("Dattatray Example", 22 * 3600 + 3 * 60),
        ("Gabriel Example - AWS", 10 * 3600 + 15 * 60),
    ]
    assert log.messages[0].text.splitlines() == COPIED_FROM.splitlines()[1:3]


# Newer clients copy the panel without brackets: "Name  to  Everyone 14:25", a blank line between
# messages, "(Edited)" after some times; the shape of class and workshop notes on GitHub
# (ten found with the search tool; names and words made up here).
COPIED_BARE = (
    "Ayesha Rao  to  Everyone 14:25\n"
    "Has a group been formed for this section?\n"
    "\n"
    "You  to  Everyone 14:27 (Edited)\n"
    "No, not yet\n"
    "\n"
    "Kate Lock  to  Everyone 1:56 PM\n"
    "# Getting Started\n"
    "- create a `package.json`\n"
    "\n"
    "Sam Kumar  to  Ayesha Rao 15:02\n"
    "just for you\n"
    "\n"
    "Training Team  to  Everyone 16:14\n"
    "flask==2.3.2\n"
    "meet at 5 to 6 14:00\n"
)


def test_a_zoom_chat_copied_from_a_newer_panel_without_brackets(tmp_path):
    path = tmp_path / "copied.txt"
    path.write_text(COPIED_BARE, encoding="utf-8")
    log = read_chat(path)
    assert log.layout == ZOOM_TIME_AFTER and log.unmatched == []
    assert [(m.author, m.to, m.at, m.private, m.text) for m in log.messages] == [
        ("Ayesha Rao", "Everyone", 14 * 3600 + 25 * 60, False,
         "Has a group been formed for this section?"),
        ("You", "Everyone", 14 * 3600 + 27 * 60, False, "No, not yet"),
        ("Kate Lock", "Everyone", 13 * 3600 + 56 * 60, False,
         "# Getting Started\n- create a `package.json`"),
        ("Sam Kumar", "Ayesha Rao", 15 * 3600 + 2 * 60, True, "just for you"),
        ("Training Team", "Everyone", 16 * 3600 + 14 * 60, False,
         "flask==2.3.2\nmeet at 5 to 6 14:00"),  # one space around "to": the message's
    ]  # fmt: skip


def test_a_webinar_chat_quotes_messages_to_all_panelists_and_attendees():
    # webinar notes on GitHub: the attendees' chat to everyone, and questions to the panel
    text = (
        "From Ian Jones to All panelists and attendees: (01:20 PM)\n"
        "This is like reducing a stream?\n"
        "From Itay Ross to All panelists: (01:21 PM)\n"
        "Are there more operators like scan?\n"
    )
    log = parse_chat(text, "webinar.txt")
    assert said(log) == [
        ("Ian Jones", "All panelists and attendees", False, "This is like reducing a stream?"),
        ("Itay Ross", "All panelists", True, "Are there more operators like scan?"),
    ]


def test_a_copied_direct_message_with_the_mark_after_the_colon_names_its_recipient():
    text = (
        "From Saumya Tri to Me:  (Privately) 11:45 AM\nis the link working?\n"
        "From Me to Don Hernandez:  (Privately) 08:22 PM\nyes\n"
    )
    log = parse_chat(text, "copied.txt")
    assert said(log) == [
        ("Saumya Tri", "Me", True, "is the link working?"),
        ("Me", "Don Hernandez", True, "yes"),
    ]


def test_a_long_line_of_a_copied_message_stays_in_it(tmp_path):
    # a pasted list of 20,000 " to "s ending in ")": one line of a message, not a header
    # (without the cap on a header's length the patterns took 100 s on it)
    long = "routes: a" + " to b" * 20_000 + " (see map)"
    path = tmp_path / "copied.txt"
    path.write_text(f"Ada Lovelace to Everyone (10:00)\n{long}\nthanks\n", encoding="utf-8")
    log = read_chat(path)
    assert [(m.author, m.text) for m in log.messages] == [("Ada Lovelace", f"{long}\nthanks")]


# YouTube's automatic captions as yt-dlp saves them (the shape of the real files in public
# test suites): a header with Kind and Language, cue settings, word timings in <c> spans.
YOUTUBE_CAPTIONS = (
    "WEBVTT\nKind: captions\nLanguage: en\n\n"
    "00:00:00.030 --> 00:00:02.909 align:start position:0%\n"
    "welcome<00:00:00.560><c> everyone</c><00:00:00.880><c> to</c><00:00:01.200><c> the</c>\n\n"
    "00:00:02.909 --> 00:00:05.669 align:start position:0%\n"
    "welcome everyone to the\ncall<00:00:03.400><c> today</c>\n\n"
    "00:00:05.669 --> 00:00:08.000 align:start position:0%\n"
    "question:<00:00:06.000><c> what</c><00:00:06.400><c> helps</c><00:00:06.800><c> most?</c>\n\n"
)


def test_captions_that_name_no_speaker_say_so_and_a_colon_names_no_one():
    from liftkit.core.chat import WEBVTT_CAPTIONS, parse_chat

    log = parse_chat(YOUTUBE_CAPTIONS, "captions.vtt")
    assert log.layout == WEBVTT_CAPTIONS
    assert log.layout_name == "WebVTT captions (no speaker named)"  # not a Teams transcript
    assert [(m.author, m.text) for m in log.messages] == [
        ("", "welcome everyone to the"),
        ("", "welcome everyone to the call today"),
        ("", "question: what helps most?"),  # "question" is no speaker
    ]


def test_a_zoom_transcript_with_a_cue_that_names_no_one_is_still_zoom():
    from liftkit.core.chat import parse_chat

    text = YOUTUBE_CAPTIONS.replace("welcome<", "Ada Lovelace: welcome<").replace(
        "question:", "Grace Hopper: question:"
    )
    log = parse_chat(text, "zoom.vtt")
    assert log.layout == ZOOM_WEBVTT
    assert [m.author for m in log.messages] == ["Ada Lovelace", "", "Grace Hopper"]


def test_a_teams_transcript_saved_from_word_is_read_as_turns():
    # The shape of a real Teams transcript downloaded as .docx and saved as text (a web team's
    # meeting, published on GitHub converted to Markdown): title, date and length first, then
    # "Name   m:ss" (three spaces) over each block, times from the start of the transcription.
    path = CHAT / "teams-transcript-word.txt"
    log = read_chat(path)
    assert (log.layout, log.clock, log.unmatched) == (TEAMS_TRANSCRIPT_TEXT, False, [])
    assert log.layout_name == "Teams transcript (Word document saved as text)"
    assert [(m.author, m.at, m.text) for m in log.messages] == [
        ("Sam Host", 3.0, "Welcome everyone, thanks for coming."),
        ("Ada Lovelace", 12.0, "Thanks Sam. I wanted to start with the question of what "
         "compassion looks like on a busy ward."),
        ("Grace Hopper", 40.0, "Yeah."),
        # one speaker's blocks in a row are one turn; a time inside speech is speech
        ("Ada Lovelace", 41.0, "Because I think we rarely get time for it. "
         "See you at 10:30 tomorrow then."),
        ("Grace Hopper", 3725.0, "For me, it starts with listening first."),
    ]  # fmt: skip


def test_a_line_like_a_teams_head_takes_no_file_from_the_layouts_tried_before():
    # "meet at  10:30" looked like a Teams head ("Ada Lovelace   0:03"): a quoted Zoom chat
    # was read as a Teams transcript by the speaker "> \tmeet at", and a page of notes with
    # one such line as a transcript.
    quoted = parse_chat(
        "> 10:02:03 From Ada to Everyone:\n> \tHi\n> 10:03:03 From Bo to Everyone:\n"
        "> \tmeet at  10:30\n> 10:04:03 From Cy to Everyone:\n> \tok\n",
        "quoted.txt",
    )
    assert quoted.layout == ZOOM_TWO_LINE
    assert [(m.author, m.text) for m in quoted.messages] == [
        ("Ada", "Hi"), ("Bo", "meet at  10:30"), ("Cy", "ok"),
    ]  # fmt: skip
    with pytest.raises(LiftkitError, match="not a chat log"):
        parse_chat("Agenda for Tuesday\nStart  10:00\nBring the slides\n", "notes.txt")


def test_a_long_run_of_spaces_is_read_at_once():
    # The Teams head's pattern backtracked over a run of spaces: a Zoom chat with a message
    # holding 3,000 spaces took 9 seconds to read, 4,000 took half a minute; 20,000 here.
    import signal

    def too_long(*_):
        raise TimeoutError("reading the chat hung")

    before = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(20)  # the old pattern would take hours; reading it takes milliseconds
    try:
        log = parse_chat(
            "10:02:03\t From  Ada  to  Everyone : hi\n"
            "10:02:04\t From  Bo  to  Everyone : look" + " " * 20_000 + "here\n",
            "chat.txt",
        )
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)
    assert [m.author for m in log.messages] == ["Ada", "Bo"]


def test_a_teams_transcript_has_a_few_lines_before_its_first_speaker_at_most():
    # Every line before the first head was dropped unseen, so any file with two head-like
    # lines at its end was a transcript.
    notes = "\n".join(f"Point {n} of the plan" for n in range(1, 21))
    with pytest.raises(LiftkitError, match="not a chat log"):
        parse_chat(notes + "\nAda  0:03\nHello\nBo  0:09\nHi\n", "notes.txt")
    word = "Weekly call\nMarch 9, 2026, 10:00AM\n12m 5s\n\nAda  0:03\nHello\nBo  0:09\nHi\n"
    assert [(m.author, m.text) for m in parse_chat(word, "call.txt").messages] == [
        ("Ada", "Hello"),
        ("Bo", "Hi"),
    ]
