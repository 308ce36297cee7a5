"""Files that are documents rather than text, told by their first bytes: a workbook, a Word or
rich-text document, a PDF, a web page. Hosts keep lists and chats in such files (TextEdit
saves rich text unless told otherwise; a registrant list is printed to PDF; a Zoom report is
opened in Excel and saved as .xlsx), and read as text they are garbage: a PDF's first line
became a person named "%PDF-1.4", a TextEdit list one person named "{\\rtf1\\ansi …".
"""

from __future__ import annotations

from typing import NamedTuple

# How much of a file `document_kind` looks at: a zip's first entries name what it holds.
HEAD = 64 * 1024

_AS_CSV = "save it as CSV (CSV UTF-8) and try again"
_AS_TEXT = "save it as plain text (.txt) and try again"


class Document(NamedTuple):
    what: str  # "a PDF document"
    fix: str  # what to do instead


def document_kind(head: bytes) -> Document | None:
    """What the file starting with `head` (its first `HEAD` bytes) is, when a document."""
    if head.startswith(b"PK\x03\x04"):
        return _zipped(head)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: Office before 2007
        return Document(
            "an Excel or Word file of the older kind (.xls, .doc)",
            "save it as CSV UTF-8 (a list) or plain text (a chat) and try again",
        )
    if head.startswith(b"%PDF-"):
        return Document(
            "a PDF document",
            "export the list as CSV (or the chat as text) where it came from, or copy its "
            "text into a plain text file",
        )
    if head.startswith(b"{\\rtf"):
        return Document(
            "a rich-text document (.rtf)",
            "save it as plain text (TextEdit: Format > Make Plain Text) and try again",
        )
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return Document(
            "a web page (HTML)",
            "download the list as CSV (or the chat as text), or copy the page's text into "
            "a plain text file",
        )
    return None


def _zipped(head: bytes) -> Document:
    """An Office, OpenDocument or Apple document, all zip archives, by the names inside."""
    if b"xl/" in head:
        return Document("a spreadsheet workbook (.xlsx)", _AS_CSV)
    if b"word/" in head:
        return Document("a Word document (.docx)", _AS_TEXT)
    if b"opendocument.spreadsheet" in head:
        return Document("a spreadsheet (.ods)", _AS_CSV)
    if b"opendocument.text" in head:
        return Document("an OpenDocument text (.odt)", _AS_TEXT)
    if b"Index/" in head:
        return Document("a Numbers or Pages document", "export it as CSV or plain text")
    return Document(
        "a zip archive or an office document",
        "unzip it and name the file inside, or save the document as CSV or plain text",
    )
