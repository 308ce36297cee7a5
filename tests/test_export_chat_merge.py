"""`liftkit export` with the host's and a co-host's saved chats: their computers' clocks differ
by a second or so, or by the hours of another time zone, and each message counts once."""

from datetime import UTC, datetime

import pytest
from test_export_cli import make_session, section, write


@pytest.fixture
def afternoon(tmp_path):
    """A session from 14:00 to 15:00 (UTC): Talk, then Close at 14:30."""
    return make_session(tmp_path / "afternoon", datetime(2026, 3, 9, 14, 0, tzinfo=UTC))


def zoom(*posts: tuple[str, str, str]) -> str:
    """A Zoom two-line chat of (time, author, text)."""
    return "".join(f"{at} From {author} to Everyone:\n\t{text}\n" for at, author, text in posts)


HOST = [
    ("14:05:10", "Ada Smith", "Hello from Leeds"),
    ("14:05:12", "Bo Lee", "hi all"),
    ("14:06:00", "Cy Ng", 'Reacted to "hi all" with 👍'),
    ("14:07:00", "Ada Smith", "+1"),
    ("14:12:00", "Bo Lee", "Rooms were great"),
    ("14:20:00", "Cy Ng", "Same message"),
]


def moved(posts, seconds: dict[int, int]):
    """The posts with some times moved by a few seconds (another computer's clock)."""
    out = []
    for i, (at, author, text) in enumerate(posts):
        h, m, s = map(int, at.split(":"))
        total = h * 3600 + m * 60 + s + seconds.get(i, 0)
        out.append((f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}", author, text))
    return out


def export(cli, session, tmp_path, host: str, cohost: str):
    first = write(tmp_path / "host.txt", host)
    second = write(tmp_path / "cohost.txt", cohost)
    result = cli("export", str(session), "--chat", str(first), "--chat", str(second))
    assert result.exit_code == 0, result.output
    return result, second


def test_a_cohosts_chat_a_second_or_so_apart_is_counted_once(cli, afternoon, tmp_path):
    # three times a second later, one 40 s later; and a "Same message" 3 minutes apart is
    # said again, not a repeat
    cohost = moved(HOST, {0: 1, 1: 1, 2: 1, 4: 40, 5: 180})
    result, second = export(cli, afternoon, tmp_path, zoom(*HOST), zoom(*cohost))
    talk = section(result.stdout, "1. Talk")
    assert talk.count("“Hello from Leeds”") == 1 and talk.count("“Rooms were great”") == 1
    assert talk.count("“Same message”") == 2
    assert "The chat: 6 messages; reactions: 👍 1." in result.stdout
    assert result.stderr.splitlines() == [
        f"Warning: {second}: dropped 4 messages and 1 reaction already read from an earlier "
        "chat log (same author and text within 90 seconds)"
    ]


@pytest.mark.parametrize(("hours", "said"), [(-5, "5 hours earlier"), (5.5, "5.5 hours later")])
def test_a_cohosts_chat_in_another_time_zone_is_counted_once(cli, afternoon, tmp_path, hours, said):
    # the co-host's computer in another time zone, and a message only they saved
    own = [*HOST, ("14:25:00", "Dee Roy", "only in the co-host's chat")]
    cohost = moved(own, dict.fromkeys(range(len(own)), int(hours * 3600)))
    result, second = export(cli, afternoon, tmp_path, zoom(*HOST), zoom(*cohost))
    assert "The chat: 6 messages; reactions: 👍 1." in result.stdout
    talk = section(result.stdout, "1. Talk")
    assert talk.count("“Hello from Leeds”") == 1
    assert "“only in the co-host's chat”" in talk  # at 14:25 by the host's clock
    back = "later" if hours < 0 else "earlier"
    assert result.stderr.splitlines()[0] == (
        f"Warning: {second}: 5 of its 6 messages are an earlier chat log's, {said} (its "
        f"computer's clock in another time zone?); read {said.split(' h')[0]} hours {back}, "
        "each message counted once"
    )
