"""What a host trial of `liftkit export` found, through the command line: quotes recorded
twice, chat names, attendee lists given at export, transcripts, counts and wording."""

import re
from datetime import UTC, datetime

from tests.test_export_cli import make_session, reflection, section, write

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
