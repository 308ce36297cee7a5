"""An attendee file's bytes as text: UTF-8 (with or without BOM), UTF-16, Windows-1252,
Windows-1250 or Mac Roman as a fallback with a warning; binary files and documents
(liftkit.core.documents) refused with what to do."""

from __future__ import annotations

import re
import unicodedata

from liftkit.core.documents import HEAD, document_kind
from liftkit.core.errors import LiftkitError
from liftkit.core.text import utf_16_line, utf_16_text


def decode_text(data: bytes, label: str, warnings: list[str]) -> str:
    """Bytes to text, refusing binary files with a message that says what to do."""
    document = document_kind(data[:HEAD])
    if document is not None:
        raise LiftkitError(f"{label}: looks like {document.what}, not a text file", document.fix)
    utf16 = _utf16_encoding(data)
    if utf16 is not None:
        try:
            text, cut = utf_16_text(data, utf16)
        except UnicodeDecodeError as exc:
            raise LiftkitError(
                f"{label}: line {utf_16_line(data, utf16, exc.start)}: not UTF-16 text, "
                "as the start of the file is",
                "save it again as CSV UTF-8",
            ) from None
        if cut:
            last = text.count("\n") + 1
            warnings.append(
                f"{label}: line {last}: cut off in the middle of a character; "
                "the last bytes were dropped, check that line"
            )
        return checked(text.lstrip("\ufeff"), label)
    try:
        return checked(data.decode("utf-8-sig"), label)
    except UnicodeDecodeError as exc:
        bad = exc.start
    text, encoding = _legacy_text(data)
    if not text or _odd_symbols(text) * 20 > len(text):
        raise LiftkitError(
            f"{label}: not a text file (byte {bad} is not UTF-8)",
            "save it as CSV UTF-8 or plain text",
        )
    text = checked(text, label)
    line = len(_LINE_END.findall(data, 0, bad)) + 1
    warnings.append(
        f"{label}: not UTF-8 (line {line}); read as {encoding}, "
        "check the accents or save it as CSV UTF-8"
    )
    return text


_LINE_END = re.compile(rb"\r\n?|\n")  # as the CSV reader ends lines: Excel for Mac's \r too


def _legacy_text(data: bytes) -> tuple[str, str]:
    """Text saved by Excel in its "ANSI" code page: Windows-1252 (Western), or Windows-1250
    (Central European) when that reading has letters where Windows-1252 has symbols inside
    words (a real Polish Teams report re-saved from Excel read as Windows-1252 gave "Imiê i
    nazwisko" and "Osoba prowadz¹ca", "³" for "ł" in names) or where Windows-1252 has no
    character at all (Windows-1250's "ť", "Ť" and "Ź"); or Mac Roman, as Excel for Mac
    saves "CSV (Macintosh)" with lines ending in \r alone, when that reading is the likelier
    (Windows-1252 reads its "José García" as "JosŽ Garc’a")."""
    western = _decoded(data, "cp1252")
    symbols = _symbols_in_words(western) if western is not None else len(data) + 1
    windows = western, "Windows-1252"
    if symbols:
        central = _decoded(data, "cp1250")
        if central is not None and _symbols_in_words(central) < symbols:
            windows = central, "Windows-1250 (Central European)"
    mac = data.decode("mac_roman")
    mac_lines = b"\r" in data and b"\n" not in data  # the classic Mac's line ends
    if windows[0] is None:  # bytes no Windows code page has ("Å" is 0x81): Mac Roman by its
        # lines, or when it reads as names do, as a Mac list saved with \n lines does
        return (mac, _MAC_ROMAN) if mac_lines or _reads_as_names(mac) else ("", "")
    odd, mac_odd = _unlikely(windows[0]), _unlikely(mac)
    if mac_odd < odd or (mac_lines and mac_odd <= odd):
        return mac, _MAC_ROMAN
    return windows[0], windows[1]


_MAC_ROMAN = "Mac Roman (Excel for Mac)"
# A word of accented letters alone: what bytes that are no text read as ("Åçèêù")
_ALL_ACCENTED = re.compile(r"\b[^\W\d_a-zA-Z]{2,}\b")


def _reads_as_names(text: str) -> bool:
    """Whether `text` reads as Western names: nothing unlikely inside its words, and its
    accented letters among plain ones ("Åsa Lindqvist", "Zoë Brontë")."""
    return not _unlikely(text) and _ALL_ACCENTED.search(text) is None


def _decoded(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")
_IN_WORDS = frozenset("’‘“”–—…•·\u00a0")  # apostrophes, dashes, a Catalan "l·l"
# An apostrophe's word goes on past a contraction's end ("Garc’a", not "Macy’s", "don’t")
_CUT_WORD = re.compile(r"(?!(?:s|t|d|m|ll|re|ve)\b)[^\W\d_]")


def _symbols_in_words(text: str) -> int:
    """Characters beyond ASCII that are not letters but touch one ("³" in "Pawe³")."""
    count = 0
    for found in _BEYOND_ASCII.finditer(text):
        ch, at = found.group(), found.start()
        if ch.isalpha() or ch.isspace() or ch in _IN_WORDS:
            continue
        if text[at - 1 : at].isalpha() or text[at + 1 : at + 2].isalpha():
            count += 1
    return count


def _unlikely(text: str) -> int:
    """What a reading in the wrong code page puts inside words: symbols ("Garc‡a"), a
    capital after a small letter ("JosŽ", "MacyÕs") or a small one before a capital
    ("ìBestî"), a dash between two small letters ("Mu–oz"), an apostrophe inside a word
    that is no contraction's ("Garc’a"), an opening quote at a word's end ("Zo‘"), an accent
    standing alone ("Bergstrˆm")."""
    count = _symbols_in_words(text)
    for found in _BEYOND_ASCII.finditer(text):
        ch, at = found.group(), found.start()
        before, after = text[at - 1 : at], text[at + 1 : at + 2]
        count += any((
            unicodedata.category(ch) == "Lm",  # a spacing accent: "Bergstrˆm"
            ch.isupper() and before.isalpha() and before.islower(),
            ch.islower() and after.isupper(),  # "ìBestî" for "“Best”"
            ch in "–—" and before.islower() and after.islower(),
            ch == "’" and before.islower() and bool(_CUT_WORD.match(text, at + 1)),
            ch in "‘“" and before.isalpha(),  # an opening quote that closes a word
            ch == "·" and not (before.isalpha() and after.isalpha()),  # Catalan's l·l aside
        ))  # fmt: skip
    return count


def _utf16_encoding(data: bytes) -> str | None:
    """UTF-16 by its byte-order mark, or without one by its zero bytes: Latin text in UTF-16
    has a zero in every other byte (at odd positions for little-endian, as Windows writes)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[: min(len(data), 128) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) * 4 >= len(zeros) * 3 and others.count(0) == 0:
            return encoding
    return None


# Control characters other than tab, line feed, vertical tab, form feed and carriage return.
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# What a Windows-1252 name list holds beyond ASCII: letters, and a little punctuation.
_WINDOWS_PUNCTUATION = frozenset("’‘“”–—…•·€£\u00a0")


def checked(text: str, label: str) -> str:
    """Text with more than one control character in a hundred is binary data, not a list.

    A stray NUL in a long export (Zoom writes them) is tolerated; names drop it.
    """
    controls = len(CONTROL.findall(text))
    if controls * 100 > len(text):
        raise LiftkitError(
            f"{label}: not a text file (it holds binary data)",
            "give the attendee list as CSV or plain text",
        )
    return text


def _odd_symbols(text: str) -> int:
    """Characters beyond ASCII that are neither letters nor common punctuation: random bytes
    read as Windows-1252 are full of them (¤ ¦ ¨ ± ¾ ‡), real names hardly ever."""
    return sum(
        1 for ch in text if ord(ch) > 127 and not ch.isalpha() and ch not in _WINDOWS_PUNCTUATION
    )
