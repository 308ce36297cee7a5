"""What a host trial of `liftkit export` found, through the command line: quotes recorded
twice, chat names, attendee lists given at export, transcripts, counts and wording."""

import json
import re
from datetime import UTC, datetime
from pathlib import Path

from test_export_cli import TWO_SEGMENTS, make_session, reflection, section, write

START = datetime(2026, 3, 9, 17, 0, tzinfo=UTC)  # segments 17:00-17:30 and 17:30-18:00


def quotes_in(markdown: str) -> list[str]:
    return re.findall(r"^- “(.*?)”", markdown, flags=re.MULTILINE)


# --------------------------------------------------------------------------- duplicates


def test_a_tagged_reflection_and_its_chat_message_show_once(cli, tmp_path):
    text = "i was influenced and changed my vote"
    session = make_session(
        tmp_path / "s",
        START,
        events=[
            reflection(2040, 1, f"{text} #influence", "Adam Zable", ["influence"]),
            reflection(2100, 1, "Mexico.", "Alex Soto"),
        ],
    )
    chat = write(
        tmp_path / "chat.txt",
        f"17:33:42 From Adam Zable to Everyone:\n\t{text}\n"
        "17:34:10 From Alex Soto to Everyone:\n\tMexico\n",
    )
    out = cli("export", str(session), "--chat", str(chat)).stdout
    close = section(out, "2. Close")
    assert quotes_in(close) == [text, "Mexico."]
    assert "#### Influence" in close  # under its theme, and not again among the others


# --------------------------------------------------------------------------- chat names

NO_HOST = TWO_SEGMENTS.replace('host = "Sam Host"\n', "")
SAME_PEOPLE = (
    "17:10:00 From Ann Lee to Everyone:\n\thello\n"
    "17:11:00 From ann lee to Everyone:\n\thello from my phone\n"
    "17:12:00 From ANN LEE to Everyone:\n\tand my tablet\n"
    "17:13:00 From Sam Host (Host) to Everyone:\n\tBreakout rooms are open\n"
    "17:14:00 From Sam Host to Everyone:\n\tI rejoined from my laptop, welcome back all\n"
)


def test_chat_names_differing_in_case_or_by_host_are_one_person(cli, tmp_path):
    session = make_session(tmp_path / "s", START, agenda=NO_HOST)
    chat = write(tmp_path / "chat.txt", SAME_PEOPLE)
    out = cli("export", str(session), "--chat", str(chat), "--names").stdout
    who = section(out, "Who joined")
    # Sam Host is counted apart, both as a person and in the chat's messages.
    assert "1 person took part in the chat, besides 1 host." in who
    assert "The chat: 3 messages, besides 2 from the host." in who
    talk = section(out, "1. Talk")
    assert quotes_in(talk) == ["hello", "hello from my phone", "and my tablet"]
    assert "rejoined" not in out and "Breakout rooms" not in out
    assert talk.count("— Ann Lee") == 3  # one person, one spelling
    data = json.loads(cli("export", str(session), "--chat", str(chat), "--format", "json").stdout)
    assert (data["chat"]["participants"], data["chat"]["hosts"]) == (1, 1)
    assert (data["attendance"]["count"], data["attendance"]["hosts"]) == (1, 1)
    assert data["hosts"] == ["Sam Host"]


# --------------------------------------------------------------------------- --attendees

PARTICIPANTS = "Name,Email,Sector\nAda,ada@example.org,Health\nBob,bob@example.org,Charity\n"


def test_an_attendee_list_can_be_given_at_export(cli, tmp_path):
    session = make_session(tmp_path / "s", START)
    before = sorted(p.name for p in session.iterdir())
    refused = cli("export", str(session), "--by", "Sector")
    assert refused.exit_code == 2
    assert "--attendees FILE" in refused.stderr and "Traceback" not in refused.output
    people = write(tmp_path / "participants.csv", PARTICIPANTS)
    result = cli("export", str(session), "--attendees", str(people), "--by", "Sector")
    assert result.exit_code == 0, result.output
    who = section(result.stdout, "Who joined")
    assert "### By Sector\n\nCharity 50% and Health 50%." in who
    assert sorted(p.name for p in session.iterdir()) == before  # the session is not changed


def test_an_attendee_list_at_export_replaces_the_sessions_own(cli, tmp_path):
    session = make_session(tmp_path / "s", START)
    write(session / "attendees.csv", "Name,Sector\nOld,Retail\n")
    people = write(tmp_path / "participants.csv", PARTICIPANTS)
    out = cli("export", str(session), "--attendees", str(people), "--by", "Sector").stdout
    assert "Retail" not in out and "Health 50%" in out


def test_more_people_in_the_chat_than_on_the_attendee_list_is_warned_about(cli, tmp_path):
    # "12 people joined, besides 2 hosts" beside "the chat: 78 messages from 17 people"
    session = make_session(tmp_path / "s", START)
    chat = write(
        tmp_path / "chat.txt",
        "".join(f"17:1{i}:00 From P{i} to Everyone:\n\thello {i}\n" for i in range(3)),
    )
    people = write(tmp_path / "last-week.csv", "Name\nP0\nP1\n")
    result = cli("export", str(session), "--chat", str(chat), "--attendees", str(people))
    assert result.exit_code == 0, result.output
    who = section(result.stdout, "Who joined")
    assert "2 people joined" in who and "The chat: 3 messages from 3 people." in who
    assert (
        "Warning: last-week.csv: 3 people posted in the chat but the attendee list holds 2 "
        "(hosts aside): the pack says 2 joined; is it this meeting's participant list?"
    ) in result.stderr
    write(people, "Name\nP0\nP1\nP2\nP3\n")  # everyone who posted, and one who did not
    result = cli("export", str(session), "--chat", str(chat), "--attendees", str(people))
    assert "posted in the chat but" not in result.stderr


def test_a_bad_attendee_list_at_export_is_one_line(cli, tmp_path):
    session = make_session(tmp_path / "s", START)
    result = cli("export", str(session), "--attendees", str(tmp_path / "nope.csv"))
    assert result.exit_code == 2
    assert "nope.csv" in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


# --------------------------------------------------------------------------- transcripts

TEAMS = "WEBVTT\n\n" + "".join(
    f"00:{m:02d}:00.000 --> 00:{m:02d}:05.000\n<v {who}>turn {m}</v>\n\n"
    for m, who in enumerate(["Ada", "Bob", "Ada", "Bob", "Ada"], start=1)
)


def test_a_transcript_is_told_as_speakers_and_turns(cli, tmp_path):
    session = make_session(tmp_path / "s", START)
    vtt = write(tmp_path / "teams.vtt", TEAMS)
    out = cli("export", str(session), "--chat", str(vtt)).stdout
    who = section(out, "Who joined")
    assert "2 people spoke in the transcript." in who
    assert "The transcript: 5 turns." in who
    assert "chat" not in who
    assert "teams.vtt: Teams transcript (WebVTT), 5 turns" in out
    assert len(quotes_in(section(out, "1. Talk"))) == 5


def test_a_chat_and_a_transcript_are_counted_apart(cli, tmp_path):
    session = make_session(tmp_path / "s", START)
    vtt = write(tmp_path / "teams.vtt", TEAMS)
    chat = write(tmp_path / "chat.txt", "17:10:00 From Cy to Everyone:\n\thello\n")
    out = cli("export", str(session), "--chat", str(chat), "--chat", str(vtt)).stdout
    who = section(out, "Who joined")
    assert "3 people took part in the chat or spoke in the transcript." in who
    assert "The chat: 1 message; the transcript: 5 turns." in who


def test_the_hosts_chat_and_turns_are_counted_apart_from_the_rest(cli, tmp_path):
    session = make_session(tmp_path / "s", START)  # the agenda's host is Sam Host
    vtt = write(tmp_path / "teams.vtt", TEAMS.replace("<v Bob>", "<v Sam Host>"))
    chat = write(tmp_path / "chat.txt", "17:10:00 From Cy to Everyone:\n\thello\n"
                 "17:11:00 From Sam Host to Everyone:\n\twelcome all\n")  # fmt: skip
    out = cli("export", str(session), "--chat", str(chat), "--chat", str(vtt)).stdout
    who = section(out, "Who joined")
    assert "2 people took part in the chat or spoke in the transcript, besides 1 host." in who
    assert (
        "The chat: 1 message; the transcript: 3 turns, besides 1 message and 2 turns from the host."
    ) in who


def test_a_chat_only_the_host_posted_in_says_so(cli, tmp_path):
    # "0 people took part in the chat, besides 1 host. The chat: 0 messages, besides 2 from
    # the host."
    session = make_session(tmp_path / "s", START)  # the agenda's host is Sam Host
    chat = write(tmp_path / "chat.txt", "17:10:00 From Sam Host to Everyone:\n\twelcome\n"
                 "17:11:00 From Sam Host to Everyone:\n\tbreakouts soon\n")  # fmt: skip
    who = section(cli("export", str(session), "--chat", str(chat)).stdout, "Who joined")
    assert "Only the host took part in the chat." in who
    assert "The chat: 2 messages, all from the host." in who
    assert "0 " not in who


# --------------------------------------------------------------------------- counts


def test_the_warning_and_the_pack_count_the_same_messages(cli, tmp_path):
    session = make_session(tmp_path / "s", START)
    chat = write(
        tmp_path / "chat.txt",
        "10:00:00 From Ada to Everyone:\n\tone\n"
        "10:01:00 From Ada to Bob (Direct Message):\n\tjust you\n"
        "10:02:00 From Bob to Everyone:\n\ttwo\n"
        "10:03:00 From Bob to Everyone:\n\tthree\n",
    )
    result = cli("export", str(session), "--chat", str(chat))
    assert "none of its 3 messages fall within the session" in result.stderr
    assert "chat.txt: Zoom chat (two-line layout), 3 messages (1 direct message left out)" in (
        result.stdout
    )
    assert "The chat: 3 messages." in result.stdout
    assert len(quotes_in(result.stdout)) == 3


# --------------------------------------------------------------------------- --anonymous


def test_anonymous_names_no_host_in_any_format(cli, tmp_path):
    session = make_session(tmp_path / "s", START)
    write(session / "attendees.csv", "Name,Role\nAda,participant\nCo Host Carla,co-host\n")
    chat = write(tmp_path / "chat.txt", SAME_PEOPLE)
    args = ("export", str(session), "--chat", str(chat), "--anonymous", "--host", "Dee Lead")
    data = json.loads(cli(*args, "--format", "json").stdout)
    assert data["hosts"] is None and data["host"] == ""
    for fmt in ("md", "json", "html"):
        out = cli(*args, "--format", fmt).stdout
        for name in ("Sam Host", "Carla", "Dee Lead", "Ann Lee"):
            assert name not in out, (fmt, name)


# --------------------------------------------------------------------------- tags


def test_tags_leave_the_words_clean(cli, tmp_path):
    session = make_session(tmp_path / "s", START)
    said = [
        "so true #care.",
        "agree (#care)",
        "Top themes: trust, time, #care",
        "#care",
        "a #care question.",
        "great session! #care #trust",
    ]
    chat = write(
        tmp_path / "chat.txt",
        "".join(f"17:{10 + i}:00 From P{i} to Everyone:\n\t{t}\n" for i, t in enumerate(said)),
    )
    args = ("export", str(session), "--chat", str(chat))
    out = cli(*args).stdout
    expected = [
        "so true",
        "agree",
        "Top themes: trust, time",
        "a care question.",
        "great session!",
    ]
    assert quotes_in(section(out, "1. Talk")) == expected  # "#care" alone is no quote
    assert "The chat: 6 messages." in out  # though it is a message
    html = cli(*args, "--format", "html").stdout
    assert re.findall(r"<li>“(.*?)”</li>", html) == expected


# --------------------------------------------------------------------------- who joined


def test_who_joined_counts_the_attendees_not_the_hosts_and_names_the_file_given(cli, tmp_path):
    session = make_session(tmp_path / "s", START)  # the agenda's host is Sam Host
    people = write(
        tmp_path / "zoom-participants.csv",
        "Name,Email,Sector\nSam Host,sam@example.org,Charity\nJo (Co-host),jo@x.org,Retail\n"
        "Ada,ada@example.org,Health\nBob,bob@example.org,Health\nCy,cy@example.org,Charity\n",
    )
    out = cli("export", str(session), "--attendees", str(people), "--by", "Sector").stdout
    who = section(out, "Who joined")
    assert "3 people joined, besides 2 hosts (attendee list: zoom-participants.csv)." in who
    rows = dict(re.findall(r"^\| (\w+) \| (\d+) \| \d+% \|$", who, flags=re.MULTILINE))
    assert rows == {"Health": "2", "Charity": "1", "Total": "3"}  # the count, recounted
    data = json.loads(
        cli("export", str(session), "--attendees", str(people), "--format", "json").stdout
    )
    assert data["attendance"]["count"] == 3 and data["attendance"]["hosts"] == 2
    # a co-host marked so in the list is a host everywhere: never quoted, and in `hosts`
    assert data["hosts"] == ["Sam Host", "Jo"]
    chat = write(tmp_path / "chat.txt", "17:05:00 From jo to Everyone:\n\tCo-host note on time\n"
                 "17:06:00 From Ada to Everyone:\n\tListening first\n")  # fmt: skip
    pack = cli("export", str(session), "--attendees", str(people), "--chat", str(chat),
               "--names").stdout  # fmt: skip
    assert "Listening first" in pack and "Co-host note" not in pack


def test_equal_counts_show_equal_percentages(cli, tmp_path):
    session = make_session(tmp_path / "s", START, agenda=NO_HOST)
    sectors = ["Health"] * 3 + ["Education"] * 2 + ["Charity", "Local Authority", "Retail"]
    people = write(
        tmp_path / "people.csv",
        "Name,Sector\n" + "".join(f"P{i},{s}\n" for i, s in enumerate(sectors)),
    )
    out = cli("export", str(session), "--attendees", str(people), "--by", "Sector").stdout
    who = section(out, "Who joined")
    rows = re.findall(r"^\| ([\w ]+) \| (\d+) \| (\d+)% \|$", who, flags=re.MULTILINE)
    shares = {label: (int(n), int(p)) for label, n, p in rows if label != "Total"}
    assert sum(n for n, _ in shares.values()) == 8
    assert {p for n, p in shares.values() if n == 1} == {12}  # one share for one count
    for n, p in shares.values():
        assert abs(p - n * 100 / 8) < 1
    assert "Charity 12%, Local Authority 12% and Retail 12%." in who


def test_emoji_and_bare_links_are_counted_but_not_quoted(cli, tmp_path):
    session = make_session(tmp_path / "s", START)
    said = ["👍", "🎉🎉", "https://example.org/slides", "slides: https://example.org/s", "ok 👍"]
    chat = write(
        tmp_path / "chat.txt",
        "".join(f"17:{10 + i}:00 From P{i} to Everyone:\n\t{t}\n" for i, t in enumerate(said)),
    )
    out = cli("export", str(session), "--chat", str(chat)).stdout
    assert quotes_in(section(out, "1. Talk")) == ["slides: <https://example.org/s>", "ok 👍"]
    assert "The chat: 5 messages." in out and "5 people took part in the chat." in out
    # what the host chose to record is theirs to keep, an emoji alone too
    recorded = make_session(tmp_path / "r", START, events=[reflection(60, 0, "🙏", "Ada")])
    pack = cli("export", str(recorded), "--names").stdout
    assert quotes_in(section(pack, "1. Talk")) == ["🙏"]


def test_an_empty_chat_log_is_a_warning_and_the_pack_is_made(cli, tmp_path):
    session = make_session(tmp_path / "s", START)
    empty = write(tmp_path / "chat.txt", "\n  \n")
    other = write(tmp_path / "other.txt", "17:10:00 From Ada to Everyone:\n\thello\n")
    result = cli("export", str(session), "--chat", str(empty), "--chat", str(other))
    assert result.exit_code == 0, result.output
    warned = f"Warning: {empty}: the chat log is empty; the pack is made without it\n"
    assert result.stderr == warned
    assert quotes_in(section(result.stdout, "1. Talk")) == ["hello"]
    assert "chat.txt" not in result.stdout and "1 person took part in the chat." in result.stdout
    alone = cli("export", str(session), "--chat", str(empty))
    assert alone.exit_code == 0 and "took part" not in alone.stdout


# --------------------------------------------------------------------------- layout


def test_html_durations_stay_on_one_line(cli, tmp_path):
    session = make_session(tmp_path / "s", START)
    html = cli("export", str(session), "--format", "html").stdout
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    nowrap = [rule for rule in style.split("}") if "white-space: nowrap" in rule]
    assert any("td.value" in rule for rule in nowrap)  # liftkit's own values, not all cells
    table = html.split("The agenda as run", 1)[1].split("</table>", 1)[0]
    durations = re.findall(r"<td([^>]*)>(\d+(?:h|m)[^<]*)</td>", table)
    assert durations and all(
        'class="value"' in attrs and 'style="text-align:right"' in attrs for attrs, _ in durations
    )


def test_a_link_in_a_message_is_the_address_as_typed_and_clickable_in_html(cli, tmp_path):
    session = make_session(tmp_path / "s", START)
    video = "https://www.youtube.com/watch?v=OpLU__bhu2w&t=1_0"
    slides = "https://example.org/deck_(final)"
    chat = write(
        tmp_path / "chat.txt",
        f"17:10:00 From Ana to Everyone:\n\tThe talk: {video}. Slides ({slides}), enjoy_it\n",
    )
    markdown = cli("export", str(session), "--chat", str(chat)).stdout
    [quote] = quotes_in(section(markdown, "1. Talk"))
    # copied from the Markdown, the address is whole: no backslash inside it
    assert quote == f"The talk: <{video}>. Slides (<{slides}>), enjoy_it"
    html = cli("export", str(session), "--chat", str(chat), "-f", "html").stdout
    # each the link's own words: print need not write its address after it
    assert re.findall(r'<a class="url" href="([^"]+)"', html) == [
        video.replace("&", "&amp;"),
        slides,
    ]
    # CJK punctuation ends an address: it ran on to the end of the message
    chinese = write(
        tmp_path / "zh.txt",
        "17:10:00 From Li to Everyone:\n\t见 https://x.example/a。以及（https://y.example/东京）谢谢\n",
    )
    [quote] = quotes_in(
        section(cli("export", str(session), "--chat", str(chinese)).stdout, "1. Talk")
    )
    assert quote == "见 <https://x.example/a>。以及（<https://y.example/东京>）谢谢"


def test_a_pipe_is_escaped_in_tables_only(cli, tmp_path):
    session = make_session(tmp_path / "s", START, agenda=NO_HOST)
    people = write(
        tmp_path / "people.csv", 'Name,Sector\nAda,"Health | Care"\nBob,Retail\nCy,Retail\n'
    )
    out = cli("export", str(session), "--attendees", str(people), "--by", "Sector").stdout
    who = section(out, "Who joined")
    assert "### By Sector\n\nRetail 67% and Health | Care 33%." in who  # a sentence: as typed
    assert "| Health \\| Care | 1 | 33% |" in who  # a table's cell: escaped


def test_a_teams_transcript_saved_from_word_goes_into_the_pack(cli, tmp_path):
    session = make_session(tmp_path / "s", START)
    path = Path(__file__).parent / "data" / "chat" / "teams-transcript-word.txt"
    result = cli("export", str(session), "--chat", str(path), "--chat-start", "17:00:00")
    assert result.exit_code == 0, result.output
    out = result.stdout
    who = section(out, "Who joined")
    assert "2 people spoke in the transcript, besides 1 host." in who
    assert "The transcript: 4 turns, besides 1 from the host." in who
    assert quotes_in(section(out, "1. Talk"))[0].startswith("Thanks Sam. I wanted to start")
    assert "Welcome everyone" not in out  # the host's
    assert quotes_in(section(out, "After the session")) == [
        "For me, it starts with listening first."
    ]
    assert (
        "teams-transcript-word.txt: Teams transcript (Word document saved as text), 5 turns" in out
    )


def test_the_organizer_of_a_real_teams_attendance_report_is_a_host(cli, tmp_path):
    # Teams' report names the host's role "Organizer", not "Host": he was counted among those
    # who joined and quoted from the transcript.
    session = make_session(tmp_path / "s", START, agenda=NO_HOST)
    people = Path(__file__).parent / "data" / "people" / "real" / "teams-attendance-dvaneynde.csv"
    cues = (
        "00:00:05.000 --> 00:00:08.000\n<v MAES PIETER (EXT)>Let us start.</v>\n\n"
        "00:00:20.000 --> 00:00:25.000\n<v Wout Claes>I finished the login page.</v>\n"
    )
    vtt = write(tmp_path / "standup.vtt", "WEBVTT\n\n" + cues)
    out = cli("export", str(session), "--attendees", str(people), "--chat", str(vtt)).stdout
    who = section(out, "Who joined")
    assert "7 people joined, besides 1 host" in who  # 8 rows, one the Organizer
    assert "The transcript: 1 turn from 1 person, besides 1 from the host." in who
    assert quotes_in(section(out, "1. Talk")) == ["I finished the login page."]


def test_a_host_marked_in_another_language_is_a_host(cli, tmp_path):
    # Zoom's Italian report marks the host "(Organizzatore)": she was counted among those who
    # joined and quoted from the chat.
    session = make_session(tmp_path / "s", START, agenda=NO_HOST)
    people = Path(__file__).parent / "data" / "people" / "zoom-participants-it-preamble.csv"
    chat = write(tmp_path / "chat.txt", "17:05:00 From Chiara Ferri to Everyone:\n\tBenvenuti\n"
                 "17:06:00 From Marco Longo to Everyone:\n\tAscoltare prima\n")  # fmt: skip
    out = cli("export", str(session), "--attendees", str(people), "--chat", str(chat)).stdout
    rows = [line for line in people.read_text(encoding="utf-8-sig").splitlines()[4:] if line]
    names = {line.split(",")[0] for line in rows}  # Elisa joined twice: one person
    assert len(names) == 3
    who = section(out, "Who joined")
    assert f"{len(names) - 1} people joined, besides 1 host" in who
    assert "Benvenuti" not in out and "Ascoltare prima" in out
    data = json.loads(cli("export", str(session), "--attendees", str(people), "--format",
                          "json").stdout)  # fmt: skip
    assert data["hosts"] == ["Chiara Ferri"]


def test_the_host_of_a_zoom_participant_report_is_a_host(cli, tmp_path):
    # Zoom writes "Ada Lovelace (Host)" in its "Name (Original Name)" column; the reader
    # keeps the name, and the pack counted her among those who joined.
    session = make_session(tmp_path / "s", START, agenda=NO_HOST)
    people = Path(__file__).parent / "data" / "people" / "zoom-participants.csv"
    rows = people.read_text(encoding="utf-8").splitlines()[4:]
    names = {row.split(",")[0] for row in rows if row}
    hosts = {name for name in names if name.endswith("(Host)")}
    assert len(hosts) == 1
    out = cli("export", str(session), "--attendees", str(people), "--format", "json").stdout
    data = json.loads(out)
    assert data["attendance"]["count"] == len(names) - len(hosts)
    assert data["attendance"]["hosts"] == len(hosts)
    assert data["hosts"] == [name.removesuffix(" (Host)") for name in hosts]


def test_the_organizer_of_a_teams_report_in_portuguese_is_a_host(cli, tmp_path):
    # "Função: Organizador": the host was counted among those who joined and quoted.
    session = make_session(tmp_path / "s", START, agenda=NO_HOST)
    people = Path(__file__).parent / "data" / "people" / "teams-attendance-sections-pt.csv"
    section_two = people.read_text(encoding="utf-16").split("\n\n")[1].splitlines()[2:]
    roles = [row.split("\t")[-1].strip() for row in section_two]
    assert roles.count("Organizador") == 1
    chat = write(tmp_path / "chat.txt", "17:05:00 From Ada Lovelace to Everyone:\n\tBem-vindos\n"
                 "17:06:00 From João Gonçalves to Everyone:\n\tOuvir primeiro\n")  # fmt: skip
    out = cli("export", str(session), "--attendees", str(people), "--chat", str(chat)).stdout
    who = section(out, "Who joined")
    assert f"{len(roles) - 1} people joined, besides 1 host" in who
    assert "Bem-vindos" not in out and "Ouvir primeiro" in out


def test_a_zoom_host_who_joined_twice_is_still_the_host(cli, tmp_path):
    # A host's connection drops and they rejoin: Zoom writes two "(Host)" rows. Keeping the
    # person once dropped the mark, so the pack counted the host among those who joined.
    session = make_session(tmp_path / "s", START, agenda=NO_HOST)
    report = Path(__file__).parent / "data" / "people" / "zoom-participants.csv"
    lines = report.read_text(encoding="utf-8").splitlines()
    (host_row,) = [line for line in lines if line.startswith("Ada Lovelace (Host),")]
    people = write(tmp_path / "participants.csv", "\n".join([*lines, host_row]) + "\n")
    names = {row.split(",")[0] for row in lines[4:] if row}
    data = json.loads(cli("export", str(session), "--attendees", str(people), "--format",
                          "json").stdout)  # fmt: skip
    assert data["attendance"]["count"] == len(names) - 1
    assert data["hosts"] == ["Ada Lovelace"]
    result = cli("groups", str(people), "--size", "2", "--seed", "1", "--format", "json")
    placed = [m["name"] for g in json.loads(result.stdout)["rounds"][0]["groups"]
              for m in g["members"]]  # fmt: skip
    assert sorted(placed) == sorted(names - {"Ada Lovelace (Host)"})


def test_a_session_stopped_early_and_never_resumed_is_said_at_export(cli, tmp_path):
    # Quit (or killed) in the first segment: the pack said "not run" for the rest, and
    # nothing told the host that `liftkit resume` would have carried it on.
    stopped = [(0, "segment_start", {"segment": 0}), (600, "stop", {"reason": "quit"})]
    session = make_session(tmp_path / "s", START, timeline=stopped)
    result = cli("export", str(session), "-o", str(tmp_path / "pack.md"))
    assert result.exit_code == 0, result.output
    assert (
        "Warning: s: the session stopped before its end and was not resumed; the pack says 1 "
        f"segment did not run (2. Close). To carry it on first: liftkit resume {session}\n"
    ) in result.stderr
    ended = make_session(tmp_path / "t", START)  # ran to its end: nothing to say
    assert "stopped before its end" not in cli("export", str(ended)).stderr


def test_a_closing_segment_that_never_ran_says_so(cli, tmp_path):
    # Quit in the first segment: the agenda as run says the closing segment was "not run",
    # and so did every other segment's section, but the closing one read "No closing
    # reflections were captured" and "No practical steps were captured", as if it had run.
    stopped = [(0, "segment_start", {"segment": 0}), (600, "stop", {"reason": "quit"})]
    session = make_session(
        tmp_path / "s", START, timeline=stopped, events=[reflection(60, 0, "a first thought")]
    )
    out = cli("export", str(session)).stdout
    assert "| 2 | Close | 17:30 | not run | 30m | — |  |" in out
    close = section(out, "2. Close")
    assert "This segment was not run." in close
    assert "captured" not in close and "### " not in close
    ran = make_session(tmp_path / "t", START)  # ran, nothing said: the lists say so
    close = section(cli("export", str(ran)).stdout, "2. Close")
    assert "No practical steps were captured." in close and "not run" not in close
