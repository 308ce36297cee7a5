"""Text the host types or pipes in that is not UTF-8, and file names that are not.

A reflection piped from a Windows editor (`Caf\\xe9`, Windows-1252) or typed where the terminal
sends Latin-1 is read in that encoding, as chat logs are, rather than kept as the escaped bytes
Python gives undecodable input (which no UTF-8 file can hold). A file name that is not UTF-8 is
written into a file with those bytes shown as `\\xe9`.
"""

from __future__ import annotations

import codecs
import os

_SHOWN = "liftkit-shown-bytes"


def _shown_bytes(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for char in error.object[error.start : error.end]:
        code = ord(char)
        out.append(f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}")
    return "".join(out), error.end


codecs.register_error(_SHOWN, _shown_bytes)


def utf_8(text: str) -> bytes:
    """`text` as UTF-8, where the bytes of a name that was not UTF-8 (escaped by Python as
    lone surrogates) are shown as `\\xe9`: never an encoding error."""
    return text.encode("utf-8", _SHOWN)


def shown(text: str) -> str:
    """`text` with the undecodable bytes of a name shown as `\\xe9`."""
    return utf_8(text).decode("utf-8")


def fallback_for(encoding: str | None) -> str:
    """What bytes that are not UTF-8 are read as: the locale's encoding (a Latin-1 terminal),
    or Windows-1252 where the locale says UTF-8 or ASCII (a file saved on Windows)."""
    try:
        name = codecs.lookup(encoding or "utf-8").name
    except LookupError:
        name = "utf-8"
    return "cp1252" if name in ("utf-8", "ascii") else name


def decode_typed(data: bytes, encoding: str | None = None) -> tuple[str, str | None]:
    """Bytes typed or piped in, as text: UTF-8 where they are, the rest in the fallback of
    the locale's `encoding` (see fallback_for); and that fallback when some were read so."""
    fallback = fallback_for(encoding)
    out: list[str] = []
    guessed = False
    while data:
        try:
            out.append(data.decode("utf-8"))
            break
        except UnicodeDecodeError as error:
            out.append(data[: error.start].decode("utf-8"))
            out.append(_read_as(data[error.start : error.end], fallback))
            data = data[error.end :]
            guessed = True
    return "".join(out), fallback if guessed else None


def _read_as(bad: bytes, fallback: str) -> str:
    return "".join(_one_byte(byte, fallback) for byte in bad)


def _one_byte(byte: int, fallback: str) -> str:
    try:
        return bytes([byte]).decode(fallback)
    except UnicodeDecodeError:  # the five bytes Windows-1252 leaves undefined: Latin-1's
        return chr(byte)


def typed_argument(text: str, encoding: str | None = None) -> tuple[str, str | None]:
    """A command-line argument whose bytes were not UTF-8 (Python keeps them as lone
    surrogates): read as decode_typed reads them."""
    if not any(0xDC80 <= ord(c) <= 0xDCFF for c in text):
        return text, None
    return decode_typed(os.fsencode(text), encoding)
