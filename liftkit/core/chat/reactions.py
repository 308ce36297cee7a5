"""What a Zoom chat message's lines may hold besides a message: reactions (`Reacted to "…"
with 👍`, `Removed a 👍 reaction from "…"`, and under a message of the newest saved chat, who
reacted with what), and the quote a reply starts with (`Replying to "…"`)."""

from __future__ import annotations

import re

from liftkit.core.chat.model import ChatLog, ChatReaction

Said = tuple[int, float, str, bool]  # a message's line, time, sender, and whether private

# Under a message of the newest saved chat, who reacted with what: `Ana Ruiz, Bo Li:👍`.
REACTED_BY = re.compile(r"(?P<names>[^:\n]+):(?P<emoji>[^\x00-\x7f\w\s]+)$")  # not "Thanks:)"
# A reaction quotes the message it reacts to, which may run over several lines
# (`Reacted to "Slido:⏎https://…" with 👍🏾`): matched over the whole body.
REACTED = re.compile(r'Reacted to "(?P<target>.*)" with (?P<emoji>\S[^\n]*?)[ \t]*$', re.DOTALL)
REMOVED = re.compile(
    r'Removed an? (?P<emoji>\S[^\n]*?) reaction from "(?P<target>.*)"[ \t]*$', re.DOTALL
)
# Older clients quote the emoji, not the message: `Reacted to true with "👍"`.
REACTED_OLD = re.compile(r'Reacted to (?P<target>.*) with "(?P<emoji>[^"\n]+)"[ \t]*$', re.DOTALL)
# A reply quotes the start of its message, over several lines when that has a line break:
# `Replying to "As-Salamu Alaykum,⏎T..."`, the reply on the lines below; or on the same line,
# after a colon or a space (`Replying to "If it was Seattle......" So helpful`). Zoom cuts the
# quote at 20 characters and adds "...", and the message quoted may hold quote marks itself:
# the quote ends at a quote mark followed by a space, a colon or the end (REPLY_END), the one
# after a cut ("...") first, and one that leaves the quote's own quote marks paired before
# one that does not.
REPLY_START = 'Replying to "'
REPLY_END = re.compile(r'"(?=[ \t\n:]|$)')
REPLY_REST = re.compile(r"\s*:?\s*(?P<text>.*)$", re.DOTALL)
REPLY_LINES = 3  # the most lines a reply's quote is read over (Zoom cuts it at 20 characters)


def reactions_in(said: Said, body: list[str]) -> list[ChatReaction]:
    """The reactions a message body holds, or [] when it is an ordinary message.

    Each reaction starts a line; a line that starts none continues the quoted message of the
    reaction before it."""
    line, at, who, private = said
    chunks: list[str] = []
    for text in body:
        if text.startswith(("Reacted to ", "Removed a")) or not chunks:
            chunks.append(text)
        else:
            chunks[-1] += "\n" + text
    out = []
    for chunk in chunks:
        reacted = None
        if chunk.startswith("Reacted"):
            reacted = REACTED.match(chunk) or REACTED_OLD.match(chunk)
        removed = REMOVED.match(chunk) if reacted is None and chunk.startswith("Removed") else None
        found = reacted or removed
        if found is None:
            return []
        emoji, target = found.group("emoji", "target")
        out.append(
            ChatReaction(line, at, who, emoji, " ".join(target.split()), removed is not None,
                         private)
        )  # fmt: skip
    return out


def reacted_by(said: Said, body: list[str]) -> list[ChatReaction]:
    """The newest saved chat's lines of who reacted, taken off the end of `body` (one line an
    emoji, its people before the colon); the message's own lines stay."""
    number, at, _, private = said
    found: list[ChatReaction] = []
    while len(body) > 1 and (line := REACTED_BY.match(body[-1])) is not None:
        body.pop()
        target = " ".join(body[0].split())
        for name in line.group("names").split(", "):
            found.append(ChatReaction(number, at, name.strip(), line.group("emoji"), target, False,
                                      private))  # fmt: skip
    return found


def join_comma_names(log: ChatLog) -> None:
    """Who reacted, where names are written surname first (`Hopper, Grace, Turing, Alan:👍`):
    the newest saved chat separates them with the same ", ". Two parts are one name when
    the log has a message from that name; and where most of its authors' names are
    written so, the parts left between are paired too when they pair evenly."""
    authors = {message.author for message in log.messages}
    comma = {author for author in authors if author.count(", ") == 1}
    if not comma:
        return
    usual = len(comma) * 2 > len(authors)
    under = {message.line for message in log.messages}  # reactions listed under a message
    out: list[ChatReaction] = []
    group: list[ChatReaction] = []
    for reaction in log.reactions:
        if group and (reaction.line, reaction.emoji) != (group[0].line, group[0].emoji):
            out += _paired(group, comma, usual)
            group = []
        if reaction.line in under and not reaction.removed:
            group.append(reaction)
        else:
            out += _paired(group, comma, usual)
            group = []
            out.append(reaction)
    log.reactions = out + _paired(group, comma, usual)


def _paired(group: list[ChatReaction], comma: set[str], usual: bool) -> list[ChatReaction]:
    """The reactions of one line of names, two parts made one reactor as join_comma_names
    says."""
    out: list[ChatReaction] = []
    gap: list[ChatReaction] = []
    i = 0
    while i < len(group):
        joined = f"{group[i].author}, {group[i + 1].author}" if i + 1 < len(group) else ""
        if joined in comma:
            out += _evenly(gap, usual)
            gap = []
            group[i].author = joined
            out.append(group[i])
            i += 2
        else:
            gap.append(group[i])
            i += 1
    return out + _evenly(gap, usual)


def _evenly(gap: list[ChatReaction], usual: bool) -> list[ChatReaction]:
    if not usual or len(gap) % 2:
        return gap
    for first, second in zip(gap[::2], gap[1::2], strict=True):
        first.author = f"{first.author}, {second.author}"
    return gap[::2]


def _quote_end(quoted: str) -> tuple[int, bool] | None:
    """Where the quote of `quoted` (the text after `Replying to "`) ends, and whether that is
    sure (after Zoom's cut, or with the quote's own quote marks paired); None when no quote
    mark can end it."""
    ends = [found.start() for found in REPLY_END.finditer(quoted)]
    if not ends:
        return None
    cut = [end for end in ends if quoted[:end].endswith("...")]
    for end in (*cut, *ends):
        if quoted.count('"', 0, end) % 2 == 0:
            return end, True
    return (cut or ends)[0], bool(cut)


def reply_in(body: list[str]) -> tuple[str | None, list[str]]:
    """The message a reply quotes, and the lines of the reply itself; (None, body) when the
    message is no reply."""
    if not body[0].startswith(REPLY_START):
        return None, body
    unsure: tuple[int, int] | None = None  # the lines and end of a quote found, not sure
    for lines in range(1, min(len(body), REPLY_LINES) + 1):
        quoted = "\n".join(body[:lines])[len(REPLY_START) :]
        found = _quote_end(quoted)
        if found is not None:
            end, sure = found
            if sure:
                return _reply(body, lines, end)
            unsure = unsure or (lines, end)
    return _reply(body, *unsure) if unsure is not None else (None, body)


def _reply(body: list[str], lines: int, end: int) -> tuple[str, list[str]]:
    """The quote of a reply that ends at `end` of its first `lines` lines, and the reply."""
    quoted = "\n".join(body[:lines])[len(REPLY_START) :]
    rest = REPLY_REST.match(quoted, end + 1)
    text = rest.group("text") if rest is not None else ""
    reply = body[lines:] if not text else [text, *body[lines:]]
    return " ".join(quoted[:end].split()), reply
