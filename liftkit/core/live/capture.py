"""Reading what the host types: reflections ("Name: text #tag") and poll counts.

Who said it: a "Label:" before the text names its author only when the label is a person.
With the session's attendee list, that means someone on it (a full name, or a first name);
without one, a label that looks like a name: one to four capitalised words of letters (with
' - . and particles such as "van" or "de" inside), none of them a word people put before a
colon as a heading ("Top themes:", "Reminder:", "Question:", "Next steps:"). Anything else
stays part of the text, so nothing typed is ever lost to a misread author.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from liftkit.core.errors import LiftkitError
from liftkit.core.live.counts import parse_counts as parse_counts  # read here before
from liftkit.core.live.folders import ATTENDEE_COPIES
from liftkit.core.text import TAG, plain_words, same_words

if TYPE_CHECKING:
    from liftkit.core.live.events import GroupsMade

_AUTHOR = re.compile(r"^\s*([^:#\n]{1,60}?)\s*:\s+(\S.*)$", re.DOTALL)
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.-])*")  # letters, with ' ’ . - inside
_PARENTHESES = re.compile(r"\s*\([^()]*\)$")  # "Ada Lovelace (she/her)": Zoom display names


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Lower-case words inside a name: "Vincent van Gogh", "Maria de la Cruz".
_PARTICLES = _words(
    "van von de del della der den di da du la le bin binti bint al el ten ter dos das do y e"
)
# Words people put before a colon that are not who is speaking (compared lower-cased).
_LABEL_WORDS = _words(
    """
    a q an the i we you they he she it me my our your their this that these those here there
    one two three four five six seven eight nine ten first second third last next final
    finally also and but so then or if table tables
    top main key big important practical overall general quick short long
    theme themes topic topics reminder reminders question questions answer answers note notes
    nb ps p.s re fwd fyi todo tldr edit update updates summary recap conclusion conclusions
    action actions step steps idea ideas tip tips comment comments feedback takeaway takeaways
    point points quote quotes reflection reflections thought thoughts insight insights issue
    issues problem problems challenge challenges example examples lesson lessons learning
    learnings outcome outcomes goal goals result results decision decisions option options
    plan plans risk risks need needs ask asks request requests proposal suggestion suggestions
    observation observations agenda poll chat room rooms group groups breakout breakouts
    everyone all someone somebody anyone nobody host cohost co-host facilitator speaker
    volunteer participant participants attendee attendees guest guests panel team
    warning caution fact facts status link source why what how who when where which
    today tomorrow yesterday morning afternoon evening bonus definition meaning
    private confidential personal anonymous anon internal sensitive secret
    """
)


def looks_like_a_name(label: str) -> bool:
    """Whether a label reads as a person's name ("Ada Lovelace", "Bo", "Vincent van Gogh")."""
    words = _PARENTHESES.sub("", label).split()
    if not 1 <= len(words) <= 4:
        return False
    for i, word in enumerate(words):
        if word.lower().rstrip(".") in _LABEL_WORDS or not _NAME_WORD.fullmatch(word):
            return False
        if word[0].isupper():
            if len(word) > 1 and word.isupper() and "." not in word:
                return False  # "NHS:", "FYI:", "TODO:" are headings, not people
            continue
        if not (0 < i < len(words) - 1 and word in _PARTICLES):
            return False
    return True


def match_person(label: str, people: Sequence[str]) -> str | None:
    """The attendee a label names: their full name, or a first name (unique or not).

    A first name shared by several people stays as typed: it is a person, just not one
    liftkit can pick.
    """
    key = same_words(_PARENTHESES.sub("", label))
    if not key:
        return None
    for person in people:
        if same_words(person) == key or same_words(_PARENTHESES.sub("", person)) == key:
            return person
    firsts = [p for p in people if same_words(p).split(" ")[0] == key]
    if len(firsts) == 1:
        return firsts[0]
    if firsts:
        return label
    # Typed without accents ("Tomas Nunez" for Tomás Núñez): the same words, accents aside
    plain = plain_words(key)
    alike = [p for p in people if plain_words(_PARENTHESES.sub("", p)) == plain]
    alike = alike or [p for p in people if plain_words(p)[:1] == plain and len(plain) == 1]
    if len(alike) == 1:
        return alike[0]
    return label if alike else None


@dataclass(frozen=True)
class ParsedReflection:
    text: str
    author: str | None
    tags: list[str]
    # a label that looks like a name but is not on the attendee list ("Zed Quinn: a walk-in"),
    # kept as text: the host is told, since the pack would quote the name
    stranger: str | None = None


def _labelled(text: str) -> tuple[str, str] | None:
    """ "Top themes: trust" -> ("Top themes", "trust"): a label before a colon, and the rest."""
    match = _AUTHOR.match(text) if ":" in text else None  # (most texts: no colon to try for)
    return (" ".join(match.group(1).split()), match.group(2).strip()) if match else None


def name_label(text: str) -> tuple[str, str] | None:
    """ "Zed Quinn: a walk-in's view" -> ("Zed Quinn", "a walk-in's view"): a label that reads
    as a person's name before the text, as the host types who said it; else None."""
    found = _labelled(text)
    return found if found and looks_like_a_name(found[0]) else None


def parse_reflection(
    raw: str, people: Sequence[str] | None = None, hosts: Sequence[str] = ()
) -> ParsedReflection:
    """ "Ada Lovelace: listen with fascination #listening" -> author, text and tags.

    `people` is the session's attendee list (names); with it, only someone on the list, or
    one of the `hosts` (the agenda's host, a guest host often not on the list), is an
    author. Without it, a label is an author when it looks like a name (see the module's
    docstring); "Top themes: ..." keeps its label as text.
    """
    text = raw.strip()
    author = stranger = None
    found = _labelled(text)
    if found:
        label, rest = found
        if people:
            author = match_person(label, people)
            if author is None and any(h.strip() for h in hosts):
                author = match_person(label, [h for h in hosts if h.strip()])
        elif looks_like_a_name(label):
            author = label
        if author is not None:
            text = rest
        elif people and looks_like_a_name(label):
            stranger = label
    tags: list[str] = []
    for tag in TAG.findall(text):
        tag = tag.lower()
        if tag not in tags:
            tags.append(tag)
    return ParsedReflection(text=text, author=author, tags=tags, stranger=stranger)


# Where a message of Zoom's saved chat starts, inside text pasted into the reflection line
# (its line breaks are spaces there): "14:02:11 From Grace Hopper to Everyone: …", with the
# date the newest layout puts first.
_CHAT_HEADER = re.compile(r"(?:\d{4}-\d\d-\d\d[ \t]+)?\d{1,2}:[0-5]\d:[0-5]\d[ \t]+From[ \t]")


# Under a message of the newest saved chat, who reacted with what ("Ana Ruiz, Bo Li:👍"), on
# a line of its own: pasted into the line, after two spaces or more at the message's end.
_REACTORS = re.compile(r"\s{2,}[^:\n]+:[^\x00-\x7f\w\s]+\s*$")


@dataclass(frozen=True)
class PastedChat:
    """Zoom chat messages pasted into the reflection line: the reflections they make, and
    how many were left out as private (a direct message, a message to the waiting room)."""

    reflections: list[ParsedReflection]
    private: int = 0


def chat_reflections(raw: str, people: Sequence[str] | None = None) -> PastedChat | None:
    """Zoom chat messages pasted as one reflection ("14:02:11 From Grace Hopper to Everyone:
    One practical step …"), each as a reflection of its own: its sender the author (the
    attendee list's name for them, when it has one), its text alone, so that a pack that
    quotes without names does not publish them. None when the text holds no such message.
    Text before the first message is a reflection of its own, parsed as typed; reactions
    (`Reacted to "…" with 👍`, and the newest layout's lines of who reacted) are none, a
    reply keeps its own words, and a message not sent to everyone is left out, as the pack
    leaves it out of a chat log."""
    from liftkit.core.chat.reactions import REACTED, REACTED_OLD, REMOVED, reply_in
    from liftkit.core.chat.zoom import from_header, is_private

    starts = [m.start() for m in _CHAT_HEADER.finditer(raw)]
    if not starts:
        return None
    before = raw[: starts[0]]
    said: list[tuple[str, str]] = []  # (sender, text) of each message, in order
    private = 0
    for start, end in zip(starts, [*starts[1:], len(raw)], strict=True):
        header = from_header(0, raw[start:end].strip())
        if header is None:  # "14:02:11 From 9 to 5…" inside a message: its text
            if said:
                said[-1] = (said[-1][0], f"{said[-1][1].rstrip()} {raw[start:end].strip()}")
            else:
                before = f"{before.rstrip()} {raw[start:end].strip()}"
        elif is_private(header):
            private += 1
        else:
            text = header.text
            while header.date and (reactors := _REACTORS.search(text)) is not None:
                text = text[: reactors.start()]
            said.append((header.who, text))
    found = [parse_reflection(before, people)] if before.strip() else []
    for who, text in said:
        text = " ".join(reply_in([text.strip()])[1]).strip() if text.strip() else ""
        if not text or any(r.match(text) for r in (REACTED, REACTED_OLD, REMOVED)):
            continue
        author = (match_person(who, people) if people else None) or who
        tags = list(dict.fromkeys(tag.lower() for tag in TAG.findall(text)))
        found.append(ParsedReflection(text=text, author=author, tags=tags))
    return PastedChat(found, private)


# The copies of --attendees that `liftkit run` keeps in a session folder.


def session_people(folder: Path, groups: Iterable[GroupsMade] = ()) -> list[str] | None:
    """The names of a session's attendees: its attendee copy, else everyone in its groups.

    None when the session has neither (then authors are recognised by how they look).
    """
    names: list[str] = []
    for file_name in ATTENDEE_COPIES:
        path = folder / file_name
        try:
            there = path.is_file()
        except OSError:  # a disk that fails for a moment (EIO): authors by how they look
            continue
        if there:
            names = list(_names_in(path))
            break
    for made in groups:
        for rnd in made.split.rounds:
            for group in rnd.groups:
                names.extend(person.name for person in group.members)
    unique = list(dict.fromkeys(name for name in names if name.strip()))
    return unique or None


# The names last read from each attendee copy, by the copy's inode, size and time: every
# reflection asks for them, and reading a list of 5,000 people again took a third of a
# second. A reshuffle that reads a changed list writes a new copy, which is read again.
_READ: dict[Path, tuple[tuple[int, int, int], tuple[str, ...]]] = {}


def _names_in(path: Path) -> tuple[str, ...]:
    from liftkit.core.people.reader import read_people

    try:
        stat = path.stat()
    except OSError:
        return ()
    key = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
    kept = _READ.get(path)
    if kept is not None and kept[0] == key:
        return kept[1]
    try:
        names = tuple(person.name for person in read_people(path).people)
    except LiftkitError:
        names = ()
    _READ[path] = (key, names)
    return names
