"""`liftkit export` with a chat whose times go back: two meetings saved in one file."""

from datetime import UTC, datetime

from test_export_cli import make_session, section, write


def single_line(*posts: tuple[str, str, str]) -> str:
    """A Zoom single-line chat (the layout of an older saved chat) of (time, author, text)."""
    return "".join(f"{at}\t From  {author} : {text}\n" for at, author, text in posts)


def test_a_chat_of_two_meetings_is_warned_about_where_time_goes_back(cli, tmp_path):
    session = make_session(tmp_path / "s", datetime(2026, 3, 9, 14, 0, tzinfo=UTC))
    chat = write(
        tmp_path / "chat.txt",
        single_line(
            ("14:05:10", "Ana", "hello"),
            ("14:10:00", "Bo", "sim"),
            ("14:20:30", "Ana", "see you"),
            ("10:05:56", "Bo", "last week's meeting"),  # line 4: another meeting's
            ("10:12:50", "Cy", "blz"),
            ("10:12:40", "Cy", "a clock's second back is no meeting"),
        ),
    )
    result = cli("export", str(session), "--chat", str(chat))
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        f"Warning: {chat}:4: the time goes back from 14:20:30 (line 3) to 10:05:56: it looks "
        "like a second meeting in the same file; each message is placed by its own time, so "
        "keep only this meeting's part of the file"
    )
    assert "“last week's meeting”" in section(result.stdout, "Before the session")

    # a chat that runs past midnight goes on: no warning
    late = make_session(tmp_path / "late", datetime(2026, 3, 9, 23, 30, tzinfo=UTC))
    midnight = write(
        tmp_path / "midnight.txt",
        single_line(("23:58:00", "Ana", "nearly midnight"), ("00:03:00", "Bo", "past it")),
    )
    result = cli("export", str(late), "--chat", str(midnight))
    assert result.exit_code == 0 and result.stderr == ""


def test_a_dated_chat_leaves_out_the_messages_of_another_day(cli, tmp_path):
    # Zoom's folder of a recurring meeting keeps one saved chat: last week's messages were
    # quoted "Before the session" of this week's pack, and counted, without a word.
    session = make_session(tmp_path / "s", datetime(2026, 3, 16, 14, 0, tzinfo=UTC))
    posts = [("2026-03-12", "14:05:00", "Ana", "last week"), ("2026-03-12", "14:20:00", "Bo",
              "also last week"), ("2026-03-16", "14:06:00", "Cy", "this week"),
             ("2026-03-16", "14:25:00", "Di", "and now")]  # fmt: skip
    chat = write(
        tmp_path / "meeting_saved_new_chat.txt",
        "".join(
            f"{day} {at} From {who} to Everyone:\n\t{text}\n\t\n" for day, at, who, text in posts
        ),
    )
    result = cli("export", str(session), "--chat", str(chat), "--names")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"Warning: {chat}: left out 2 messages dated 2026-03-12, not the session's day: another "
        "meeting's, saved in the same file"
    ]
    assert "last week" not in result.stdout
    assert "“this week” — Cy" in result.stdout and "“and now” — Di" in result.stdout
    assert "2 people took part in the chat" in result.stdout
    assert "- meeting_saved_new_chat.txt: Zoom chat (two-line layout), 2 messages" in (
        result.stdout
    )
