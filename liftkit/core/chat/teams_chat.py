"""A Microsoft Teams meeting chat copied out of Teams as text, in either of its shapes.

- Classic Teams: `[11:25 AM] Surname, First` (or `[17:06] Name (Guest)`, `[8/30 12:41 PM] Name`,
  `\\[11:25 AM] Name` through Markdown, indented on a web page) over the message's lines. A
  header with no name is a system event (`[11:28 AM]` over `… no longer has access to the
  chat.`). A reply starts with the name of the person it quotes and their words on one line.
- New Teams (2.0, and on the web): a line naming the author (`Hello Sasha - are you free
  fo... by Dan Ray`, `Profile picture of Dan Ray.… by Dan Ray`, `Message by Dan Ray`), then the
  name and the time on lines of their own (the time first in one's own messages) or run
  together (`Dan Ray15:06`), then the message. A reply's author line starts `Begin Reference,`,
  and its message starts with the quoted message's author, time and words.

Both are read by one reader, as a chat copied from new Teams may hold classic messages above.
What Teams adds (meeting cards, people joining, reactions, link previews, labels of its window)
is no one's words: it is left out, and reactions are counted. Names drop Teams' "(Guest)",
"(External)" and "(Unverified)". Messages carry no date (see teams_lines).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from liftkit.core.chat import teams_lines as tl
from liftkit.core.chat.model import (
    TEAMS_CHAT_CLASSIC,
    TEAMS_CHAT_NEW,
    ChatLog,
    ChatMessage,
    ChatReaction,
)


class Line(NamedTuple):
    number: int
    text: str  # as written, without the indentation of its message's header
    bare: str  # stripped
    after_blank: bool


class Head:
    __slots__ = ("at", "author", "classic", "indent", "line", "quote_at", "reply")

    def __init__(self, line: int, at: float, name: str, classic: bool, reply: bool = False):
        self.line, self.at, self.author, self.classic = line, at, tl.author(name), classic
        self.reply = reply  # new Teams' reply: its quote's author and time come first
        self.quote_at = -1  # where the quoted words start in the message's lines, once found
        self.indent = 0


class Reader:
    """Fed the lines of a chat one by one: the messages go into `log`."""

    def __init__(self, log: ChatLog) -> None:
        self.log = log
        self.head: Head | None = None
        self.system = False  # under a classic header with no name
        self.body: list[Line] = []
        self.known: set[str] = set()  # authors seen in a header, compared by name_of
        self.classic_heads = self.new_heads = 0
        self.blank = False
        self.roster = ""

    def feed(self, number: int, line: str) -> None:
        bare = line.strip()
        if not bare or bare == "\\":  # a blank line; Markdown writes a line break as "\"
            self.blank = True
            return
        self.log.lines += 1
        after_blank, self.blank = self.blank, False
        classic = tl.CLASSIC.match(line) if bare[:1] == "[" or bare[:2] == "\\[" else None
        if classic is not None and len(classic.group("name")) <= tl.NAME_LONGEST:
            at = tl.time_of(classic)
            if at is not None:
                self._classic(number, at, classic.group("name"), line)
                return
        if tl.is_noise(bare) or self._listed(bare):
            return
        if self.head is not None and self.head.classic:
            text = line[min(self.head.indent, len(line) - len(line.lstrip())) :].rstrip()
        else:
            text = line.rstrip()
        self.body.append(Line(number, text, bare, after_blank))
        if not self.system:
            self._new_head()

    def close(self) -> None:
        self._emit()

    def _classic(self, number: int, at: float, name: str, line: str) -> None:
        self._emit()
        self.system = not name
        if name:
            self.classic_heads += 1
            self.head = Head(number, at, name, classic=True)
            self.head.indent = len(line) - len(line.lstrip())
            self.known.add(tl.name_of(name))
        else:
            self.head = None

    def _listed(self, bare: str) -> bool:
        """The people Teams lists above a meeting's chat: `Profile picture of Ada.` and
        `Ada` below it."""
        if (listed := tl.ROSTER.match(bare)) is not None:
            self.roster = listed.group("name")
            return True
        if self.roster and bare == self.roster:
            self.roster = ""
            return True
        self.roster = ""
        return False

    def _new_head(self) -> None:
        """Whether the last lines are a new Teams header (and the line naming its author
        above it): the message before them ends there, and a new one starts."""
        body = self.body
        last = body[-1].bare
        found: tuple[int, float, str, int] | None = None  # lines, time, name, preview's index
        at = tl.time_line(last)
        if at is not None and len(body) >= 2:  # the name, then the time
            found = self._named(body[-2].bare, at, 2, tl.FULL_DATE.match(last) is not None)
        elif at is None and (glued := tl.GLUED.match(last)) is not None:
            at = tl.time_of(glued)
            found = None if at is None else self._named(glued.group("name"), at, 1)
        if found is None and at is None and len(body) >= 2:  # one's own: the time first
            at = tl.time_line(body[-2].bare)
            found = None if at is None else self._named(last, at, 2)
        if found is None:
            return
        lines, at, name, preview = found
        head = self.head
        if head is not None and head.reply and head.quote_at < 0 and len(body) == lines:
            head.quote_at = lines  # the quoted message's author and time, then its words
            return
        start = preview if preview >= 0 else len(body) - lines
        reply = preview >= 0 and tl.BEGIN_REFERENCE in body[preview].bare
        number = body[start].number
        del body[start:]
        self._emit()
        self.new_heads += 1
        self.head = Head(number, at, name, classic=False, reply=reply)
        self.known.add(tl.name_of(name))

    def _named(
        self, name: str, at: float, lines: int, dated: bool = False
    ) -> tuple[int, float, str, int] | None:
        """A header of `lines` lines naming `name`, with the index of the line above that
        names its author (-1: none). A name is taken when that line names it, when it heads
        a message already, or over a time with its whole date (`15/01/2025 2:34 pm`, as new
        Teams copies on a Mac with no line naming the author), which a message's lines
        hardly hold."""
        if not name or len(name) > tl.NAME_LONGEST or tl.time_line(name) is not None:
            return None
        if dated and name[-1:] not in ".:?!,;" and tl.preview_by(name) is None:
            self.known.add(tl.name_of(name))
        key = tl.name_of(name)
        above = len(self.body) - lines - 1
        if above >= 0:
            by = tl.preview_by(self.body[above].bare)
            if by is not None and tl.name_of(by) == key:
                return lines + 1, at, name, above
        return (lines, at, name, -1) if key in self.known else None

    def _emit(self) -> None:
        head, body, self.body = self.head, self.body, []
        if head is None:  # lines before the first header, or under a system event
            self.log.unmatched.extend((line.number, line.text) for line in body)
            return
        reply_to = None
        quote_at = _quote_start(body) if head.reply and head.quote_at < 0 else head.quote_at
        end = _reference_end(body) if head.reply else -1
        if end >= 0:  # the quote's lines, up to the `End Reference` a copy may write
            quoted = " ".join(line.bare for line in body[max(quote_at, 0) : end])
            reply_to, body = quoted or None, body[end + 1 :]
        elif head.reply and 0 <= quote_at < len(body):
            reply_to, body = body[quote_at].bare, body[quote_at + 1 :]
        elif head.classic:
            reply_to, body = self._quoted(body)
        elif body and body[0].bare.startswith(tl.BEGIN_REFERENCE):
            reply_to, body = _reference(body)
        body = _without_previews(body)
        kept, reactions = _without_reactions(body)
        text = "\n".join(line.text for line in kept).strip()
        said = " ".join(text.split())
        for number, emoji, count in reactions:
            self.log.reactions.extend(
                ChatReaction(number, head.at, "", emoji, said) for _ in range(count)
            )
        if text:
            message = ChatMessage(head.line, head.at, head.author, text, reply_to=reply_to)
            if head.classic and reply_to is None and _may_quote(kept):
                message.quoted = kept[0].bare
            self.log.messages.append(message)

    def _quoted(self, body: list[Line]) -> tuple[str | None, list[Line]]:
        """A classic reply's quote: the quoted person's name (marked by Teams, or a name that
        heads messages), their words on one line, then the reply."""
        if len(body) < 3:
            return None, body
        name = body[0].bare
        marked = tl.MARKS.search(name) is not None
        if marked or (tl.name_of(name) in self.known and body[2].after_blank):
            return body[1].bare, body[2:]
        return None, body


def _may_quote(body: list[Line]) -> bool:
    """Whether a classic message is shaped as a reply whose quote the reader could not tell:
    a line that may be a name, one line, then the reply (after a blank line, or where the
    copy lost it)."""
    if len(body) < 3 or body[1].after_blank:
        return False
    name = body[0].bare
    return len(name) <= tl.NAME_LONGEST and tl.time_line(name) is None


# A name as a directory writes it: surname, a comma, given name, the organisation in brackets.
DIRECTORY_NAME = re.compile(r"[^\W\d_][^,()\n]*, [^\W\d_][^,()\n]* \([^()\n]+\)")


def take_quotes(log: ChatLog, known: Callable[[str], bool]) -> None:
    """Classic Teams replies the reader could not tell (their quoted person posted nothing in
    the copied part, or the copy lost the blank line before the reply): where the name over
    the quoted words is `known` (an attendee's or a host's, which the reader cannot know),
    heads a message, or is written as the copy writes its names where that is a directory's
    form (`Smith, Jo (Acme)`), those two lines are the quote (`reply_to`), not the reply's
    words."""
    replies = [message for message in log.messages if message.quoted is not None]
    if not replies:  # any chat but a classic Teams copy: no name to read (speed counts)
        return
    authors = {tl.name_of(message.author) for message in log.messages}
    # A copy that writes its names as a directory does ("Okafor, Sam (NHS Tayside)"): a line
    # in that form over a reply names whom it quotes, known or not; nobody writes it to say
    # something.
    directory = any(DIRECTORY_NAME.fullmatch(message.author) for message in log.messages)
    for message in replies:
        quoted = message.quoted or ""
        if (
            tl.name_of(quoted) in authors
            or known(quoted)
            or (directory and DIRECTORY_NAME.fullmatch(quoted) is not None)
        ):
            name, quote, rest = message.text.split("\n", 2)
            if name.strip() == quoted and rest.strip():
                message.reply_to, message.text = quote.strip(), rest.strip()
        message.quoted = None


def _reference(body: list[Line]) -> tuple[str | None, list[Line]]:
    """A reply's quote at the start of its message (`Begin Reference, preview of Hey Nat…
    by Jo Bell`, the quoted lines, then `End Reference`): the quoted words, and the reply's
    lines after it; as it was when the quote has no end."""
    end = _reference_end(body)
    if end < 0:
        return None, body
    quoted = body[0].bare.removeprefix(tl.BEGIN_REFERENCE).removeprefix("preview of ")
    return quoted.rsplit(" by ", 1)[0].strip(), body[end + 1 :]


def _reference_end(body: list[Line]) -> int:
    """Where the `End Reference` under a reply's quote is, or -1."""
    return next((i for i, line in enumerate(body) if line.bare == tl.END_REFERENCE), -1)


def _quote_start(body: list[Line]) -> int:
    """Where a new Teams reply's quoted words start, after the quoted message's author and
    time (`Jo Bell` over `11/24/2025 3:11 PM`, or `Jo Bell11/24/2025 3:11 PM`); -1: no quote."""
    if body and (glued := tl.GLUED.match(body[0].bare)) and tl.time_of(glued) is not None:
        return 1
    if len(body) > 1 and tl.time_line(body[1].bare) is not None:
        return 2
    return -1


def _without_previews(body: list[Line]) -> list[Line]:
    """The lines without the preview Teams shows under a link: `Url Preview for Title`, the
    title again, its description, and the site (`github.com`) last."""
    out: list[Line] = []
    i = 0
    while i < len(body):
        if not body[i].bare.startswith(tl.URL_PREVIEW):
            out.append(body[i])
            i += 1
            continue
        title = body[i].bare[len(tl.URL_PREVIEW) :]
        i += 1 + (i + 1 < len(body) and body[i + 1].bare == title)
        site = next(
            (k for k in range(i, min(i + 3, len(body))) if tl.DOMAIN.match(body[k].bare)), None
        )
        i = i if site is None else site + 1
    return out


def _without_reactions(body: list[Line]) -> tuple[list[Line], list[tuple[int, str, int]]]:
    """The lines without the reactions under the message, and the reactions: (line, emoji,
    how many)."""
    kept: list[Line] = []
    found: list[tuple[int, str, int]] = []
    after_count = ""
    for line in body:
        reaction = tl.REACTION.match(line.bare) or tl.CLASSIC_REACTION.match(line.bare)
        if reaction is not None:
            above = kept.pop().bare if kept and tl.is_emoji(kept[-1].bare) else None
            emoji = tl.reaction_emoji(reaction.group("kind"), above)
            found.append((line.number, emoji, int(reaction.group("n"))))
            after_count = reaction.group("n")
            continue
        if after_count and line.bare == after_count:  # the count again, below
            after_count = ""
            continue
        after_count = ""
        kept.append(line)
    if len(kept) > 1 and kept[-1].after_blank and tl.COUNT.match(kept[-1].bare):
        kept.pop()  # a reaction's count alone, its name lost in the copy
    return kept, found


def count_teams_heads(lines: Iterable[str]) -> int:
    """How many message headers of a Teams chat copied as text the lines hold."""
    reader = Reader(ChatLog("", TEAMS_CHAT_NEW, clock=True))
    for number, line in enumerate(lines, start=1):
        reader.feed(number, line)
    return reader.classic_heads + reader.new_heads


def parse_teams_chat(lines: Iterable[str], source: str) -> ChatLog:
    log = ChatLog(source, TEAMS_CHAT_NEW, clock=True)
    reader = Reader(log)
    for number, line in enumerate(lines, start=1):
        reader.feed(number, line)
    reader.close()
    if reader.classic_heads >= reader.new_heads:
        log.layout = TEAMS_CHAT_CLASSIC
    return log
