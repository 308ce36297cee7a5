"""Files that Zoom and Teams wrote, published under a licence that lets us keep them
(tests/data/*/real/, sources in their README.md), and files of the same shape as published
ones we may not keep. Every count a test asserts is recounted here from the file itself."""

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from test_chat_layouts import turns

from liftkit.core.chat import (
    ZOOM_RECORDING,
    ZOOM_TIME_AFTER,
    ZOOM_TRANSCRIPT_TEXT,
    ZOOM_TWO_LINE,
    ZOOM_WEBVTT,
    read_chat,
)
from liftkit.core.people.reader import read_people

DATA = Path(__file__).parent / "data"
CHAT = DATA / "chat" / "real"
PEOPLE = DATA / "people" / "real"
HOSTED = DATA / "sessions" / "2026-03-09-135958-hosted-community-event"

# Zoom writes a renamed participant as "Shown name (original name)"; the shown name is kept.
ORIGINAL_NAME = re.compile(r"\s*\([^()]*\)$")


def zoom_name(cell: str) -> str:
    return ORIGINAL_NAME.sub("", cell.strip())


def table(path: Path, name_header: str, delimiter: str = ",") -> list[dict[str, str]]:
    """The rows under the header row that starts with `name_header`, as published."""
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(name_header))
    rows = csv.DictReader(io.StringIO("\n".join(lines[start:])), delimiter=delimiter)
    return [row for row in rows if any((value or "").strip() for value in row.values())]


def rejoined(names: list[str]) -> list[str]:
    """Who appears again, in the order they came back."""
    seen: Counter[str] = Counter()
    again = []
    for name in names:
        seen[name] += 1
        if seen[name] == 2:
            again.append(name)
    return again


def rejoin_note(path: Path, names: list[str]) -> list[str]:
    again = rejoined(names)
    if not again:
        return []
    who = "person" if len(again) == 1 else "people"
    return [f"{path}: {len(again)} {who} joined more than once ({', '.join(again)}); "
            "each is kept once"]  # fmt: skip


# --------------------------------------------------------------------------- chat logs

# Ethereum's call notes keep the Zoom chat as a Markdown list: each header marked, then a blank
# line and the message unindented (call 82), or the message after the time (call 83).
LISTED_HEADER = re.compile(r"^[-*] From (.+) to Everyone (\d\d:\d\d [AP]M)(?:: (.*))?$")


def listed_chat(path: Path) -> list[tuple[str, str]]:
    """(author, text) of each item, as published: the header's name and the text on its line
    or on the lines up to the next header."""
    items: list[tuple[str, list[str]]] = []
    for line in path.read_text("utf-8").splitlines():
        if header := LISTED_HEADER.match(line):
            items.append((header[1], [header[3].strip()] if header[3] else []))
        elif line.strip():
            items[-1][1].append(line)
    return [(author, "\n".join(lines)) for author, lines in items]


@pytest.mark.parametrize(
    ("file", "mark"),
    [("zoom-list-blank-line-ethereum-pm.md", "-"), ("zoom-list-time-colon-ethereum-pm.md", "*")],
)
def test_a_real_zoom_chat_kept_as_a_list_in_call_notes_gives_each_item(file, mark):
    path = CHAT / file
    published = listed_chat(path)
    log = read_chat(path)
    assert (log.layout, log.unmatched) == (ZOOM_TIME_AFTER, [])
    assert [(m.author, m.text) for m in log.messages] == published
    lines = path.read_text("utf-8").splitlines()
    assert len(published) == sum(line[:7] == f"{mark} From " for line in lines)
    note = f'{path}: a list, each message marked "{mark}"; read without the marks'
    assert log.warnings() == [note]


RECORDING_LINE = re.compile(r"^(\d\d:\d\d:\d\d)\t([^\t]+):\t(.*)$")


@pytest.mark.parametrize(
    "file", ["zoom-recording-chat-zoomgroupstats.txt", "zoom-recording-chat-zoomclass.txt"]
)
def test_a_real_cloud_recording_chat_gives_one_message_per_line(file):
    path = CHAT / file
    published = [RECORDING_LINE.match(line) for line in path.read_text("utf-8").splitlines()]
    assert all(published)
    log = read_chat(path)
    assert (log.layout, log.clock, log.unmatched) == (ZOOM_RECORDING, False, [])
    assert [(m.author, m.text) for m in log.messages] == [
        (match.group(2), match.group(3)) for match in published if match
    ]
    h, m, s = (int(part) for part in published[0].group(1).split(":"))  # type: ignore[union-attr]
    assert log.messages[0].at == h * 3600 + m * 60 + s


def test_a_real_two_line_chat_with_double_spaces_around_the_names_reads_each_message():
    path = CHAT / "zoom-two-line-zoomclass.txt"
    lines = path.read_text("utf-8").splitlines()
    heads = [i for i, line in enumerate(lines) if re.match(r"\d\d:\d\d:\d\d From  ", line)]
    authors = [re.match(r".* From  (.+?)  to  Everyone:$", lines[i]).group(1) for i in heads]  # type: ignore[union-attr]
    bodies = [
        "\n".join(line.removeprefix("\t") for line in lines[start + 1 : end])
        for start, end in zip(heads, [*heads[1:], len(lines)], strict=True)
    ]
    log = read_chat(path)
    assert (log.layout, log.unmatched, log.reactions) == (ZOOM_TWO_LINE, [], [])
    assert [(m.author, m.text, m.to) for m in log.messages] == [
        (author, body, "Everyone") for author, body in zip(authors, bodies, strict=True)
    ]
    # A message of two lines (text, then a link) stays one message.
    assert any("\n" in m.text for m in log.messages)


def test_a_real_zoom_transcript_quotes_each_turn_by_its_speaker_and_keeps_unnamed_cues():
    path = CHAT / "zoom-transcript-zoomgroupstats.vtt"
    lines = path.read_text("utf-8").splitlines()
    cues = [lines[i + 1] for i, line in enumerate(lines) if "-->" in line]
    clocks = [re.match(r"(\d+):(\d+):(\d+)\.(\d+)", line) for line in lines if "-->" in line]
    starts = [int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000 for h, m, s, ms in
              (c.groups() for c in clocks if c)]  # fmt: skip
    expected = []
    for cue in cues:
        speaker, colon, text = cue.partition(": ")
        expected.append((speaker, text) if colon else ("", cue))
    log = read_chat(path)
    assert (log.layout, log.unmatched) == (ZOOM_WEBVTT, [])
    assert [(m.author, m.text) for m in log.messages] == turns(expected, starts)
    assert len(turns(expected, starts)) < len(expected)  # a speaker's cues in a row: a turn
    assert len(turns(expected, starts)) > len(turns(expected))  # but not after a long pause
    assert ("", "And that") in expected  # a cue Zoom wrote without a speaker


def test_a_real_recording_chat_goes_into_the_pack_through_the_command_line(cli):
    path = CHAT / "zoom-recording-chat-zoomgroupstats.txt"
    authors = [RECORDING_LINE.match(line).group(2)  # type: ignore[union-attr]
               for line in path.read_text("utf-8").splitlines()]  # fmt: skip
    result = cli("export", str(HOSTED), "--chat", str(path), "--format", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    chat = json.loads(result.stdout)["chat"]
    [entry] = chat["files"]
    assert (entry["layout"], entry["messages"], entry["skipped_lines"]) == (
        "zoom-recording-chat",
        len(authors),
        0,
    )
    assert chat["participants"] == len(set(authors))


def test_a_real_two_line_chat_is_quoted_in_the_markdown_pack(cli):
    path = CHAT / "zoom-two-line-zoomclass.txt"
    result = cli("export", str(HOSTED), "--chat", str(path), "--names")
    assert result.exit_code == 0, result.output
    # Each one-line message shows as a quote with its author; the link stays whole.
    assert "“Good morning teacher.” — Joe" in result.stdout
    assert "https://www.google.com" in result.stdout


REPLY = re.compile(r'^Replying to "(.*?)\.\.\." (.*)$')  # Zoom cuts the quote at 20 characters


def test_a_real_recording_chat_with_replies_on_one_line_quotes_each_reply_alone(cli):
    # Replies written on the message's own line (`Replying to "how is the json form..." in
    # the canonical way`), one to a message that starts with a quote mark itself: each is
    # quoted without the start of the message it replies to, and none is lost.
    path = CHAT / "zoom-recording-chat-oci-replies.txt"
    published = [RECORDING_LINE.match(line) for line in path.read_text("utf-8").splitlines()]
    texts = [match.group(3) for match in published if match]
    replies = [REPLY.match(text) for text in texts]
    assert sum(1 for reply in replies if reply) == 2
    expected = [reply.group(2) if reply else text
                for text, reply in zip(texts, replies, strict=True)]  # fmt: skip
    result = cli("export", str(HOSTED), "--chat", str(path), "--format", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    pack = json.loads(result.stdout)
    assert pack["chat"]["files"][0]["messages"] == len(texts)
    quoted = [quote["text"] for segment in pack["segments"] for quote in segment["reflections"]
              if quote["source"] == "chat"]  # fmt: skip
    assert quoted == expected
    assert not any("Replying to" in text for text in quoted)


BLOCK = re.compile(r"^\[(.+)\] (\d\d):(\d\d):(\d\d)$")


def test_a_real_zoom_transcript_saved_as_text_gives_each_speakers_turn():
    path = CHAT / "zoom-transcript-text-datadaveshin.txt"
    blocks = path.read_text("utf-8").strip().split("\n\n")
    turns: list[tuple[str, int, str]] = []
    for block in blocks:
        head, *said = block.split("\n")
        match = BLOCK.match(head)
        assert match is not None
        name, (h, m, s) = match.group(1), (int(g) for g in match.groups()[1:])
        text = " ".join(said)
        if turns and turns[-1][0] == name:  # the same speaker again after a pause
            turns[-1] = (name, turns[-1][1], f"{turns[-1][2]} {text}")
        else:
            turns.append((name, h * 3600 + m * 60 + s, text))
    log = read_chat(path)
    assert (log.layout, log.clock, log.unmatched) == (ZOOM_TRANSCRIPT_TEXT, True, [])
    assert [(m.author, m.at, m.text) for m in log.messages] == turns
    assert len(turns) < len(blocks)


def test_a_real_zoom_transcript_saved_as_text_goes_into_the_pack(cli):
    path = CHAT / "zoom-transcript-text-datadaveshin.txt"
    heads = [BLOCK.match(line) for line in path.read_text("utf-8").splitlines()]
    speakers = {head.group(1) for head in heads if head is not None}
    result = cli("export", str(HOSTED), "--chat", str(path), "--format", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    chat = json.loads(result.stdout)["chat"]
    assert chat["files"][0]["layout"] == ZOOM_TRANSCRIPT_TEXT
    assert chat["files"][0]["messages"] == len(read_chat(path).messages)
    assert chat["participants"] == len(speakers)


# --------------------------------------------------------------------------- attendee files


def test_a_real_zoom_participant_report_of_unique_users_reads_every_row_once():
    path = PEOPLE / "zoom-participants-unique-zoomgroupstats.csv"
    rows = table(path, "Name (Original Name)")
    result = read_people(path)
    assert [(p.name, p.email) for p in result.people] == [
        (zoom_name(row["Name (Original Name)"]), row["User Email"] or None) for row in rows
    ]
    # The meeting's summary line above the table is no person.
    assert all(p.name != "00000000003" for p in result.people)
    assert (result.warnings, result.notes) == ([], [])
    assert (
        result.people[0].attribute("Total Duration (Minutes)")
        == rows[0]["Total Duration (Minutes)"]
    )


def test_a_real_zoom_report_saved_from_excel_with_padded_rows_reads_its_people():
    path = PEOPLE / "zoom-participants-excel-zoomgroupstats.csv"
    rows = table(path, "Name (Original Name)")
    result = read_people(path)
    assert [(p.name, p.email) for p in result.people] == [
        (row["Name (Original Name)"], row["User Email"] or None) for row in rows
    ]
    # The columns Excel padded with empty headers and cells are not kept.
    assert result.columns == ["Total Duration (Minutes)", "Guest"]
    assert result.warnings == []


def test_a_real_zoom_report_with_one_row_per_join_keeps_each_person_once_with_one_note():
    path = PEOPLE / "zoom-participants-joins-zoomclass.csv"
    rows = table(path, "Name (Original Name)")
    emails = [row["User Email"] for row in rows]
    first_name = {}
    for row in rows:
        first_name.setdefault(row["User Email"], zoom_name(row["Name (Original Name)"]))
    result = read_people(path)
    assert [(p.name, p.email) for p in result.people] == list(
        (name, email) for email, name in first_name.items()
    )
    assert result.warnings == []
    assert result.notes == rejoin_note(path, [first_name[e] for e in emails])


def test_a_real_zoom_report_splits_into_groups_through_the_command_line(cli):
    path = PEOPLE / "zoom-participants-joins-zoomclass.csv"
    emails = {row["User Email"] for row in table(path, "Name (Original Name)")}
    # The meeting's line names the host by email; their own row has no "(Host)": the host is
    # in no room, where they had been placed like anyone else.
    host = table(path, "Meeting ID")[0]["User Email"]
    assert host in emails
    result = cli("groups", str(path), "--format", "json", "--size", "4", "--seed", "5")
    assert result.exit_code == 0, result.output
    [round_] = json.loads(result.stdout)["rounds"]
    members = [m for group in round_["groups"] for m in group["members"]]
    assert sorted(m["email"] for m in members) == sorted(emails - {host})
    assert "Note: left out the host, 011_Green Goblin: " in result.stderr
    assert all(len(group["members"]) <= 4 for group in round_["groups"])
    assert "joined more than once" in result.stderr


def teams_participants(text: str) -> list[dict[str, str]]:
    """The rows of section "2. Participants" of a Teams attendance report, as published."""
    lines = text.splitlines()
    start = lines.index("2. Participants") + 1
    end = lines.index("", start)
    return list(csv.DictReader(lines[start:end], delimiter="\t"))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_real_teams_attendance_report_gives_the_participants_section_only(tmp_path, encoding):
    published = PEOPLE / "teams-attendance-dvaneynde.csv"
    text = published.read_text("utf-8")
    path = tmp_path / published.name  # Teams writes UTF-16; the publisher kept a UTF-8 copy
    path.write_bytes(text.encode(encoding))
    rows = teams_participants(text)
    result = read_people(path)
    # "Last, First" names, capitals and "(EXT)" stay as Teams wrote them; each person once,
    # though the activities section lists them all again.
    assert [(p.name, p.email) for p in result.people] == [(r["Name"], r["Email"]) for r in rows]
    assert result.people[0].attribute("Role") == rows[0]["Role"]
    assert (result.warnings, result.notes) == ([], [])


@pytest.mark.parametrize(
    "file", ["meet-attendance-alcaughey-short.csv", "meet-attendance-alcaughey-rejoins.csv"]
)
def test_a_real_meet_attendance_export_reads_each_row_and_keeps_every_arrival(file):
    path = PEOPLE / file
    lines = path.read_text("utf-8").splitlines()
    rows = [next(csv.reader([line]))[0].split("\t") for line in lines if line.startswith('"')]
    header, people = rows[0], rows[1:]
    stray = [line for line in lines[lines.index(f'"{chr(9).join(header)}"') :]
             if line.strip() and not line.startswith('"')]  # fmt: skip
    result = read_people(path)
    # The title line and the header are no people; each row is one person, and someone who
    # came back keeps all their arrivals under "Arrival time".
    assert [(p.name, p.attribute("Arrival time")) for p in result.people[: len(people)]] == [
        (row[0], "; ".join(row[2:])) for row in people
    ]
    # A line the extension did not write is read as written, and said so.
    assert [p.name for p in result.people[len(people) :]] == stray
    assert len(result.warnings) == len(stray)
    assert all("not a row of the Meet Attendance export" in w for w in result.warnings)


# --------------------------------------------------------------------------- same shapes
# Files written in the shape of published ones that carry no licence (see the READMEs).


def test_teams_per_event_report_with_commas_and_quoted_timestamps():
    path = DATA / "people" / "teams-per-event-comma.csv"
    rows = table(path, "Full Name")
    joins = [row["Full Name"] for row in rows if row["User Action"] != "Left"]
    result = read_people(path)
    assert [p.name for p in result.people] == list(dict.fromkeys(joins))
    assert result.warnings == []
    assert result.notes == rejoin_note(path, joins)


def test_teams_live_event_attendee_report_counts_each_person_once():
    # One row per Joined and Left, and a new session for each rejoin: the Left rows are no
    # people, and someone who came back is one note, not a warning per row.
    path = DATA / "people" / "teams-live-event-attendees.csv"
    rows = table(path, "SessionId")
    joins = [row["FullName"] for row in rows if row["Action"] != "Left"]
    result = read_people(path)
    assert [p.name for p in result.people] == list(dict.fromkeys(joins))
    assert len(result.people) == 6
    assert result.warnings == []
    assert result.notes == rejoin_note(path, joins)


@pytest.mark.parametrize(
    ("file", "name", "email", "delimiter"),
    [
        ("zoom-participants-es-older.csv", "Nombre (nombre original)", "E-mail del usuario", ";"),
        ("zoom-participants-it-preamble.csv", "Nome (nome originale)", "E-mail", ","),
        ("zoom-participants-it-meeting-data.csv", "Argomento", "E-mail", ","),
    ],
)  # fmt: skip
def test_localized_zoom_reports_of_the_published_shapes(file, name, email, delimiter):
    path = DATA / "people" / file
    rows = table(path, name, delimiter)
    names = [zoom_name(row["Nome (nome originale)" if name == "Argomento" else name])
             for row in rows]  # fmt: skip
    emails = {}
    for person, row in zip(names, rows, strict=True):
        emails.setdefault(person, row[email] or None)
    result = read_people(path)
    assert [(p.name, p.email) for p in result.people] == list(emails.items())
    assert result.warnings == []
    assert result.notes == rejoin_note(path, names)
