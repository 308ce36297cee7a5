"""Golden files: a session folder and a chat log in, the exact event pack out.

Set LIFTKIT_UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change, then
read the diff before committing it.
"""

import json
import os
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SESSION = Path("sessions") / "2026-03-09-135958-hosted-community-event"
CHAT = Path("chat")  # paths relative to tests/data, as a host would type them
GOLDEN = Path(__file__).parent / "golden"
# The full pack: the bundled agenda run, an attendee file with roles, organisations, a
# sector and a registration question, a Zoom chat, and the host's narrative.
COMMUNITY = Path("sessions") / "2026-03-10-122958-community-conversation"
PACK = [
    "--chat", CHAT / "zoom-community.txt",
    "--narrative", Path("narratives") / "community-conversation.md",
    "--by", "Sector", "--roles", "Role", "--organisations", "Organisation",
    "--question", "If this event could answer one question, what would it be?",
    "--host", "Sam Okafor", "--host", "Priya Shah",
]  # fmt: skip

CASES = {
    "community-conversation.md": [COMMUNITY, *PACK],
    "community-conversation.html": [COMMUNITY, *PACK, "--format", "html"],
    "hosted-zoom-two-line.md": [
        "--chat", CHAT / "zoom-two-line.txt", "--by", "Sector", "--groups", "--names"
    ],
    "hosted-zoom-single-line.md": ["--chat", CHAT / "zoom-single-line.txt", "--include-private"],
    "hosted-teams-webvtt.md": ["--chat", CHAT / "teams.vtt", "--host", "Morgan Reyes"],
    "hosted-meet-sbv.md": ["--chat", CHAT / "meet.sbv", "--chat-start", "14:00:00", "--anonymous"],
    "hosted-no-chat.md": ["--groups"],
    "hosted-zoom-two-line-multiline.md": ["--chat", CHAT / "zoom-two-line-multiline.txt"],
    "hosted-zoom-name-tab.md": ["--chat", CHAT / "zoom-name-tab.txt"],
    # Zoom's 2025 saved chat (dated, who reacted under a message) and one saved in Spanish
    "hosted-zoom-new-chat.md": ["--chat", CHAT / "zoom-new-chat.txt", "--names"],
    "hosted-zoom-new-chat-surname-first.md": [
        "--chat", CHAT / "zoom-new-chat-surname-first.txt", "--names"
    ],
    "hosted-zoom-spanish.md": ["--chat", CHAT / "zoom-spanish.txt"],
    "hosted-zoom-transcript.md": [
        "--chat", CHAT / "zoom-transcript.vtt", "--chat-start", "14:05:00"
    ],
    # Teams' Word transcript saved as text: times from the start of the transcription
    "hosted-teams-transcript-word.md": [
        "--chat", CHAT / "teams-transcript-word.txt", "--chat-start", "14:00:00",
        "--host", "Sam Host", "--names",
    ],
    # Teams transcripts with unpadded times: Microsoft Graph's .vtt and the older Word one
    "hosted-teams-transcript-unpadded.md": [
        "--chat", CHAT / "teams-transcript-graph.vtt",
        "--chat", CHAT / "teams-transcript-word-old.txt", "--host", "Sam Host", "--names",
    ],
    # Teams meeting chats copied as text: classic Teams' "[14:06] Name" and new Teams' blocks
    "hosted-teams-chat-classic.md": [
        "--chat", CHAT / "teams-chat-classic.txt", "--chat", CHAT / "teams-chat-classic-12h.txt",
        "--host", "Morag Duthie", "--names",
    ],
    # Teams' names written surname first ("Okafor, Sam (NHS Tayside)"), the host's among them
    "hosted-teams-surname-first.md": [
        "--chat", CHAT / "teams-chat-classic-surname-first.txt",
        "--chat", CHAT / "teams-surname-first.vtt", "--host", "Sam Okafor", "--names",
    ],
    # Classic Teams replies quoting an attendee and the hosts, none of whom posted in the copy
    "hosted-teams-chat-reply-unknown.md": [
        "--chat", CHAT / "teams-chat-classic-reply-unknown.txt",
        "--host", "Sam Host", "--host", "Priya Shah", "--anonymous",
    ],
    "hosted-teams-chat-deleted.md": ["--chat", CHAT / "teams-chat-classic-deleted.txt"],
    "hosted-teams-chat-new.md": [
        "--chat", CHAT / "teams-chat-new-meeting.txt", "--host", "Kirsty Cunliffe", "--names"
    ],
    "hosted-teams-chat-group-and-mixed.md": [
        "--chat", CHAT / "teams-chat-new-group.txt", "--chat", CHAT / "teams-chat-mixed.txt",
        "--chat", CHAT / "teams-chat-new-web.txt", "--names",
    ],
    # Headers wrapped over two lines, joined again or skipped with the lines under them
    "hosted-zoom-wrapped.md": [
        "--chat", CHAT / "zoom-two-line-wrapped.txt",
        "--chat", CHAT / "zoom-single-line-wrapped.txt", "--names",
    ],
    # The host's and a co-host's saved chats, each naming its saver's messages "Me"
    "hosted-zoom-host-and-cohost-me.md": [
        "--chat", CHAT / "zoom-two-line-host-me.txt",
        "--chat", CHAT / "zoom-two-line-cohost-me.txt",
        "--host", "Sam Host", "--host", "Priya Shah", "--names",
    ],
    # Zoom's tab before each message's line turned into spaces
    "hosted-zoom-two-line-spaces.md": ["--chat", CHAT / "zoom-two-line-spaces.txt", "--names"],
    "hosted-zoom-single-line-real.md": [
        "--chat", CHAT / "real" / "zoom-single-line-certcc-ssvc.txt"
    ],
    # Real chat logs kept with their licences in tests/data/chat/real/.
    "hosted-real-zoomgroupstats.md": [
        "--chat", CHAT / "real" / "zoom-recording-chat-zoomgroupstats.txt",
        "--chat", CHAT / "real" / "zoom-transcript-zoomgroupstats.vtt",
        "--chat-start", "14:00:00", "--names",
    ],
    "hosted-real-zoomclass-and-text-transcript.md": [
        "--chat", CHAT / "real" / "zoom-recording-chat-zoomclass.txt",
        "--chat", CHAT / "real" / "zoom-two-line-zoomclass.txt",
        "--chat", CHAT / "real" / "zoom-transcript-text-datadaveshin.txt",
        "--names",
    ],
    # A cloud recording's chat with replies on the message's own line (opencontainers).
    "hosted-real-oci-replies.md": [
        "--chat", CHAT / "real" / "zoom-recording-chat-oci-replies.txt", "--names"
    ],
    # The HTML pack, made with the code that put the page together whole (before 2026-12-06):
    # written in pieces now, it must be the same bytes.
    "hosted-zoom-two-line.html": [
        "--chat", CHAT / "zoom-two-line.txt", "--by", "Sector", "--groups", "--names",
        "--format", "html",
    ],
    "hosted-zoom-new-chat.html": ["--chat", CHAT / "zoom-new-chat.txt", "--names", "-f", "html"],
    "hosted-meet-sbv.html": [
        "--chat", CHAT / "meet.sbv", "--chat-start", "14:00:00", "--anonymous", "-f", "html"
    ],
    "hosted-no-chat.html": ["--groups", "--format", "html"],
    "hosted-zoom-two-line.json": [
        "--chat", CHAT / "zoom-two-line.txt", "--by", "sector", "--groups", "--format", "json"
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CASES))
def test_export_matches_the_golden_file(cli, tmp_path, monkeypatch, name):
    monkeypatch.chdir(DATA)
    out = tmp_path / name
    args = CASES[name]
    session = args[0] if isinstance(args[0], Path) and args[0].parts[0] == "sessions" else SESSION
    args = args[1:] if session is not SESSION else args
    result = cli("export", str(session), *map(str, args), "-o", str(out))
    assert result.exit_code == 0, result.output
    golden = GOLDEN / name
    got = out.read_text(encoding="utf-8")
    if name.endswith(".json"):
        # One line of JSON comes out; the golden file is indented so that diffs can be read.
        assert got.count("\n") == 1
        if os.environ.get("LIFTKIT_UPDATE_GOLDEN"):
            golden.write_text(json.dumps(json.loads(got), ensure_ascii=False, indent=2) + "\n")
        assert json.loads(got) == json.loads(golden.read_text(encoding="utf-8"))
        return
    if os.environ.get("LIFTKIT_UPDATE_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(name for name in CASES if name.endswith(".html")))
def test_an_html_pack_written_a_few_quotes_at_a_time_is_the_golden_file(
    cli, tmp_path, monkeypatch, name
):
    """The HTML pack is written to its file as it is made, its quotes a thousand at a time (a
    chat of 150,000 messages was held whole four times over): with a boundary every two
    quotes, in every list, the page is the same bytes as the golden file made whole."""
    from liftkit.core.report import html_charts

    monkeypatch.setattr(html_charts, "CARDS_AT_A_TIME", 2)
    test_export_matches_the_golden_file(cli, tmp_path, monkeypatch, name)
    assert (tmp_path / name).read_text(encoding="utf-8").count('<ul class="quotes">') >= 3


def test_every_chat_layout_has_a_golden_file():
    used = {str(arg) for args in CASES.values() for arg in args}
    for chat in (DATA / CHAT).rglob("*"):
        if chat.is_file() and chat.suffix != ".md":
            relative = chat.relative_to(DATA)
            assert str(relative) in used, f"{relative} has no golden event pack"
