"""Zoom chat lines pasted into the reflection line: each message a reflection of its own, by
its sender, its text alone. In a real terminal (tmux), the journal recounted from
journal.jsonl and the pack exported; and the parser alone (core/live/capture.py)."""

import sys

import pytest
from support.tmux import Tmux, session_events

LIFTKIT = [sys.executable, "-m", "liftkit"]

AGENDA = """
title = "Chat"
[[segments]]
title = "Close"
duration = "10m"
kind = "reflection"
prompt = "One practical step?"
"""

ZOOM = (
    "14:02:11 From Grace Hopper to Everyone: One practical step I will take away is to listen "
    "more\n14:02:15 From Ada Lovelace to Everyone: I will book a monthly check-in with my team\n"
)


@pytest.mark.parametrize("bracketed", [True, False], ids=["bracketed paste", "plain paste"])
def test_pasted_zoom_chat_lines_are_one_reflection_each_by_their_sender(tmp_path, bracketed):
    # QA (zoom2.txt): one reflection, author null, its text the names and times, which the
    # default pack ("quotes without names") then published.
    (tmp_path / "a.toml").write_text(AGENDA)
    term = Tmux(80, 24, cwd=str(tmp_path))
    try:
        term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s"])
        term.wait_for("running")
        term.keys("r")
        term.wait_for("Reflection")
        term.paste(ZOOM, bracketed=bracketed)
        if bracketed:  # without bracketed paste, the last line break is the Enter
            term.wait_for("with my team ▌")  # the last line break, a space
            term.keys("Enter")
        screen = " ".join(term.wait_for("from the pasted chat").split())
        assert (
            "Saved 2 reflections from the pasted chat, by Grace Hopper, Ada Lovelace (2 so far)."
        ) in screen
        term.keys("q")
        term.wait_for("Quit?")
        term.keys("y")
        term.wait_for("EXIT=0")
        term.type("clear")
        term.wait_without("EXIT=0")
        term.run([*LIFTKIT, "export", "latest", "--sessions", "s", "-o", "pack.md"])
        term.wait_for("EXIT=0")
    finally:
        term.close()
    events = session_events(tmp_path)
    assert [(e["author"], e["text"]) for e in events if e["type"] == "reflection"] == [
        ("Grace Hopper", "One practical step I will take away is to listen more"),
        ("Ada Lovelace", "I will book a monthly check-in with my team"),
    ]
    pack = (tmp_path / "pack.md").read_text()
    assert "to listen more" in pack and "monthly check-in" in pack
    assert "14:02" not in pack and "From Grace Hopper" not in pack


def test_each_zoom_layout_message_is_read_and_reactions_are_none():
    from liftkit.core.live.capture import chat_reflections

    found = chat_reflections(
        "Chat notes: 2026-03-16 14:05:10 From Ada to Everyone:  Replying to "
        '"hello": Yes #Agree 14:05:11 From Bo to Everyone: Reacted to "hi" with 👍 '
        "14:06:00 From  Cy  to  Everyone : from 9 to 5 14:07:00 From work, then lunch"
    )
    assert found is not None and found.private == 0
    assert [(r.author, r.text, r.tags) for r in found.reflections] == [
        (None, "Chat notes:", []),  # typed before the paste: kept, as typed
        ("Ada", "Yes #Agree", ["agree"]),  # the reply's own words
        ("Cy", "from 9 to 5 14:07:00 From work, then lunch", []),  # no header inside
    ]
    assert chat_reflections("Grace Hopper: at 14:02:11 we met") is None  # no chat: as before


def test_messages_not_sent_to_everyone_and_who_reacted_are_left_out_of_a_paste():
    # E2E QA: a direct message ("please keep this between us") and the host's message to
    # the waiting room, pasted with the chat, were saved as reflections and published,
    # though the pack leaves them out of a chat log; the newest layout's line of who
    # reacted ("Heather Munro, Alan Turing:👍") was glued into the quote, naming them.
    from liftkit.core.live.capture import chat_reflections

    found = chat_reflections(
        "07:15:01 From Heather Munro to Everyone: Kindness is built into the rota "
        "07:15:04 From Laura Simpson to Sam Okafor (Direct Message): Please keep this "
        "between us 07:15:08 From Sam Okafor to Everyone in Waiting Room: We'll let you in "
        "2026-12-07 07:16:21 From Grace Hopper to Everyone:  We mean protected time  "
        "Heather Munro, Alan Turing:👍  Ravi:❤️ "
        "2026-12-07 07:16:40 From Ada Lovelace to Grace Hopper (direct message):  just you"
    )
    assert found is not None and found.private == 3
    assert [(r.author, r.text) for r in found.reflections] == [
        ("Heather Munro", "Kindness is built into the rota"),
        ("Grace Hopper", "We mean protected time"),
    ]
    only = chat_reflections("07:15:04 From Laura to Sam (Direct Message): between us")
    assert only is not None and only.reflections == [] and only.private == 1


def test_a_chat_sender_is_named_as_the_attendee_list_names_them():
    from liftkit.core.live.capture import chat_reflections

    found = chat_reflections("14:02:11 From Grace to Everyone: hi", ["Grace Hopper", "Ada"])
    assert found is not None
    assert [(r.author, r.text) for r in found.reflections] == [("Grace Hopper", "hi")]
    found = chat_reflections("14:02:11 From Zed Quinn to Everyone: hi", ["Grace Hopper"])
    assert found is not None
    assert [(r.author, r.text) for r in found.reflections] == [("Zed Quinn", "hi")]


def test_the_host_reads_how_many_private_messages_a_paste_left_out(tmp_path):
    # Through the real command line (plain mode, as a script or a screen reader drives it):
    # the journal holds the public message only, and the host is told what was left out.
    from support.plain import Live

    (tmp_path / "a.toml").write_text(AGENDA)
    live = Live(["run", "a.toml", "--plain", "--sessions", "s"], tmp_path)
    try:
        live.wait_for("commands:")
        live.send(
            "r 07:15:01 From Heather Munro to Everyone: Kindness is built into the rota "
            "07:15:04 From Laura Simpson to Sam Okafor (Direct Message): keep this between us\n"
        )
        out = live.wait_for("left out")
        live.finish("q\ny\n")
    finally:
        live.kill()
    assert (
        "Saved 1 reflection from the pasted chat, by Heather Munro (1 so far); "
        "1 message not sent to everyone left out."
    ) in " ".join(out.split())
    events = session_events(tmp_path)
    said = [(e["author"], e["text"]) for e in events if e["type"] == "reflection"]
    assert said == [("Heather Munro", "Kindness is built into the rota")]
