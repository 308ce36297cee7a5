"""What the chat tests compare: each message read from a log, as a tuple."""

from liftkit.core.chat import ChatLog


def said(log: ChatLog) -> list[tuple[str | None, str, bool, str]]:
    """Each message as (author, recipient, private, text)."""
    return [(m.author, m.to, m.private, m.text) for m in log.messages]
