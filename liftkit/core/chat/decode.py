"""A chat log's bytes as lines of text: UTF-8 with or without BOM, or UTF-16 (with a BOM, or
guessed from its zero bytes).

Text that is not quite either is still read, with a warning: text in an older Windows
encoding as Windows-1252, a stray bad byte in UTF-8 replaced, a UTF-16 file cut off in the
middle of a character without its last bytes. Binary data is an error.

A file is read as a stream of lines (`text_lines`): a chat log of hundreds of megabytes is
never held whole in memory, only the messages read from it. Clean UTF-8 is read in one pass;
a file that turns out not to be is read again, as `utf_8_reading` decides from its bytes.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from liftkit.core.documents import HEAD, document_kind
from liftkit.core.errors import LiftkitError
from liftkit.core.text import utf_16_line, utf_16_text

NOT_A_CHAT_HINT = (
    "name a Zoom saved chat (meeting_saved_chat.txt) or its chat panel copied into a file, "
    "a Teams meeting chat copied into a file, a Webex chat saved or copied into a file, a "
    "Teams or Zoom transcript (.vtt) or a Google Meet chat (.sbv)"
)
# A character beyond ASCII that is not a byte UTF-8 could not read (surrogateescape makes
# those U+DC80 to U+DCFF). Written as what it is not: the two ranges up to U+10FFFF took
# 5 ms to compile, at every start of liftkit that reads a chat log.
BEYOND_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")
_ESCAPED = re.compile("[\udc80-\udcff]")
_CHUNK = 1 << 20
# Bytes that Windows-1252 leaves undefined.
_CP1252_UNDEFINED = re.compile(b"[\x81\x8d\x8f\x90\x9d]")


def binary_error(source: str) -> LiftkitError:
    return LiftkitError(f"{source}: a binary file, not a chat log", NOT_A_CHAT_HINT)


def refuse_document(head: bytes, source: str) -> None:
    """A chat kept in a document (pasted into TextEdit, Word or a PDF) is refused, saying
    what it is and how to get the text out, where its first line was read as a message."""
    document = document_kind(head)
    if document is not None:
        raise LiftkitError(f"{source}: looks like {document.what}, not a chat log", document.fix)


def guess_encoding(head: bytes) -> str:
    """utf-8-sig, utf-16 (a BOM), utf-16-le or utf-16-be (zero bytes), else utf-8."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if _zero_bytes(head, 1) and 0 not in head[:128:2]:
        return "utf-16-le"
    if _zero_bytes(head, 0) and 0 not in head[1:128:2]:
        return "utf-16-be"
    return "utf-8"


def _zero_bytes(data: bytes, parity: int) -> bool:
    """Whether many of the first bytes at odd (1) or even (0) places are zero: UTF-16 text
    without a BOM, mostly ASCII."""
    head = data[parity:4096:2]
    return len(head) >= 2 and head.count(0) * 2 > len(head)


def decode_chat(data: bytes, source: str, notes: list[str] | None = None) -> str:
    """The text of a whole chat log held in memory (standard input, tests)."""
    notes = [] if notes is None else notes
    refuse_document(data[:HEAD], source)
    encoding = guess_encoding(data[:4096])
    if encoding.startswith("utf-16"):
        text = _decode_utf_16(data, encoding, source, notes)
    else:
        codec, errors = utf_8_reading(io.BytesIO(data), source, notes)
        text = data.decode(codec, errors)
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise binary_error(source)
    return text


def utf_16_lines(data: bytes, encoding: str, source: str, notes: list[str]) -> list[str]:
    """The lines of a UTF-16 chat log (which Zoom does not write), read whole."""
    text = _decode_utf_16(data, encoding, source, notes).lstrip("\ufeff")
    if "\x00" in text:
        raise binary_error(source)
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def text_lines(stream: IO[bytes], codec: str, errors: str, source: str) -> Iterator[str]:
    """The lines of a file (without their line ends), decoded as they are read."""
    reader = io.TextIOWrapper(stream, encoding=codec, errors=errors, newline=None)
    try:
        for line in reader:
            if "\x00" in line:
                raise binary_error(source)
            yield line[:-1] if line.endswith("\n") else line
    finally:
        reader.detach()  # the caller closes the file


def utf_8_reading(stream: IO[bytes], source: str, notes: list[str]) -> tuple[str, str]:
    """How to read a file that may not be clean UTF-8 (codec and error handling), from one
    pass over its bytes, with a note when it is not."""
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    bad_line: int | None = None
    beyond_ascii, cp1252 = False, True
    lines = 1
    while chunk := stream.read(_CHUNK):
        text = decoder.decode(chunk)
        if "\x00" in text:
            raise binary_error(source)
        escaped = _ESCAPED.search(text)
        if escaped is not None and bad_line is None:
            bad_line = lines + text.count("\n", 0, escaped.start())
        beyond_ascii = beyond_ascii or BEYOND_ASCII.search(text) is not None
        cp1252 = cp1252 and _CP1252_UNDEFINED.search(chunk) is None
        lines += text.count("\n")
    if decoder.decode(b"", final=True) and bad_line is None:
        bad_line = lines  # cut in the middle of a character at the very end
    if bad_line is None:
        return "utf-8-sig", "strict"
    # A file with no valid UTF-8 beyond ASCII was saved in an older Windows encoding; one
    # that has some (emoji, accents) is UTF-8 with a few bad bytes, and stays UTF-8.
    if not beyond_ascii and cp1252:
        notes.append(
            f"{source}:{bad_line}: not UTF-8 text; read as Windows-1252 (check the accented "
            "letters, or save the chat as UTF-8)"
        )
        return "cp1252", "strict"
    notes.append(
        f"{source}:{bad_line}: not UTF-8 text; what is not was replaced with \ufffd "
        "(save the chat as UTF-8)"
    )
    return "utf-8-sig", "replace"


def _decode_utf_16(data: bytes, encoding: str, source: str, notes: list[str]) -> str:
    try:
        text, cut = utf_16_text(data, encoding)
    except UnicodeDecodeError as exc:
        raise LiftkitError(
            f"{source}: line {utf_16_line(data, encoding, exc.start)}: broken UTF-16 text",
            "save it again as UTF-8 or UTF-16 text",
        ) from None
    if cut:
        notes.append(
            f"{source}: UTF-16 text cut off in the middle of a character; "
            "the last bytes were dropped"
        )
    return text


def open_chat_file(path: Path) -> IO[bytes]:
    """The file opened for reading, or one error line that says what to do."""
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise LiftkitError(f"{path}: no such file", "check the path given to `chat`") from None
    except IsADirectoryError:
        raise LiftkitError(f"{path}: is a folder, not a chat log", NOT_A_CHAT_HINT) from None
    except OSError as exc:
        raise LiftkitError(
            f"{path}: cannot read: {exc.strerror}", "check its permissions"
        ) from None
