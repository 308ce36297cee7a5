"""Zoom chat lines pasted into the reflection line: each message a reflection of its own, by
its sender, its text alone. In a real terminal (tmux), the journal recounted from
journal.jsonl and the pack exported; and the parser alone (core/live/capture.py)."""

import json
import sys

import pytest
from support.tmux import Tmux

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
    (path,) = (tmp_path / "s").glob("*/journal.jsonl")
    events = [json.loads(line) for line in path.read_text().splitlines()]
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
        "Chat notes: 2026-03-16 14:05:10 From Ada to Grace (Direct Message):  Replying to "
        '"hello": Yes #Agree 14:05:11 From Bo to Everyone: Reacted to "hi" with 👍 '
        "14:06:00 From  Cy  to  Everyone : from 9 to 5 14:07:00 From work, then lunch"
    )
    assert found is not None
    assert [(r.author, r.text, r.tags) for r in found] == [
        (None, "Chat notes:", []),  # typed before the paste: kept, as typed
        ("Ada", "Yes #Agree", ["agree"]),  # the reply's own words
        ("Cy", "from 9 to 5 14:07:00 From work, then lunch", []),  # no header inside
    ]
    assert chat_reflections("Grace Hopper: at 14:02:11 we met") is None  # no chat: as before


def test_a_chat_sender_is_named_as_the_attendee_list_names_them():
    from liftkit.core.live.capture import chat_reflections

    found = chat_reflections("14:02:11 From Grace to Everyone: hi", ["Grace Hopper", "Ada"])
    assert found is not None and [(r.author, r.text) for r in found] == [("Grace Hopper", "hi")]
    found = chat_reflections("14:02:11 From Zed Quinn to Everyone: hi", ["Grace Hopper"])
    assert found is not None and [(r.author, r.text) for r in found] == [("Zed Quinn", "hi")]
