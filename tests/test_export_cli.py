"""`liftkit export` through the command line: every option and every error."""

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from liftkit.core.live.journal import Journal
from liftkit.core.live.records import parse_record

DATA = Path(__file__).parent / "data"
HOSTED = DATA / "sessions" / "2026-03-09-135958-hosted-community-event"
CHAT = DATA / "chat"

TWO_SEGMENTS = """
title = "Late call"
host = "Sam Host"
[[segments]]
title = "Talk"
duration = "30m"
prompt = "What matters?"
[[segments]]
title = "Close"
duration = "30m"
kind = "reflection"
"""


def make_session(
    folder: Path,
    start: datetime,
    agenda: str = TWO_SEGMENTS,
    events=None,
    rate: float = 1.0,
    timeline=None,
) -> Path:
    """A session folder whose journal has two segments of 30 minutes from `start`, plus
    `events` given as (session seconds after start, type, fields). `rate` is the --rehearse
    factor: the journal's `mono` is in session seconds, its `wall` in real time."""
    folder.mkdir(parents=True)
    (folder / "agenda.toml").write_text(agenda)
    if timeline is None:
        timeline = [
            (0, "segment_start", {"segment": 0}),
            (1800, "segment_end", {"segment": 0, "reason": "next"}),
            (1800, "segment_start", {"segment": 1}),
            (3600, "segment_end", {"segment": 1, "reason": "end"}),
            (3600, "session_end", {}),
        ]
    timeline = [
        (0, "session_start", {"agenda": "agenda.toml", "rehearse": rate, "planned_start": None}),
        *timeline,
        *(events or []),
    ]
    with Journal.create(folder / "journal.jsonl") as journal:
        for seconds, kind, fields in sorted(timeline, key=lambda e: e[0]):
            wall = start + timedelta(seconds=seconds / rate)
            record = {"type": kind, "wall": wall.isoformat(), "mono": seconds, **fields}
            journal.append([parse_record(record)])
    return folder


def reflection(seconds, segment, text, author=None, tags=()):
    return (seconds, "reflection", {"segment": segment, "text": text, "author": author,
                                    "tags": list(tags), "source": "live"})  # fmt: skip


@pytest.fixture
def late(tmp_path):
    """A session from 23:30 to 00:30 (UTC), crossing midnight."""
    return make_session(tmp_path / "late", datetime(2026, 3, 9, 23, 30, tzinfo=UTC))


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def section(markdown: str, title: str) -> str:
    """The text of the `## ...title` section."""
    start = next(i for i, line in enumerate(markdown.splitlines()) if line.startswith("## ")
                 and title in line)  # fmt: skip
    lines = markdown.splitlines()[start + 1 :]
    end = next((i for i, line in enumerate(lines) if line.startswith("## ")), len(lines))
    return "\n".join(lines[:end])


# --------------------------------------------------------------------------- output


def test_markdown_goes_to_stdout_by_default(cli):
    result = cli("export", str(HOSTED))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Hosted community event\n")


def test_json_goes_to_stdout_with_dash(cli):
    result = cli("export", str(HOSTED), "--format", "json", "-o", "-")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["title"] == "Hosted community event"
    assert [s["number"] for s in data["segments"]] == [1, 2, 3, 4, 5, 6]
    assert [p["kind"] for p in data["feedback"].pop("polls")] == ["score", "recommend"]
    assert data["feedback"] == {
        "average_score": 4.65,
        "score_answers": 23,
        "score_lowest": 1,
        "score_highest": 5,
        "recommend_percent": 96,
        "recommend_answers": 23,
        "said": [],
    }


def test_f_is_format_as_in_liftkit_groups(cli, tmp_path):
    """`liftkit groups -f json` and `liftkit export -f html`: the same short option."""
    result = cli("export", str(HOSTED), "-f", "html", "-o", str(tmp_path / "pack.html"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "pack.html").read_text().startswith("<!DOCTYPE html>")


def test_the_format_follows_the_output_file_s_extension_unless_given(cli, tmp_path):
    # `-o pack.html` wrote Markdown into pack.html: a browser showed its raw text
    for name, start in (
        ("pack.html", "<!DOCTYPE html>"),
        ("pack.HTM", "<!DOCTYPE html>"),
        ("pack.json", "{"),
        ("pack.md", "# Hosted"),
        ("pack.txt", "# Hosted"),
    ):
        result = cli("export", str(HOSTED), "-o", str(tmp_path / name))
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).read_text().startswith(start), name
    json.loads((tmp_path / "pack.json").read_text())
    given = cli("export", str(HOSTED), "-f", "md", "-o", str(tmp_path / "notes.html"))
    assert (tmp_path / "notes.html").read_text().startswith("# Hosted")  # as asked
    assert given.exit_code == 0
    pdf = cli("export", str(HOSTED), "-o", str(tmp_path / "pack.pdf"))
    assert pdf.exit_code == 2 and not (tmp_path / "pack.pdf").exists()
    assert pdf.stderr.strip().splitlines()[-1].startswith("Error: -o ")
    assert "print it to PDF from a browser" in pdf.stderr


def test_output_file_is_written_and_kept_unless_force(cli, tmp_path):
    out = tmp_path / "pack.md"
    first = cli("export", str(HOSTED), "-o", str(out))
    assert first.exit_code == 0
    assert f"Wrote {out}" in first.stderr
    assert out.read_text().startswith("# Hosted community event")
    out.write_text("my edits")
    again = cli("export", str(HOSTED), "-o", str(out))
    assert again.exit_code == 2
    assert f"{out}: already exists; choose another path or add --force" in again.stderr
    assert out.read_text() == "my edits"
    forced = cli("export", str(HOSTED), "-o", str(out), "--force")
    assert forced.exit_code == 0
    assert out.read_text().startswith("# Hosted")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.md"]  # no temporary file left


def test_a_pipe_or_device_is_written_to_not_replaced(cli, tmp_path):
    import os
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
    reader.start()
    result = cli("export", str(HOSTED), "-o", str(fifo))
    reader.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert received and received[0].startswith("# Hosted community event")
    assert fifo.is_fifo()  # still a pipe, not a file renamed over it


def test_a_folder_as_output_is_an_error(cli, tmp_path):
    result = cli("export", str(HOSTED), "-o", str(tmp_path))
    assert result.exit_code == 2 and "is a folder" in result.stderr


def test_an_error_leaves_no_output_file(cli, tmp_path):
    out = tmp_path / "pack.md"
    result = cli("export", str(HOSTED), "--chat", str(tmp_path / "nope.txt"), "-o", str(out))
    assert result.exit_code == 2
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_latest_finds_the_newest_session(cli, tmp_path):
    make_session(tmp_path / "s" / "2026-03-01-100000-a", datetime(2026, 3, 1, 10, tzinfo=UTC))
    make_session(tmp_path / "s" / "2026-03-02-100000-b", datetime(2026, 3, 2, 10, tzinfo=UTC))
    result = cli("export", "latest", "--sessions", str(tmp_path / "s"))
    assert result.exit_code == 0
    assert "Monday 2 March 2026" in result.stdout


# --------------------------------------------------------------------------- chat placement


def test_zoom_times_after_midnight_go_to_the_next_day(cli, late, tmp_path):
    chat = write(
        tmp_path / "chat.txt",
        "23:20:00 From Ada to Everyone:\n\tearly\n"
        "23:45:00 From Ada to Everyone:\n\tin the talk\n"
        "00:10:00 From Bob to Everyone:\n\tin the close, after midnight\n"
        "00:40:00 From Bob to Everyone:\n\tafter the end\n",
    )
    out = cli("export", str(late), "--chat", str(chat), "--names").stdout
    assert "- “early” — Ada" in section(out, "Before the session")
    assert "- “in the talk” — Ada" in section(out, "1. Talk")
    assert "- “in the close, after midnight” — Bob" in section(out, "2. Close")
    assert "- “after the end” — Bob" in section(out, "After the session")


def test_transcript_times_count_from_the_session_start_or_chat_start(cli, late, tmp_path):
    vtt = write(
        tmp_path / "t.vtt",
        "WEBVTT\n\n00:10:00.000 --> 00:10:05.000\n<v Ada>said in the talk</v>\n",
    )
    plain = cli("export", str(late), "--chat", str(vtt)).stdout
    assert "said in the talk" in section(plain, "1. Talk")
    shifted = cli("export", str(late), "--chat", str(vtt), "--chat-start", "23:55:00").stdout
    assert "said in the talk" in section(shifted, "2. Close")  # 00:05, after midnight


def test_chat_start_is_ignored_with_a_warning_for_zoom_logs(cli, late, tmp_path):
    chat = write(tmp_path / "chat.txt", "23:45:00 From Ada to Everyone:\n\thi\n")
    result = cli("export", str(late), "--chat", str(chat), "--chat-start", "10:00:00")
    assert result.exit_code == 0
    assert "Warning: --chat-start applies to transcripts (.vtt, .sbv) only; ignored" in (
        result.stderr
    )


def test_chat_from_stdin_and_several_chat_files(cli, late, tmp_path):
    sbv = write(tmp_path / "meet.sbv", "0:40:00.000,0:40:00.000\nCy: from meet\n")
    result = cli(
        "export", str(late), "--chat", "-", "--chat", str(sbv),
        input="23:45:00 From Ada to Everyone:\n\tfrom zoom\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "from zoom" in section(result.stdout, "1. Talk")
    assert "from meet" in section(result.stdout, "2. Close")
    assert "2 people took part in the chat." in result.stdout


def test_direct_messages_are_left_out_unless_include_private(cli, late, tmp_path):
    chat = write(
        tmp_path / "chat.txt",
        "23:45:00 From Ada to Bob (Direct Message):\n\tjust for you\n"
        "23:46:00 From Bob to Everyone:\n\tfor all\n",
    )
    without = cli("export", str(late), "--chat", str(chat)).stdout
    assert "just for you" not in without
    assert "(1 direct message left out)" in without
    with_private = cli(
        "export", str(late), "--chat", str(chat), "--include-private", "--names"
    ).stdout
    assert "- “just for you” — Ada (direct message to Bob)" in with_private


# Layouts read this session from real files, each with one direct message that must stay out:
# an older chat.txt (public messages with a tab after the name, direct ones as single-line
# headers), a chat saved in Spanish, and the newest saved chat (who reacted under a message).
DIRECT_AMONG = {
    "chat.txt": (
        "00:01:00\tAda:\tfor all\n"
        "00:01:30\t From  Ada   to   Bob(Privately) : just for you\nand a second line for you\n"
        "00:02:00\tBob:\talso for all\n"
    ),
    "meeting_saved_chat.txt": (
        "23:45:00 De  Ana Ruiz  a  Todos:\n\tfor all\n"
        "23:46:00 De  Ana Ruiz  a  Bob:\n\tjust for you\n"
    ),
    "meeting_saved_new_chat.txt": (
        "2026-03-09 23:45:00 From Ana Ruiz to Everyone:\n\tfor all\n\tBo Li, Cy Ng:👍\n\t\n"
        "2026-03-09 23:46:00 From Ana Ruiz to Bo Li (direct message):\n\tjust for you\n\t\n"
    ),
}


@pytest.mark.parametrize("name", sorted(DIRECT_AMONG))
def test_direct_messages_stay_out_of_the_pack_in_every_layout(cli, late, tmp_path, name):
    chat = write(tmp_path / name, DIRECT_AMONG[name])
    result = cli("export", str(late), "--chat", str(chat))
    assert "for all" in result.stdout and "for you" not in result.stdout
    assert "(1 direct message left out)" in result.stdout
    if name == "meeting_saved_chat.txt":
        assert "Zoom's headers in Spanish; read as the English ones" in result.stderr
    if name == "meeting_saved_new_chat.txt":  # who reacted is counted, never quoted
        assert "reactions: 👍 2." in result.stdout and "Bo Li, Cy Ng" not in result.stdout


# The oldest single-line layout names no recipient for a message to everyone and marks each
# direct one "(Privately)", one space around the names (a women-in-tech meetup's saved chat on
# GitHub, names and words made up here). A display name may hold " to " itself.
OLDEST = (
    "23:40:01\t From Dana Perry to Sue Wang (Privately) : https://example.org/?ref=abc\n"
    "23:40:24\t From Dana Perry : https://example.org/allies/\n"
    "23:41:00\t From Back to Basics Coaching : Hello from Leeds, loving this #practice\n"
    "23:41:30\t From Sonia : Crazy...I'm doing a combo of Scrum and whatever it changes to\n"
    "23:42:00\t From Sue Wang to Dana Perry (Privately) : nice to meet you\n"
    "23:42:19\t From Sue Wang : Psychological Safety\n"
    "23:43:00\t From Ride to Work Club : Same for us\n"
)


def test_a_name_holding_to_in_the_oldest_layout_is_the_sender_of_a_public_message(
    cli, late, tmp_path
):
    chat = write(tmp_path / "meeting_saved_chat.txt", OLDEST)
    heads = [re.match(r".*\t From (.+?)( \(Privately\))? : (.*)$", line)
             for line in OLDEST.splitlines()]  # fmt: skip
    public = [(m.group(1), m.group(3)) for m in heads if m and not m.group(2)]
    result = cli("export", str(late), "--chat", str(chat), "-f", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    pack = json.loads(result.stdout)
    [entry] = pack["chat"]["files"]
    assert (entry["messages"], entry["direct_messages_left_out"]) == (len(public), 2)
    quoted = [(q["author"], q["text"]) for segment in pack["segments"]
              for q in segment["reflections"] if q["source"] == "chat"]  # fmt: skip
    assert {author for author, _ in quoted} >= {"Back to Basics Coaching", "Ride to Work Club"}
    assert len(quoted) + 1 == len(public)  # a bare link is counted, not quoted
    # Where every header names its recipient, the same line is a direct message: not quoted.
    named = write(
        tmp_path / "named.txt",
        "23:40:00\t From  Ada  to  Everyone : hi all\n"
        "23:41:00\t From Back to Basics Coaching : just for you\n",
    )
    result = cli("export", str(late), "--chat", str(named))
    assert "hi all" in result.stdout and "just for you" not in result.stdout
    assert "(1 direct message left out)" in result.stdout


def test_a_dated_chat_of_another_day_is_named_in_a_warning(cli, late, tmp_path):
    # a weekly call at the same hour: last week's saved chat fits the session's times
    last_week = write(
        tmp_path / "meeting_saved_new_chat.txt",
        "2026-03-02 23:45:00 From Ana Ruiz to Everyone:\n\tlast week\n\t\n"
        "2026-03-03 00:05:00 From Bo Li to Everyone:\n\tafter midnight\n\t\n",
    )
    result = cli("export", str(late), "--chat", str(last_week))
    assert result.exit_code == 0
    assert (
        f"Warning: {last_week}: its messages are dated 2026-03-02 to 2026-03-03, the session "
        "2026-03-09; is it this meeting's chat?"
    ) in result.stderr
    this_night = write(
        tmp_path / "tonight.txt",
        "2026-03-09 23:45:00 From Ana Ruiz to Everyone:\n\ttonight\n\t\n"
        "2026-03-10 00:05:00 From Bo Li to Everyone:\n\tafter midnight\n\t\n",
    )
    result = cli("export", str(late), "--chat", str(this_night))
    assert "Warning" not in result.stderr and "tonight" in result.stdout


# The newest saved chat (the date first) from a client set to another language: no such file
# was found published; the headers are those of the two-line forms with the date before them,
# as in English.
DATED_ABROAD = {
    "French": ("De Ana Ruiz à Tout le monde", "De Bo Li à Tout le monde", "De Ana Ruiz à Bo Li"),
    "German": ("Von Ana Ruiz an Alle", "Von Bo Li an Alle", "Von Ana Ruiz an Bo Li"),
}


@pytest.mark.parametrize("language", sorted(DATED_ABROAD))
def test_the_newest_dated_chat_in_another_language_goes_into_the_pack(
    cli, late, tmp_path, language
):
    ana, bo, direct = DATED_ABROAD[language]
    chat = write(
        tmp_path / "meeting_saved_new_chat.txt",
        f"2026-03-02 23:45:00 {ana}:\n\tBonjour de Lyon\n\tBo Li, Cy Ng:👍\n\t\n"
        f"2026-03-03 00:05:00 {bo}:\n\tSalut\n\t\n"
        f"2026-03-03 00:06:00 {direct} (direct message):\n\tjust for you\n\t\n",
    )
    result = cli("export", str(late), "--chat", str(chat))
    assert result.exit_code == 0, result.output
    assert f"Zoom's headers in {language}; read as the English ones" in result.stderr
    # the date is read, as in English: last week's chat is named in a warning
    assert "its messages are dated 2026-03-02 to 2026-03-03, the session 2026-03-09" in (
        result.stderr
    )
    assert "- “Bonjour de Lyon”" in result.stdout and "- “Salut”" in result.stdout
    assert "The chat: 2 messages" in result.stdout and "reactions: 👍 2." in result.stdout
    assert "(1 direct message left out)" in result.stdout and "for you" not in result.stdout
    assert "Bo Li, Cy Ng" not in result.stdout


def test_a_webinar_chat_counts_messages_to_the_panelists_apart(cli, late, tmp_path):
    chat = write(
        tmp_path / "webinar.txt",
        "From Ian Jones to All panelists and attendees: (11:45 PM)\nfor everyone\n"
        "From Itay Ross to All panelists: (11:46 PM)\na question for the panel\n"
        "From Ana Ruiz to Bo Li (Direct Message): (11:47 PM)\njust for you\n",
    )
    out = cli("export", str(late), "--chat", str(chat)).stdout
    assert "for everyone" in out and "question" not in out and "just for you" not in out
    assert "1 message (1 direct message and 1 message to the panelists left out)" in out


def test_reactions_are_counted_never_quoted(cli, late, tmp_path):
    chat = write(
        tmp_path / "chat.txt",
        "23:45:00 From Ada to Everyone:\n\tgood point\n"
        '23:45:10 From Bob to Everyone:\n\tReacted to "good point" with 👍\n'
        '23:45:20 From Cy to Everyone:\n\tReacted to "good point" with 👍\n'
        '23:45:30 From Cy to Everyone:\n\tRemoved a 👍 reaction from "good point"\n',
    )
    out = cli("export", str(late), "--chat", str(chat)).stdout
    assert "reactions: 👍 1." in out
    assert "Reacted" not in out and "Removed" not in out


def test_unknown_chat_lines_are_warnings_with_line_numbers(cli, late, tmp_path):
    chat = write(
        tmp_path / "chat.txt",
        "23:45:00 From Ada to Everyone:\n\tfine\n23:45:99 stray line\n"
        "23:46:00 From Bob to Everyone:\n\tok\n",
    )
    result = cli("export", str(late), "--chat", str(chat))
    assert result.exit_code == 0
    assert (
        f"Warning: {chat}:3: does not fit the Zoom chat (two-line layout); "
        'skipped: "23:45:99 stray line"' in result.stderr
    )


def test_a_chat_quoted_in_an_email_is_read_with_a_warning(cli, late, tmp_path):
    chat = write(
        tmp_path / "forwarded.txt",
        "> 23:45:00 From Ada to Everyone:\n> \tOne practical step: a buddy for new starters\n>\n"
        "> 23:46:00 From Bob to Everyone:\n> \tok\n",
    )
    result = cli("export", str(late), "--chat", str(chat))
    assert result.exit_code == 0
    assert f'Warning: {chat}: every line starts with the quote mark ">"' in result.stderr
    assert "One practical step: a buddy for new starters" in result.stdout
    assert "> 23:4" not in result.stdout and "does not fit" not in result.stderr


def test_a_chat_copied_from_the_zoom_window_goes_into_the_pack(cli, late, tmp_path):
    chat = write(
        tmp_path / "copied.txt",
        "Ada Lovelace to Everyone (23:45)\nOne practical step: a buddy for new starters\n"
        "Grace Hopper to Everyone (11:46 PM)\nI will ask my team weekly\n"
        "Alan Turing to Ada Lovelace (Direct Message) (23:47)\nnot for the pack\n",
    )
    result = cli("export", str(late), "--chat", str(chat), "--format", "json", "-o", "-")
    assert result.exit_code == 0 and "Warning" not in result.stderr
    pack = json.loads(result.stdout)
    quotes = [q for s in pack["segments"] for q in s["reflections"] if q["source"] == "chat"]
    assert [(q["author"], q["text"]) for q in quotes] == [
        ("Ada Lovelace", "One practical step: a buddy for new starters"),
        ("Grace Hopper", "I will ask my team weekly"),
    ]
    (read,) = pack["chat"]["files"]
    assert (read["layout"], read["messages"], read["direct_messages_left_out"]) == (
        "zoom-time-after", 2, 1)  # fmt: skip


# --------------------------------------------------------------------------- the report


def test_anonymous_names_no_one(cli):
    result = cli(
        "export", str(HOSTED), "--chat", str(CHAT / "zoom-two-line.txt"), "--groups",
        "--include-private", "--anonymous",
    )  # fmt: skip
    assert result.exit_code == 0
    quotes = [line for line in result.stdout.splitlines() if line.startswith("- “")]
    assert len(quotes) > 10
    assert not [q for q in quotes if "” —" in q]
    for surname in ("Lovelace", "Hopper", "Turing", "Johnson", "Babbage", "Somerville"):
        assert surname not in result.stdout  # no author, group member or recipient
    assert "- Room 1: 3 people" in result.stdout
    assert "(direct message)" in result.stdout
    data = json.loads(
        cli("export", str(HOSTED), "--format", "json", "--anonymous", "--groups").stdout
    )
    assert "Lovelace" not in json.dumps(data)


def test_anonymous_leaves_out_a_name_the_host_typed_before_a_reflection(cli, tmp_path):
    """ "Zed Quinn: …", typed by the host for a walk-in not on the attendee list, was kept as
    text (so that nothing typed is lost to a misread author) and so published with the name,
    in a pack asked to name no one. A heading before a colon is not a name, and stays."""
    folder = make_session(
        tmp_path / "s", datetime(2026, 3, 9, 10, tzinfo=UTC),
        events=[
            reflection(100, 0, "Zed Quinn: a walk-in's view of rotas"),
            reflection(200, 0, "Top themes: rotas and trust"),
            reflection(300, 0, "listen first", "Ada"),
        ],
    )  # fmt: skip
    anonymous = section(cli("export", str(folder), "--anonymous").stdout, "1. Talk")
    assert "“a walk-in's view of rotas”" in anonymous and "Zed" not in anonymous
    assert "“Top themes: rotas and trust”" in anonymous
    assert "“listen first”" in anonymous and "Ada" not in anonymous
    named = section(cli("export", str(folder), "--names").stdout, "1. Talk")
    assert "“Zed Quinn: a walk-in's view of rotas”" in named  # as typed, where names are shown


def test_host_option_replaces_the_agenda_host(cli):
    assert "**Host:** Dr Morgan Reyes" in cli("export", str(HOSTED)).stdout
    assert "**Host:** Jo Smith" in cli("export", str(HOSTED), "--host", "Jo Smith").stdout


def test_attendance_falls_back_to_chat_participants(cli, late, tmp_path):
    out = cli("export", str(late)).stdout
    assert "Who joined" not in out  # nothing tells: a published pack says nothing of it
    assert "attendee list" not in out and "chat log" not in out
    chat = write(tmp_path / "c.txt", "23:45:00 From Ada to Everyone:\n\thi\n")
    assert "1 person took part in the chat." in cli("export", str(late), "--chat", str(chat)).stdout


def test_by_column_percentages_add_up_to_100(cli, late):
    (late / "attendees.csv").write_text(
        "name,email,Organisation\n"
        + "".join(
            f"P{i},p{i}@x.org,{org}\n" for i, org in enumerate(["A", "A", "B", "C", "C", "C"])
        )
    )
    out = cli("export", str(late), "--by", "organisation").stdout
    block = section(out, "Who joined")
    assert "6 people joined." in block  # the session's copy: no file name
    assert "| C | 3 | 50% |" in block and "| A | 2 | 33% |" in block and "| B | 1 | 17% |" in block
    assert '"C" : 3' in block  # the mermaid pie


def test_closing_reflections_and_practical_steps(cli, tmp_path):
    folder = make_session(
        tmp_path / "s", datetime(2026, 3, 9, 10, tzinfo=UTC),
        events=[
            reflection(2000, 1, "Relationships are key", "Ada"),
            reflection(2100, 1, "Ask my team how they are #step", "Bob", ["step"]),
            reflection(2200, 1, "One practical step: block time to reflect", "Cy"),
            reflection(2300, 1, "Ed Ng: One practical step I will take is a walk at lunch"),
            reflection(100, 0, "A talk thought #power", "Di", ["power"]),
        ],
    )  # fmt: skip
    out = cli("export", str(folder)).stdout
    close = section(out, "2. Close")
    reflections, steps = close.split("### Practical steps")
    assert "Relationships are key" in reflections and "Ask my team" not in reflections
    assert "“Ask my team how they are”" in steps and "block time to reflect" in steps
    # after a name the host typed that is not on the list (kept as typed): a step too
    assert "“Ed Ng: One practical step I will take is a walk at lunch”" in steps
    talk = section(out, "1. Talk")  # a theme inside its segment, the tag left out of the quote
    assert "### Power\n\n- “A talk thought”" in talk and "Step" not in out


def test_the_next_step_prompt_of_a_template_gives_practical_steps(cli, tmp_path):
    """What, So What, Now What? closes on "The next step I will take is…": the answers to it
    are practical steps, not "No practical steps were captured." under them."""
    folder = make_session(
        tmp_path / "s", datetime(2026, 3, 9, 10, tzinfo=UTC),
        events=[
            reflection(2000, 1, "The next step I will take is a Friday huddle", "Ada"),
            reflection(2100, 1, "My next step: ask for supervision", "Bob"),
            reflection(2200, 1, "Relationships are key", "Cy"),
        ],
    )  # fmt: skip
    close = section(cli("export", str(folder)).stdout, "2. Close")
    reflections, steps = close.split("### Practical steps")
    assert "a Friday huddle" in steps and "ask for supervision" in steps
    assert "Relationships are key" in reflections and "No practical steps" not in steps


def test_a_prompt_leading_into_its_questions_gives_them_in_the_recipe(cli, tmp_path):
    """The hosted-event breakout's prompt ends "…, discuss:": "Host this conversation
    yourself" stopped at the colon, never saying what to discuss."""
    agenda = TWO_SEGMENTS.replace(
        'prompt = "What matters?"',
        'prompt = "In your rooms, discuss:"\nquestions = ["What resonated?", "What next?"]',
    )
    folder = make_session(tmp_path / "s", datetime(2026, 3, 9, 10, tzinfo=UTC), agenda)
    recipe = section(cli("export", str(folder)).stdout, "Host this conversation yourself")
    assert "- **30 min – Talk**: In your rooms, discuss: What resonated? What next?" in recipe


def test_agenda_as_run_marks_overruns_and_segments_not_run(cli, tmp_path):
    agenda = TWO_SEGMENTS + '[[segments]]\ntitle = "Never"\nduration = "5m"\n'
    folder = make_session(tmp_path / "s", datetime(2026, 3, 9, 10, tzinfo=UTC), agenda)
    out = cli("export", str(folder)).stdout
    table = section(out, "The agenda as run")
    assert "| 1 | Talk | 10:00 | 10:00:00 | 30m | 30m |  |" in table
    assert "| 3 | Never | 11:00 | not run | 5m | — |  |" in table
    assert "This segment was not run." in section(out, "3. Never")


def test_nothing_captured_in_several_segments_in_a_row_is_said_once(cli, tmp_path):
    """Troika's thirteen steps each said "No reflections were captured in this segment."; a
    row of them says it once, at its first, naming the segments it covers."""
    steps = "".join(f'[[segments]]\ntitle = "Step {n}"\nduration = "10m"\n' for n in "ABC")
    agenda = TWO_SEGMENTS.replace(
        '[[segments]]\ntitle = "Close"', steps + '[[segments]]\ntitle = "Close"'
    )
    starts = [0, 1800, 2400, 3000, 3600, 5400]
    timeline = [(at, "segment_start", {"segment": i}) for i, at in enumerate(starts[:-1])]
    timeline += [(at, "segment_end", {"segment": i, "reason": "next"})
                 for i, at in enumerate(starts[1:])]  # fmt: skip
    folder = make_session(
        tmp_path / "s", datetime(2026, 3, 9, 10, tzinfo=UTC), agenda,
        timeline=[*timeline, (5400, "session_end", {})],
        events=[reflection(2000, 1, "Talking helped", "Ada")],
    )  # fmt: skip
    out = cli("export", str(folder)).stdout
    assert out.count("No reflections were captured") == 2
    assert "No reflections were captured in this segment." in section(out, "1. Talk")
    assert "Talking helped" in section(out, "2. Step A")
    assert "No reflections were captured in segments 3 and 4." in section(out, "3. Step B")
    assert "No reflections" not in section(out, "4. Step C")
    assert "No closing reflections were captured." in section(out, "5. Close")


def test_overrun_is_marked(cli, tmp_path):
    folder = make_session(
        tmp_path / "s", datetime(2026, 3, 9, 10, tzinfo=UTC),
        agenda=TWO_SEGMENTS.replace('duration = "30m"', 'duration = "25m"', 1),
    )  # fmt: skip
    table = section(cli("export", str(folder)).stdout, "The agenda as run")
    assert "| 1 | Talk | 10:00 | 10:00:00 | 25m | 30m | ⚠ +5m |" in table
    assert "1 segment overran." in table


def test_a_rehearsal_reports_lengths_in_session_time(cli, tmp_path):
    folder = make_session(tmp_path / "s", datetime(2026, 3, 9, 10, tzinfo=UTC), rate=20)
    out = cli("export", str(folder)).stdout
    assert "This was a rehearsal, run at 20 times the real speed" in out
    assert "| 1 | Talk | 10:00 | 10:00:00 | 30m | 30m |  |" in out
    # Planned and actual starts are both clock times: in a rehearsal the plan runs fast too.
    assert "| 2 | Close | 10:01:30 | 10:01:30 | 30m | 30m |  |" in out
    assert "Planned 1h; took 1h." in out


def agenda_rows(markdown: str) -> list[list[str]]:
    lines = section(markdown, "The agenda as run").splitlines()
    table = [line for line in lines if line[:1] == "|"]
    return [[c.strip() for c in line.strip("|").split("|")] for line in table[2:]]


def test_a_fast_rehearsal_takes_segment_lengths_from_session_seconds(cli, tmp_path):
    # --rehearse 600: half a real second is five minutes of session time. Rounding real
    # seconds and multiplying made it 0 or 10 minutes, and the column did not add up.
    folder = make_session(
        tmp_path / "s", datetime(2026, 3, 9, 10, tzinfo=UTC), rate=600,
        timeline=[
            (0, "segment_start", {"segment": 0}),
            (300.6, "segment_end", {"segment": 0, "reason": "next", "elapsed": 300.6}),
            (300.6, "segment_start", {"segment": 1}),
            (1500.2, "segment_end", {"segment": 1, "reason": "end", "elapsed": 1199.6}),
            (1500.2, "session_end", {}),
        ],
    )  # fmt: skip
    out = cli("export", str(folder)).stdout
    rows = agenda_rows(out)
    assert [r[5] for r in rows] == ["5m 1s", "19m 59s"]
    assert "Planned 1h; took 25m." in out


def test_a_paused_segment_says_so_and_the_pause_is_no_overrun(cli, tmp_path):
    agenda = TWO_SEGMENTS.replace('duration = "30m"', 'duration = "25m"', 1)
    folder = make_session(
        tmp_path / "s", datetime(2026, 3, 9, 10, tzinfo=UTC), agenda,
        events=[(600, "pause", {"segment": 0}), (900, "resume", {"segment": 0})],
    )  # fmt: skip
    out = cli("export", str(folder)).stdout
    table = section(out, "The agenda as run")
    assert "| # | Segment | Planned start | Started | Planned | Took | Paused | Overrun |" in table
    assert "| 1 | Talk | 10:00 | 10:00:00 | 25m | 30m | 5m |  |" in table  # 25m running
    assert "| 2 | Close | 10:25 | 10:30:00 | 30m | 30m |  |  |" in table
    assert "Planned 55m; took 1h, 5m of it paused." in table
    assert "overran" not in table
    data = json.loads(cli("export", str(folder), "--format", "json").stdout)
    first = data["segments"][0]
    took = (first["actual_seconds"], first["paused_seconds"], first["overrun_seconds"])
    assert took == (1800, 300, 0)
    assert (data["took_seconds"], data["paused_seconds"]) == (3600, 300)


def test_a_segment_paused_and_overrun_shows_both(cli, tmp_path):
    agenda = TWO_SEGMENTS.replace('duration = "30m"', 'duration = "20m"', 1)
    folder = make_session(
        tmp_path / "s", datetime(2026, 3, 9, 10, tzinfo=UTC), agenda,
        events=[(600, "pause", {"segment": 0}), (900, "resume", {"segment": 0})],
    )  # fmt: skip
    table = section(cli("export", str(folder)).stdout, "The agenda as run")
    assert "| 1 | Talk | 10:00 | 10:00:00 | 20m | 30m | 5m | ⚠ +5m |" in table
    assert "1 segment overran." in table


def test_segment_lengths_add_up_across_back_pause_and_a_resumed_crash(cli, tmp_path):
    # Back to the talk, a pause left open when liftkit crashed, and a resume whose gap
    # counts (the call went on): every second is in exactly one segment.
    folder = make_session(
        tmp_path / "s", datetime(2026, 3, 9, 10, tzinfo=UTC),
        timeline=[
            (0, "segment_start", {"segment": 0}),
            (1000, "segment_end", {"segment": 0, "reason": "next"}),
            (1000, "segment_start", {"segment": 1}),
            (1100, "segment_end", {"segment": 1, "reason": "back"}),
            (1100, "segment_start", {"segment": 0}),
            (1200, "pause", {"segment": 0}),
            (1300, "stop", {"reason": "error"}),
            (1700, "session_resume", {"gap": 400, "paused": True, "counted": True}),
            (1750, "resume", {"segment": 0}),
            (1900, "segment_end", {"segment": 0, "reason": "next"}),
            (1900, "segment_start", {"segment": 1}),
            (3000, "segment_end", {"segment": 1, "reason": "end"}),
            (3000, "session_end", {}),
        ],
    )  # fmt: skip
    out = cli("export", str(folder)).stdout
    rows = agenda_rows(out)
    assert [(r[5], r[6]) for r in rows] == [("30m", "9m 10s"), ("20m", "")]
    assert "took 50m, 9m 10s of it paused." in out


def test_a_session_cut_short_ends_at_its_last_event_not_a_later_note(cli, tmp_path):
    folder = make_session(
        tmp_path / "s", datetime(2026, 3, 9, 10, tzinfo=UTC),
        timeline=[(0, "segment_start", {"segment": 0}), (600, "stop", {"reason": "sighup"})],
        events=[(9000, "reflection", {"segment": None, "text": "later", "author": None,
                                      "tags": [], "source": "note"})],
    )  # fmt: skip
    out = cli("export", str(folder)).stdout
    assert agenda_rows(out)[0][5] == "10m"
    assert "**Time:** 10:00 to 10:10" in out


def test_a_rehearsal_over_within_its_first_minute_gives_one_time(cli, tmp_path):
    # A one-hour agenda rehearsed at 120 times the speed takes 30 seconds: "10:00 to
    # 10:00" read as a mistake; the pack gives the one time, and says it was a rehearsal
    folder = make_session(
        tmp_path / "s", datetime(2026, 3, 9, 10, tzinfo=UTC), rate=120,
        timeline=[(0, "segment_start", {"segment": 0}),
                  (1800, "segment_end", {"segment": 0, "reason": "next"}),
                  (1800, "segment_start", {"segment": 1}),
                  (3600, "segment_end", {"segment": 1, "reason": "end"}),
                  (3600, "session_end", {})],
    )  # fmt: skip
    out = cli("export", str(folder)).stdout
    line = next(line for line in out.splitlines() if "**Time:**" in line)
    assert "**Time:** 10:00 ·" in line, line
    assert "This was a rehearsal, run at 120 times the real speed" in out


def test_groups_file_is_read(cli, late, tmp_path):
    groups = write(
        tmp_path / "g.json",
        json.dumps({"seed": 1, "rounds": [
            {"round": n, "groups": [{"name": f"Room {room}",
                                     "members": [{"name": "Ada", "email": None}]}]}
            for n, room in ((1, "A"), (2, "B"))
        ], "score": {"repeat_pairs": 0}}),
    )  # fmt: skip
    out = cli("export", str(late), "--groups-file", str(groups)).stdout
    block = section(out, "Breakout groups")
    assert "Round 1:" in block and "- **Room A:** Ada" in block and "- **Room B:** Ada" in block


def test_groups_json_in_the_session_folder_is_used_with_groups(cli, late):
    (late / "groups.json").write_text(
        json.dumps(
            {"rounds": [{"round": 1, "groups": [{"name": "R1", "members": [{"name": "Zed"}]}]}]}
        )
    )
    out = cli("export", str(late), "--groups").stdout
    assert "- **R1:** Zed" in out
    assert "Zed" not in cli("export", str(late)).stdout


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xml"], '--format: "xml" is not a format; use md, json or html'),
        (["--format", "pdf"], '"pdf" is not a format; use html, then print it to PDF from a'),
        (["--chat-start", "25:00"], '--chat-start: "25:00" is not a clock time'),
        (["--chat", "-", "--chat", "-"], "--chat -: standard input can be read only once"),
        (["--by", "sector"], "--by sector: the session has no attendee file"),
        (["--question", "Why?"], "--question Why?: the session has no attendee file"),
        (["--groups"], "the session holds no breakout groups"),
    ],
)
def test_bad_options_are_one_line_errors(cli, late, args, message):
    result = cli("export", str(late), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


def test_a_chat_start_that_is_no_clock_time_asks_for_the_seconds_the_option_takes(cli, late):
    # --chat-start is HH:MM:SS (a transcript's first second); the error asked for HH:MM
    result = cli("export", str(late), "--chat-start", "25:00:00")
    assert result.exit_code == 2
    assert result.stderr == (
        'Error: --chat-start: "25:00:00" is not a clock time; write it as HH:MM:SS, e.g. 14:05:30'
        ", or with its offset from UTC: 14:05:30+02:00, 12:05:30Z\n"
    )


def test_by_an_unknown_column_lists_the_columns(cli):
    result = cli("export", str(HOSTED), "--by", "sektor")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: --by sektor: attendees.csv has no such column; its columns: Sector, "
        "Organisation; give one of those columns\n"
    )
    for option in ("--question", "--roles", "--organisations"):
        result = cli("export", str(HOSTED), "--by", "sector", option, "Job", "-o", "x.md")
        assert result.exit_code == 2 and not Path("x.md").exists()
        assert f"{option} Job: attendees.csv has no such column; its columns: Sector, " in (
            result.stderr
        )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,email\nAda,a@x.org\n", "not a chat log"),
        ("WEBVTT\n\nnothing\n", "not a chat log"),
    ],
)
def test_a_file_that_is_no_chat_log_is_exit_2_naming_it(cli, late, tmp_path, content, message):
    bad = write(tmp_path / "notes.txt", content)
    result = cli("export", str(late), "--chat", str(bad))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {bad}: ") and message in result.stderr


def test_missing_chat_file(cli, late, tmp_path):
    result = cli("export", str(late), "--chat", str(tmp_path / "gone.txt"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'gone.txt'}: no such file" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "g.json: line 1: not valid JSON"),
        ('{"rounds": 3}', "g.json: rounds: missing or empty"),
        (
            '{"rounds": [{"groups": [{"name": "R", "members": [{"name": "A"}, {"name": "A"}]}]}]}',
            "round 1: A is in R twice",  # was "in both R and R"
        ),
        ('{"rounds": [{"groups": [{"name": "R", "members": [7]}]}]}', "members[0]: expected a"),
    ],
)
def test_bad_groups_file(cli, late, tmp_path, content, message):
    groups = write(tmp_path / "g.json", content)
    result = cli("export", str(late), "--groups-file", str(groups))
    assert result.exit_code == 2
    assert message in result.stderr


def test_not_a_session(cli, tmp_path):
    result = cli("export", str(tmp_path / "nowhere"))
    assert result.exit_code == 2 and "no such session folder" in result.stderr
    result = cli("export", str(tmp_path))
    assert result.exit_code == 2 and "not a session folder (no journal.jsonl)" in result.stderr


def test_empty_journal_and_missing_agenda(cli, late):
    (late / "agenda.toml").unlink()
    result = cli("export", str(late))
    assert result.exit_code == 2 and "the session's copy of its agenda is missing" in result.stderr
    (late / "journal.jsonl").write_text("")
    result = cli("export", str(late))
    assert result.exit_code == 2 and "the journal holds no events" in result.stderr


def test_a_torn_journal_line_is_a_warning(cli, late):
    with open(late / "journal.jsonl", "a") as journal:
        journal.write('{"seq": 99, "type": "reflec')
    result = cli("export", str(late))
    assert result.exit_code == 0
    assert "Warning: " in result.stderr and "cut off" in result.stderr


# --------------------------------------------------------------------------- attendee file


@pytest.mark.parametrize("name", ["attendees.csv", "attendees.txt"])
def test_a_damaged_attendee_file_is_a_warning_without_by(cli, late, tmp_path, name):
    (late / name).write_bytes(bytes(range(256)) * 4)  # random bytes, NULs among them
    chat = write(tmp_path / "c.txt", "23:45:00 From Ada to Everyone:\n\thi\n")
    result = cli("export", str(late), "--chat", str(chat))
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if str(late / name) in line]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"Warning: {late / name}: ")
    assert "the number who joined comes from the chat instead" in warnings[0]
    assert "1 person took part in the chat." in result.stdout


def test_a_damaged_attendee_file_without_a_chat_still_exports(cli, late):
    (late / "attendees.csv").write_bytes(b"\x00\x01\x02binary\xff")
    result = cli("export", str(late))
    assert result.exit_code == 0, result.output
    assert f"Warning: {late / 'attendees.csv'}: " in result.stderr
    assert "no chat log was given" in result.stderr


def test_a_damaged_attendee_file_with_by_is_an_error(cli, late):
    (late / "attendees.csv").write_bytes(b"\x00\x01\x02binary\xff")
    result = cli("export", str(late), "--by", "sector")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: --by sector: {late / 'attendees.csv'}: ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


# --------------------------------------------------------------------------- chat from elsewhere


def test_a_chat_from_another_meeting_is_a_warning(cli, late, tmp_path):
    chat = write(
        tmp_path / "morning.txt",
        "10:01:00 From Ada to Everyone:\n\tgood morning\n"
        "10:02:00 From Bob to Bo (Direct Message):\n\tpsst\n"
        "10:03:00 From Cy to Everyone:\n\tbye\n",
    )
    result = cli("export", str(late), "--chat", str(chat))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        # counted as the pack counts them: the direct message is left out of both
        f"Warning: {chat}: none of its 2 messages fall within the session (23:30-00:30); is it "
        "this meeting's chat? (for transcripts, --chat-start HH:MM:SS)"
    ]


def test_a_chat_after_a_short_rehearsal_names_its_seconds(cli, tmp_path):
    # A one-hour agenda rehearsed at 120 times the speed runs 30 seconds: a chat sent a
    # few seconds after it is outside it, and the warning's span says so in seconds,
    # where "10:00-10:00" would read as a mistake
    folder = make_session(
        tmp_path / "s", datetime(2026, 3, 9, 10, tzinfo=UTC), rate=120,
        timeline=[(0, "segment_start", {"segment": 0}),
                  (3600, "segment_end", {"segment": 0, "reason": "end"}),
                  (3600, "session_end", {})],
    )  # fmt: skip
    chat = write(tmp_path / "chat.txt", "10:00:40 From Ada to Everyone : too late\n")
    result = cli("export", str(folder), "--chat", str(chat))
    assert "its one message does not fall within the session (10:00:00-10:00:30)" in (result.stderr)


def test_a_transcript_that_starts_too_late_is_a_warning(cli, late, tmp_path):
    vtt = write(tmp_path / "t.vtt", "WEBVTT\n\n01:10:00.000 --> 01:10:05.000\n<v Ada>late</v>\n")
    result = cli("export", str(late), "--chat", str(vtt))
    assert "its one message does not fall within the session (23:30-00:30)" in result.stderr
    shifted = cli("export", str(late), "--chat", str(vtt), "--chat-start", "23:00:00")
    assert shifted.stderr == ""


def test_messages_far_outside_the_session_are_counted_in_one_warning(cli, late, tmp_path):
    chat = write(
        tmp_path / "chat.txt",
        "20:00:00 From Ada to Everyone:\n\tleft over from an earlier call\n"
        "21:29:00 From Ada to Everyone:\n\tand another\n"
        "23:00:00 From Bob to Everyone:\n\tearly, but this meeting\n"
        "23:45:00 From Bob to Everyone:\n\tin the talk\n"
        "03:00:00 From Cy to Everyone:\n\tmuch later\n",
    )
    result = cli("export", str(late), "--chat", str(chat))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"Warning: {chat}: 3 of its 5 messages were sent more than 2 hours before or after the "
        "session (23:30-00:30); is it this meeting's chat?"
    ]
    assert "early, but this meeting" in section(result.stdout, "Before the session")


def test_a_chat_of_this_meeting_gives_no_warning(cli, late, tmp_path):
    chat = write(tmp_path / "chat.txt", "23:45:00 From Ada to Everyone:\n\thi\n")
    assert cli("export", str(late), "--chat", str(chat)).stderr == ""


def test_by_column_folds_letter_case_and_spaces(cli, late):
    sectors = ["Health", "health ", "HEALTH", " Social care", "social care", "Health", "", "x"]
    (late / "attendees.csv").write_text(
        "name,email,Sector\n" + "".join(f'P{i},p{i}@x.org,"{s}"\n' for i, s in enumerate(sectors))
    )
    block = section(cli("export", str(late), "--by", "sector").stdout, "Who joined")
    rows = [line for line in block.splitlines() if line.startswith("| ") and "%" in line]
    assert rows == [
        "| Health | 4 | 50% |",  # the most common spelling
        "| Social care | 2 | 25% |",  # a tie: the first seen
        "| x | 1 | 12% |",  # equal counts, equal shares (they add up to 99)
        "| (not given) | 1 | 12% |",
        "| Total | 8 | 100% |",
    ]


# --------------------------------------------------------------------------- duplicate chats

HOST_CHAT = (
    "23:40:00 From Ada to Everyone:\n\tfirst\n"
    "23:41:00 From Bob to Everyone:\n\tsecond\n"
    '23:41:30 From Cy to Everyone:\n\tReacted to "second" with 👍\n'
    "23:42:00 From Ada to Bob (Direct Message):\n\tjust for Bob\n"
)
COHOST_CHAT = (
    "23:41:00 From Bob to Everyone:\n\tsecond\n"
    '23:41:30 From Cy to Everyone:\n\tReacted to "second" with 👍\n'
    "23:42:00 From Ada to Bob (Direct Message):\n\tjust for Bob\n"
    "23:43:00 From Cy to Everyone:\n\tthird\n"
)


def test_the_same_chat_twice_is_quoted_once(cli, late, tmp_path):
    chat = write(tmp_path / "chat.txt", HOST_CHAT)
    result = cli("export", str(late), "--chat", str(chat), "--chat", str(chat))
    assert result.exit_code == 0
    talk = section(result.stdout, "1. Talk")
    assert talk.count("“first”") == 1 and talk.count("“second”") == 1
    assert "The chat: 2 messages; reactions: 👍 1." in result.stdout
    assert result.stderr.splitlines() == [
        f"Warning: {chat}: dropped 3 messages and 1 reaction already read from an earlier "
        "chat log (same author and text within 90 seconds)"
    ]


def test_overlapping_chats_of_host_and_cohost_are_merged(cli, late, tmp_path):
    host = write(tmp_path / "host.txt", HOST_CHAT)
    cohost = write(tmp_path / "cohost.txt", COHOST_CHAT)
    result = cli("export", str(late), "--chat", str(host), "--chat", str(cohost), "--names")
    talk = section(result.stdout, "1. Talk")
    assert [line for line in talk.splitlines() if line.startswith("- ")] == [
        "- “first” — Ada",
        "- “second” — Bob",
        "- “third” — Cy",
    ]
    assert "(1 direct message left out)" in result.stdout  # not 2
    assert "- cohost.txt: Zoom chat (two-line layout), 1 message (2 duplicates left out)" in (
        result.stdout
    )
    assert f"Warning: {cohost}: dropped 2 messages and 1 reaction already read" in result.stderr


def test_a_message_said_twice_in_one_chat_is_kept_twice(cli, late, tmp_path):
    chat = write(tmp_path / "chat.txt", "23:40:00 From Ada to Everyone:\n\tSo true\n" * 2)
    other = write(tmp_path / "other.txt", "23:40:00 From Ada to Everyone:\n\tSo true\n" * 3)
    result = cli("export", str(late), "--chat", str(chat), "--chat", str(other))
    assert section(result.stdout, "1. Talk").count("“So true”") == 3
    assert f"Warning: {other}: dropped 2 messages already read" in result.stderr


def test_a_chat_in_windows_1252_is_exported_with_a_warning(cli, late, tmp_path):
    chat = tmp_path / "chat.txt"
    chat.write_bytes("23:45:00 From Ren\xe9e to Everyone:\n\tcaf\xe9\n".encode("cp1252"))
    result = cli("export", str(late), "--chat", str(chat), "--names")
    assert result.exit_code == 0
    assert "- “caf\xe9” — Ren\xe9e" in section(result.stdout, "1. Talk")
    assert result.stderr == (
        f"Warning: {chat}:1: not UTF-8 text; read as Windows-1252 (check the accented letters, "
        "or save the chat as UTF-8)\n"
    )


def test_messages_to_the_waiting_room_are_left_out_and_counted(cli, late, tmp_path):
    chat = write(
        tmp_path / "chat.txt",
        "23:29:00\t From  Kim  to  Everyone in Waiting Room : Doors open in a minute\n"
        "23:45:00\t From  Mary to Jane  to  Everyone : Mary-to-Jane is my display name\n"
        "23:46:00\t From  Ada  to  Bob(Direct Message) : psst\n",
    )
    out = cli("export", str(late), "--chat", str(chat), "--names").stdout
    assert "Doors open" not in out and "psst" not in out
    assert "- “Mary-to-Jane is my display name” — Mary to Jane" in section(out, "1. Talk")
    assert (
        "- chat.txt: Zoom chat (single-line layout), 1 message "
        "(1 direct message and 1 message to the waiting room left out)"
    ) in out
    kept = cli("export", str(late), "--chat", str(chat), "--include-private", "--names").stdout
    assert "- “Doors open in a minute” — Kim (to the waiting room)" in kept
    data = json.loads(cli("export", str(late), "--chat", str(chat), "--format", "json").stdout)
    assert data["chat"]["files"][0]["waiting_room_left_out"] == 1


# --------------------------------------------------------------------------- feedback

THANKS = """
[[segments]]
title = "Thanks"
duration = "10m"
[[segments.polls]]
question = "Score?"
options = ["1", "2", "3", "4", "5"]
kind = "score"
"""
EVALUATED = TWO_SEGMENTS + THANKS


def test_what_participants_said_about_the_event_is_under_feedback(cli, tmp_path):
    folder = make_session(
        tmp_path / "s", datetime(2026, 3, 9, 10, tzinfo=UTC), EVALUATED,
        timeline=[
            (0, "segment_start", {"segment": 0}),
            (1800, "segment_start", {"segment": 1}),
            (3600, "segment_start", {"segment": 2}),
            (4200, "segment_end", {"segment": 2, "reason": "end"}),
            (4200, "session_end", {}),
        ],
        events=[
            reflection(100, 0, "A talk thought #power", "Di", ["power"]),
            reflection(2000, 1, "Loved the breakouts #feedback", "Bo", ["feedback"]),
            reflection(3700, 2, "Sharing ideas, building bridges", "Ada"),
            (3800, "poll", {"segment": 2, "poll": 0, "question": "Score?",
                            "counts": {"4": 1, "5": 3}}),
        ],
    )  # fmt: skip
    chat = write(tmp_path / "chat.txt", "11:02:00 From Cy to Everyone:\n\t# great *event*\n")
    out = cli("export", str(folder), "--chat", str(chat), "--names").stdout
    feedback = section(out, "Thank you and feedback")
    assert "Average score: **4.8/5** (4 answers)" in feedback
    said = feedback.split("### What participants said\n\n", 1)[1].splitlines()
    assert said[:3] == [
        "- “Loved the breakouts” — Bo",
        "- “Sharing ideas, building bridges” — Ada",
        "- “# great \\*event\\*” — Cy",
    ]
    # Tagged elsewhere: stays in its segment too. In the evaluation segment: moved.
    assert "Loved the breakouts" in section(out, "2. Close")
    thanks = section(out, "3. Thanks")
    assert "Sharing ideas" not in thanks
    (pointer,) = re.findall(r"is under “(.+?)”", thanks)  # names a heading of the pack
    assert f"\n## {pointer}\n" in out and "### What participants said" in section(out, pointer)
    assert "### Feedback" not in out  # a marker, not a theme
    data = json.loads(cli("export", str(folder), "--chat", str(chat), "--format", "json").stdout)
    assert [q["text"] for q in data["feedback"]["said"]] == [
        "Loved the breakouts #feedback",
        "Sharing ideas, building bridges",
        "# great *event*",
    ]


def test_feedback_quotes_without_an_evaluation_poll(cli, tmp_path):
    folder = make_session(
        tmp_path / "s", datetime(2026, 3, 9, 10, tzinfo=UTC),
        events=[reflection(2000, 1, "More time for questions next time #Feedback", "Bo",
                           ["Feedback"])],
    )  # fmt: skip
    out = cli("export", str(folder)).stdout
    feedback = section(out, "Thank you and feedback")
    assert "No evaluation results" not in feedback
    assert "- “More time for questions next time”\n" in feedback


def test_anonymous_leaves_names_typed_inside_messages_as_written(cli, late, tmp_path):
    # docs/export.md says so: participants' words are never altered.
    chat = write(tmp_path / "c.txt", "23:45:00 From Ada Lovelace to Everyone:\n\tThanks Bob!\n")
    out = cli("export", str(late), "--chat", str(chat), "--anonymous").stdout
    assert "- “Thanks Bob!”\n" in out and "Lovelace" not in out


def test_json_to_a_file_is_the_json_on_stdout(cli, tmp_path):
    # Written to a file as it is made, in pieces: the same text as the whole on stdout, for a
    # chat of several hundred messages (lists longer than a piece) with an emoji in it.
    chat = tmp_path / "chat.txt"
    chat.write_text("".join(
        f"14:{10 + i // 60:02d}:{i % 60:02d} From Ada Lovelace to Everyone:\n\tmessage {i} 👍\n"
        for i in range(450)
    ), encoding="utf-8")  # fmt: skip
    out = tmp_path / "pack.json"
    args = ("export", str(HOSTED), "--chat", str(chat), "--format", "json")
    assert cli(*args, "-o", str(out)).exit_code == 0
    shown = cli(*args, "-o", "-").stdout
    assert out.read_text(encoding="utf-8") == shown
    quotes = [q for s in json.loads(shown)["segments"] for q in s["reflections"]]
    assert sum("👍" in q["text"] for q in quotes) > 100


def test_a_practical_step_posted_after_the_session_ended_is_a_practical_step(cli, tmp_path):
    """The host stopped liftkit while the last steps were being typed: they are the closing
    segment's practical steps, not "After the session" under "No practical steps"."""
    folder = make_session(
        tmp_path / "s", datetime(2026, 3, 9, 23, 30, tzinfo=UTC),
        events=[reflection(3590, 1, "My next step: coffee with a new starter", "Eve")],
    )  # fmt: skip
    chat = write(
        tmp_path / "chat.txt",
        "00:10:00 From Bob to Everyone:\n\tin the close\n"
        "00:30:20 From Eve Adams to Everyone:\n\tMy next step: coffee with a new starter\n"
        "00:31:00 From Ada to Everyone:\n\tOne practical step: a buddy for new starters\n"
        "00:31:30 From Cy to Everyone:\n\tThank you all\n"
        "00:32:00 From Di to Everyone:\n\tAsk my team how they are #step\n",
    )
    out = cli("export", str(folder), "--chat", str(chat), "--names").stdout
    reflections, steps = section(out, "2. Close").split("### Practical steps")
    assert "- “in the close” — Bob" in reflections
    assert steps.count("- “") == 3 and "No practical steps" not in steps
    assert "- “My next step: coffee with a new starter” — Eve Adams" in steps  # once, named
    assert "a buddy for new starters” — Ada" in steps and "how they are” — Di" in steps
    assert section(out, "After the session").count("- “") == 1  # "Thank you all" only
    # A session stopped in the talk never came to its close: the step stays after it.
    cut = make_session(
        tmp_path / "cut", datetime(2026, 3, 9, 23, 30, tzinfo=UTC),
        timeline=[(0, "segment_start", {"segment": 0}), (1800, "session_end", {})],
    )  # fmt: skip
    out = cli("export", str(cut), "--chat", str(chat)).stdout
    assert "a buddy for new starters" in section(out, "After the session")


def test_note_taking_bots_are_not_counted_as_people_who_joined(cli, late):
    # "7 people joined" counted Otter.ai, Read.ai meeting notes and a Fathom Notetaker.
    bots = DATA / "people" / "zoom-participants-note-bots.csv"
    result = cli("export", str(late), "--attendees", str(bots))
    assert result.exit_code == 0, result.output
    # Femi Mensah, Rosa Silva, Grace Otter and Ian Patel, and the host; no bot
    joined = "4 people joined, besides 1 host (attendee list: zoom-participants-note-bots.csv)."
    assert joined in result.stdout
    assert "left out 3 note-taking bots: Otter.ai; Read.ai meeting notes; Femi's Fathom " in (
        " ".join(result.stderr.split())
    )


def test_a_hosts_register_leaves_out_those_marked_absent(cli, late, tmp_path):
    # A host's own register, as kept in a spreadsheet: "Present", "Absent", "Apologies" (sent
    # ahead, in British usage) and "DNA" (did not attend, in the NHS) under a plain Status or
    # Attendance column. Only those present joined: the pack's count and shares say so.
    register = write(
        tmp_path / "register.csv",
        "Name,Organisation,Status\n"
        "Ada Lovelace,NHS Trust,Present\nAlan Turing,Council,Absent\n"
        "Grace Hopper,NHS Trust,Apologies\nMary Seacole,Hospice,present\n"
        "Ed Ng,Council,DNA\nJo Bloggs,Hospice,Present\n",
    )
    result = cli("export", str(late), "--attendees", str(register), "--by", "organisation")
    assert result.exit_code == 0, result.output
    block = section(result.stdout, "Who joined")
    assert "3 people joined (attendee list: register.csv)." in block
    assert "| Hospice | 2 | 67% |" in block and "| NHS Trust | 1 | 33% |" in block
    assert "Council" not in block
    assert "left out 3 registrants marked as not coming (1 absent, 1 apologies, 1 dna in " in (
        " ".join(result.stderr.split())
    )
    other = write(tmp_path / "other.csv", "Name,Attendance\nAda,Present\nAlan,No show\n")
    assert "1 person joined (" in cli("export", str(late), "--attendees", str(other)).stdout
    # the layout of a public register app's export (IHE Attendance Register v2: "Name,
    # Status, Timestamp", each Present, Absent or Excused)
    app = write(
        tmp_path / "app.csv",
        "Name,Status,Timestamp\nAda,Present,2025-09-01 10:02\nAlan,Excused,2025-09-01 10:03\n"
        "Grace,Absent,2025-09-01 10:03\nMary,Present,2025-09-01 10:05\n",
    )
    assert "2 people joined (" in cli("export", str(late), "--attendees", str(app)).stdout
