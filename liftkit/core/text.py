"""Words and text as liftkit shows them: plurals, one-line text, Markdown escaping, clock times.

One home for the small helpers every part of the core uses, so that "1 person", "14:05" and an
escaped name look the same in the terminal, the groups file and the event pack.
"""

from __future__ import annotations

import re
import shlex
import unicodedata
from collections.abc import Iterator
from datetime import datetime

# A #tag in what was said: a word that starts with a letter, not a URL's #fragment nor a
# number ("we are #1"). The live capture and the event pack read tags alike. The "#" comes
# first and the look behind it after (the character before the "#" is no word's, "#", "&" or
# "/"), so that a search leaps from one "#" to the next: with the look first, it tried every
# character of every message (0.1 s of a 50,000-message pack).
TAG = re.compile(r"#(?<![\w#&/]#)([^\W\d_][\w-]*)")

# --------------------------------------------------------------------------- words


def plural(count: int, one: str, many: str | None = None) -> str:
    """ "1 segment", "5 segments" (or the plural given: "1 person", "3 people")."""
    return f"{count} {one}" if count == 1 else f"{count} {many or one + 's'}"


# --------------------------------------------------------------------------- participants' text

# Control characters, and the bidirectional embeddings, overrides and isolates: in a pack,
# one in an organisation ("ACME\u202e Ltd") read the other organisations after it backwards,
# and one in a message its author's name. The marks right-to-left names need stay (U+200E,
# U+200F); isolated() puts its own isolates around right-to-left text after cleaning.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean_text(text: str) -> str:
    """Participants' text as the report shows it: control characters (and the bidirectional
    controls) dropped, each line trimmed, blank lines dropped. Everything else is kept
    exactly."""
    # isprintable (C speed, most texts) says no to every character CONTROL finds, and to
    # line breaks; the other texts are searched
    if text.isprintable() or ("\n" not in text and "\r" not in text and not CONTROL.search(text)):
        return text.strip()
    text = CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(s for line in text.split("\n") if (s := line.strip()))


def same_words(text: str) -> str:
    """Text as compared, not shown: case and spacing aside ("Ana  RUIZ" is "ana ruiz"), and
    how its accents are encoded: "é" as one character (NFC, as typed) or as "e" and a
    combining accent (NFD, as macOS and some web forms save names)."""
    folded = unicodedata.normalize("NFC", text.casefold())
    # Most texts are spaced already: printable (no space but " ") with no space doubled or
    # at an end, they would come back from split and join as they are, at twice the cost.
    spaced = "  " not in folded and not folded.startswith(" ") and not folded.endswith(" ")
    if spaced and folded.isprintable():
        return folded
    return " ".join(folded.split())


# Typographic quotes as a phone's autocorrect types them ("St John’s"), and their plain forms
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"'})  # fmt: skip


def same_value(text: str) -> str:
    """A column's value as compared, not shown (an organisation, a sector): as `same_words`,
    and a curly quote as a straight one (`St John’s Hospice` is `St John's Hospice`), and a
    trailing full stop aside (`Leeds City Council.`). `--balance` and the event pack's
    counts fold values alike."""
    words = same_words(text).translate(_QUOTES)
    return words.rstrip(". ") or words


def plain_words(text: str) -> tuple[str, ...]:
    """The words of a name, lower case and without accents ("Lucía  NÚÑEZ" is lucia, nunez)."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return tuple(re.findall(r"\w+", plain))


def one_line(text: str) -> str:
    return " ".join(clean_text(text).split())


# What breaks a message's one line: line breaks of every kind, tabs and other controls.
BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def escaped(text: str) -> str:
    """A name, path or heading as a message shows it, on its one line: a newline, tab or
    other control character as its escape ("Sector\\n2"), everything else as it is."""
    if BREAKS.search(text) is None:
        return text
    return BREAKS.sub(lambda m: repr(m.group())[1:-1], text)


# Characters before the combining marks (U+0300) are neither wide nor combining.
NARROW = re.compile(r"[\x00-\u02ff]*")
# Joined to the character before them into one grapheme: a zero-width joiner (and the
# character after it), variation selectors, skin tones, tags.
_ZWJ = "\u200d"
_JOINED = re.compile("[\u200d\ufe00-\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]")
Span = tuple[int, int, int]  # (start, end, cells) of a grapheme


def graphemes(text: str) -> list[Span]:
    """The graphemes of `text` with their cells: two for a wide character (Chinese,
    Japanese, Korean, most emoji), none for what joins the character before it (a
    combining mark, a skin tone, a zero-width joiner and the character after it)."""
    spans: list[Span] = []
    i = 0
    while i < len(text):
        c = text[i]
        if spans and (_JOINED.match(c) or unicodedata.combining(c)):
            i += 2 if c == _ZWJ and i + 1 < len(text) else 1
            first, _, width = spans[-1]
            spans[-1] = (first, i, max(width, 2) if c == "\ufe0f" else width)
            continue
        wide = unicodedata.east_asian_width(c) in "WF"
        spans.append((i, i + 1, 0 if ord(c) < 32 else 2 if wide else 1))
        i += 1
    return spans


def cells(text: str) -> int:
    """How many columns `text` takes on a terminal or in a monospaced font: two for a wide
    character (Chinese, Japanese, Korean, most emoji, an emoji of several characters),
    none for a combining mark."""
    if NARROW.fullmatch(text):  # Latin, Greek and the like: one column each
        return len(text)
    return sum(width for _, _, width in graphemes(text))


# --------------------------------------------------------------------------- terminal safety

# What a terminal would obey rather than show: C0 controls but tab and line feed (ESC starts
# colour, cursor, clipboard and title sequences; CR overwrites a line), DEL, the C1 controls
# (0x9b is CSI on some terminals), and the bidirectional embeddings, overrides and isolates
# that make text read in another order than it is (CVE-2021-42574, "Trojan Source"); the
# marks that right-to-left names need (U+200E, U+200F) stay.
UNSAFE_FOR_TERMINAL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """Text from a file, safe to print on a terminal: every character a terminal would act on
    is shown escaped instead (ESC as \\x1b, a right-to-left override as \\u202e); tab and
    line feed are kept, everything else is unchanged."""
    if UNSAFE_FOR_TERMINAL.search(text) is None:
        return text
    return UNSAFE_FOR_TERMINAL.sub(_escaped, text)


def json_terminal_safe(text: str) -> str:
    """JSON text safe to print: JSON escapes C0 controls itself; C1 controls and bidi overrides
    get the same \\u escapes, which read back as the same strings."""
    return UNSAFE_FOR_TERMINAL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# --------------------------------------------------------------------------- Markdown escaping

# Backticks (code), * and _ (emphasis), [ (links), | (tables), ~ (strikethrough), a backslash
# that would escape what follows. < (HTML, autolinks) is written &lt; and an & before an
# entity &amp;: the original Markdown (Python-Markdown, PHP Markdown, WordPress) has no \<
# nor \&, and showed "\<img src=x onerror=…>" as a backslash and a live tag. Only what needs
# it is escaped: every escape shows its backslash somewhere, and a published pack is read as
# plain text too. An underscore inside a word (snake_case) cannot make emphasis, so it stays.
_ALWAYS = "`*[|"
_NOT_IN_TABLES = "`*["
# Escaped only when a paragraph holds two, which could pair up: $…$ is mathematics on GitHub
# and in pandoc, ~…~ strikethrough. Counted over the whole of a text of several lines: one $
# on each line of a quote was left alone, and "US$500\nand US$750" was maths.
PAIRED = "$~"
_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~]|$)")
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What would start a block at the beginning of a line: a heading, quote, list item, setext
# underline (of = only when the line is nothing else: "= 5" is text) or thematic break, a table
# delimiter row or definition (pandoc's ": …"), or an ordered list's "1." / "1)".
_LINE_START = re.compile(r"[#>+\-:]|=+ *$|\d{1,9}(?=[.)])")


# A web address in participants' text: written as an autolink (`<https://…>`), which is
# clickable in the HTML pack and on GitHub and keeps the address as typed; escaped, a link
# to a video ("watch?v=ab__cd") read "ab\_\_cd" in the Markdown, and copied from it, broke.
# The address stops at a space, and at what an autolink cannot hold or a table would split
# on; a full stop, comma or closing bracket that ends the sentence is no part of it.
# CJK punctuation ends it too: "见 https://x.example/a。以及（…）" was one link to the end.
_URL = re.compile(
    r"https?://[^\s<>|`$\\\x00-\x1f\x7f-\x9f\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40"
    r"\uff5b-\uff65]+",
    re.IGNORECASE,
)
_URL_END = ".,:;!?*_~'\"’”"


def _url_end(url: str) -> int:
    end = len(url)
    while end and (
        url[end - 1] in _URL_END
        or (url[end - 1] == ")" and url.count("(", 0, end) < url.count(")", 0, end))
    ):
        end -= 1
    return end


def url_pieces(text: str) -> Iterator[tuple[str, bool]]:
    """`text` in pieces, each with whether it is a web address (see _URL)."""
    at = 0
    if "://" in text:
        for match in _URL.finditer(text):
            end = match.start() + _url_end(match.group())
            if end - match.start() > len("https://"):
                yield text[at : match.start()], False
                yield text[match.start() : end], True
                at = end
    yield text[at:], False


def escape_inline(text: str, always: str = _ALWAYS, paired: str | None = None) -> str:
    """`text` as Markdown that shows it literally. `paired`: which of $ and ~ to escape (by
    default those `text` holds two of); PAIRED for text whose neighbours in its paragraph
    are not known, so that a $ of its own cannot pair with theirs."""
    if paired is None:
        paired = _paired(text)
    if "://" in text:
        return "".join(
            f"<{piece}>" if url else _escape_text(piece, always + paired)
            for piece, url in url_pieces(text)
        )
    return _escape_text(text, always + paired)


def _paired(text: str) -> str:
    if "$" not in text and "~" not in text:  # most text: no count to make (speed counts)
        return ""
    return "".join(char for char in PAIRED if text.count(char) > 1)


def _escape_text(text: str, always: str) -> str:
    if "\\" in text:
        text = _BACKSLASH.sub(r"\\\\", text)  # first, so the escapes added below stay intact
    for char in always:  # str.replace beats translate and re.sub here, and speed counts
        if char in text:
            text = text.replace(char, "\\" + char)
    if "&" in text:
        text = _ENTITY.sub("&amp;", text)
    if "<" in text:
        text = text.replace("<", "&lt;")
    if "_" in text:
        text = _UNDERSCORE.sub(r"\\_", text)
    return text


def escape_line(text: str, paired: str | None = None) -> str:
    """One line that also begins a block (a paragraph line, a list item's first line)."""
    escaped = escape_inline(text, paired=paired)
    start = _LINE_START.match(escaped)
    if start is None:
        return escaped
    if start.group(0)[0].isdigit():
        end = start.end()
        return escaped[:end] + "\\" + escaped[end:]
    return "\\" + escaped


def lines_of(text: str, indent: str = "", first_safe: bool = False) -> str:
    """Cleaned multi-line text with its line breaks kept as hard breaks (a trailing backslash),
    every line escaped; `indent` continues a list item. A $ or ~ is escaped on every line
    when the text holds two, on any of its lines."""
    paired = _paired(text)
    if "\n" not in text:  # most quotes are one line
        return escape_inline(text, paired=paired) if first_safe else escape_line(text, paired)
    out = []
    for i, line in enumerate(text.split("\n")):
        first = i == 0 and first_safe
        out.append(escape_inline(line, paired=paired) if first else escape_line(line, paired))
    return ("\\\n" + indent).join(out)


def heading(level: int, text: str) -> str:
    return "#" * level + " " + escape_inline(one_line(text)).replace("#", "\\#")


def cell(text: str) -> str:
    """Text of a table's cell, on one line."""
    return escape_inline(one_line(text))


def phrase(text: str) -> str:
    """Text within a one-line sentence or list item, where no table can start: a `|` shows
    as it is, not escaped. A $ or ~ always is: others in the sentence could pair with it."""
    return escape_inline(one_line(text), _NOT_IN_TABLES, PAIRED)


def isolated(text: str) -> str:
    """`text` between Unicode's first-strong isolate and its end (U+2068, U+2069) when it
    holds right-to-left letters, so that what follows it in a sentence keeps its place: an
    Arabic organisation's "… and جمعية الرعاية 2%." printed as "and 2 جمعية الرعاية%."."""
    if not any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text if ord(ch) >= 0x590):
        return text
    return f"\u2068{text}\u2069"


# --------------------------------------------------------------------------- clock times


def hhmm(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def hhmmss(moment: datetime) -> str:
    return moment.strftime("%H:%M:%S")


def clock_text(moment: datetime, seconds: bool = False) -> str:
    """14:05, or 14:05:30 when the seconds are not zero (or are asked for)."""
    return hhmmss(moment) if seconds or moment.second else hhmm(moment)


def offset_text(seconds: int) -> str:
    """An offset from the start: 0:05, 1:15, or 0:05:30 with seconds."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if secs else f"{hours}:{minutes:02d}"


def utf_16_text(data: bytes, encoding: str) -> tuple[str, bool]:
    """UTF-16 bytes as text, and whether they were cut off in the middle of a character (the
    last bytes dropped: an odd length, or half an emoji at the end). Text broken before its
    end raises UnicodeDecodeError, whose `start` is where."""
    cut = len(data) % 2 == 1
    if cut:
        data = data[:-1]
    try:
        return data.decode(encoding), cut
    except UnicodeDecodeError as exc:
        if exc.end < len(data):
            raise
        return data[: exc.start].decode(encoding), True  # half of a character beyond the BMP


def utf_16_line(data: bytes, encoding: str, at: int) -> int:
    """The line number of byte `at` of UTF-16 bytes."""
    return data[: at - at % 2].decode(encoding, "replace").count("\n") + 1


NAMED_AT_MOST = 10  # in a note: 150 joiners made a line of 4,000 characters


def some_named(labels: list[str]) -> str:
    """The first few, and how many more (the JSON output lists everyone)."""
    shown = "; ".join(labels[:NAMED_AT_MOST])
    more = len(labels) - NAMED_AT_MOST
    return f"{shown}; and {more} more" if more > 0 else shown


def line_ranges(numbers: list[int]) -> str:
    """[3, 4, 5, 9] -> "3-5, 9"."""
    parts: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)


def command_line(*words: object) -> str:
    """A command for the host to copy and paste, each word quoted as a shell needs it: a
    folder under `--sessions "My Sessions"` was shown bare, and failed when pasted."""
    return shlex.join(str(word) for word in words)
