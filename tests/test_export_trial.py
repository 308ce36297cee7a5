"""What a host trial of `liftkit export` found, through the command line: quotes recorded
twice, chat names, attendee lists given at export, transcripts, counts and wording."""

import json
import re
from datetime import UTC, datetime

from tests.test_export_cli import TWO_SEGMENTS, make_session, reflection, section, write

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
    assert "2 people took part in the chat." in section(out, "Who joined")
    talk = section(out, "1. Talk")
    assert quotes_in(talk) == ["hello", "hello from my phone", "and my tablet"]
    assert "rejoined" not in out and "Breakout rooms" not in out
    assert talk.count("— Ann Lee") == 3  # one person, one spelling
    data = json.loads(cli("export", str(session), "--chat", str(chat), "--format", "json").stdout)
    assert data["chat"]["participants"] == 2
    assert data["hosts"] == ["Sam Host"]
