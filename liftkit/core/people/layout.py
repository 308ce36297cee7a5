"""Which row of a table is its header, and which of its columns hold the name and email."""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from liftkit.core.errors import LiftkitError
from liftkit.core.people import headers as h
from liftkit.core.people.model import header_key, normalise_header

DELIMITERS = (",", ";", "\t")
HEADER_SEARCH_LINES = 40  # a Zoom report preamble is about ten lines
NAME_COLUMN_HINT = (
    "name a column 'name' or 'full name', or two columns 'first name' and 'last name'"
)
# "Name (Original Name)" and its translations ("Nome (nome original)", "Name (ursprünglicher
# Name)"): Zoom's participant reports give the current name, then the original in brackets.
_ORIGINAL_NAME_HEADER = re.compile(r"^(?P<word>[^()]+?)\s*\([^()]+\)$")


@dataclass(frozen=True)
class Layout:
    """Which columns hold the name and email; the rest are attributes."""

    name: int | None
    first: int | None
    last: int | None
    account: int | None  # a user name: the name only when the row gives no other
    email: int | None
    attended: int | None  # Zoom webinar reports: "No" for registrants who did not come
    status: tuple[int, ...]  # registration states: "denied", "Not Attending", "void"…
    action: int | None  # Teams' per-event report: "Joined" or "Left"
    per_join: bool  # one row per join (Zoom's reports): the same person again is a rejoin
    original_names: frozenset[int]  # "Grace H (Grace Hopper)": Zoom's current and original
    attributes: tuple[tuple[int, str], ...]
    unnamed: frozenset[str]  # attributes named "column N" for a lack of a header
    # A report "with meeting data": the host's own "User Email" (or "Host email"), repeated
    # on every row, and the host's name ("Host name")
    meeting_email: int | None = None
    meeting_host: int | None = None
    waiting: int | None = None  # Zoom's "In Waiting Room": "Yes" on a row not yet admitted


def _original_name_column(key: str) -> bool:
    match = _ORIGINAL_NAME_HEADER.match(key)
    return match is not None and header_key(match["word"]) in h.BARE_NAME_KEYS + h.ACCOUNT_KEYS


def whole_name(key: str) -> bool:
    """Whether a header none of the lists hold names a person's whole name (headers.py,
    NAME_WORDS_ALONE): "What is your name?", "Name and surname", never "Company name"."""
    tokens = re.findall(r"\w+|[&+/]", key)
    words = set(tokens)
    if words & h.OTHER_NAMES:
        return False
    parts = h.FIRST_PARTS | h.LAST_PARTS
    # "name" after a part is that part's ("last name"), not a whole name beside it
    alone = any(
        word in h.NAME_WORDS_ALONE and not (i and tokens[i - 1] in parts)
        for i, word in enumerate(tokens)
    )
    roles = [alone, bool(words & h.FIRST_PARTS), bool(words & h.LAST_PARTS)]
    if not any(roles[1:]):
        return alone
    return bool(words & h.JOINING_WORDS) and sum(roles) >= 2


def _summary_row(keys: Sequence[str]) -> bool:
    # "Meeting ID", or a meeting's "Topic" and "ID" (Zoom's report preambles and ranges)
    return any(key in h.SUMMARY_KEYS for key in keys) or ("topic" in keys and "id" in keys)


def layout_of(
    cells: Sequence[str],
    first_line: bool = False,
    addresses: bool = False,
    skip: frozenset[int] = frozenset(),
) -> Layout | None:
    """The layout a header row gives, or None when `cells` is no header row; an address
    column without names is one on a file's first line, or with `addresses` (the row
    below holds an address there). The columns in `skip` (a name column empty on every row,
    blank.py) are read as nothing: the next column that names people stands in for them."""
    addresses = addresses or first_line
    # Every row of a long file is asked: one text for the row, not one a cell and word
    # (a third of the time a list took to read, at 100,000 rows).
    text = "\n".join(cells).casefold()
    if not any(word in text for word in h.NAME_WORDS) and not (
        addresses and any(word in text for word in h.EMAIL_WORDS)
    ):
        return None
    keys = [header_key(c) for c in cells]
    # Zoom's preamble names the meeting ("Meeting ID", "Topic", "User Name" of the host): no
    # header, unless the row names the participants too (a report exported "with meeting
    # data" repeats the meeting's columns on every participant's row).
    summary = _summary_row(keys)
    if summary:
        first_line = False

    def first_of(wanted: Sequence[str]) -> int | None:
        for key in wanted:
            if key in keys:
                found = next((i for i, k in enumerate(keys) if k == key and i not in skip), None)
                if found is not None:
                    return found
        return None

    original = frozenset(
        i for i, key in enumerate(keys) if i not in skip and _original_name_column(key)
    )
    name = first_of(h.NAME_KEYS + (h.ROLE_NAME_KEYS if first_line else ()))
    if name is None:
        name = next((i for i in sorted(original) if i != first_of(h.ACCOUNT_KEYS)), None)
    if name is None:
        name = first_of(h.BARE_NAME_KEYS)
    first, last, account = first_of(h.FIRST_KEYS), first_of(h.LAST_KEYS), first_of(h.ACCOUNT_KEYS)
    if name is not None and keys[name] in h.BARE_NAME_KEYS and (first is None) != (last is None):
        first, last, name = (name, last, None) if first is None else (first, name, None)
    email = first_of(h.EMAIL_KEYS)
    if name is None and first is None and last is None and (first_line or email is not None):
        # a form's question ("What is your name?") or a sheet's own wording ("Name / Nom")
        others = (account, email, *skip)
        wholes = (i for i, key in enumerate(keys) if i not in others and whole_name(key))
        name = None if summary or len(cells) < 2 else next(wholes, None)
    if name is None and first is None and account is None:
        # A list of addresses with no names (Email,Organisation, a mailing list's export) is
        # named by them, as a plain list of addresses is: as a file's first line, or below
        # a title when the row under it holds an address there; not a preamble's line
        if email is None or not addresses or summary:
            return None
        name = email
    if summary and name is None:
        return None
    meeting_email = None
    if email is not None and name is not None:
        # Zoom's participants "with meeting data" have the host's "User Email" before the
        # participant's name and the participant's after it: take the one after the name
        same = (i for i, key in enumerate(keys) if key == keys[email] and i not in skip)
        after = next((i for i in same if i > name), email)
        email, meeting_email = after, (email if after != email else None)
    if name is not None and meeting_email is None:
        meeting_email = next((i for i, key in enumerate(keys) if key in h.HOST_EMAIL_KEYS), None)
    meeting_host = next(
        (i for i, key in enumerate(keys) if key in h.HOST_NAME_KEYS and i != name), None
    )
    # (a skipped column is no attribute either: it holds nothing, or a form's "anonymous")
    used = {i for i in (name, first, last, account, email) if i is not None} | skip
    attributes, unnamed = _attributes(cells, used)
    attended = keys.index("attended") if "attended" in keys else None
    status = tuple(i for i, key in enumerate(keys) if key in h.STATUS_KEYS)
    per_join = any(key in h.JOIN_KEYS for key in keys)
    action = first_of(h.ACTION_KEYS)
    waiting = first_of(h.WAITING_KEYS)
    return Layout(
        name, first, last, account, email, attended, status, action, per_join, original,
        tuple(attributes), frozenset(unnamed), meeting_email, meeting_host, waiting,
    )  # fmt: skip


def _attributes(cells: Sequence[str], used: set[int]) -> tuple[list[tuple[int, str]], set[str]]:
    attributes: list[tuple[int, str]] = []
    unnamed: set[str] = set()
    seen: set[str] = set()
    for i, cell in enumerate(cells):
        if i in used:
            continue
        header = cell.strip().strip("\ufeff") or f"column {i + 1}"
        key, n = header, 2
        while normalise_header(key) in seen:
            key, n = f"{header} ({n})", n + 1
        seen.add(normalise_header(key))
        attributes.append((i, key))
        if not cell.strip().strip("\ufeff"):
            unnamed.add(key)
    return attributes, unnamed


def split_line(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


def find_header(lines: Sequence[str]) -> tuple[int, str] | None:
    """The first line (within the preamble allowance) that names a name column."""
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > HEADER_SEARCH_LINES:
            return None
        best: tuple[int, str] | None = None
        below: str | None = None  # the next line with text, looked up once if needed
        for delimiter in DELIMITERS:
            cells = split_line(line, delimiter)
            layout = layout_of(cells, first_line=seen == 1)
            if layout is None and seen > 1:
                if below is None:
                    rest = itertools.islice(lines, index + 1, None)
                    below = next((text for text in rest if text.strip()), "")
                layout = _addresses_under_title(cells, below, delimiter)
            if layout is not None and (best is None or len(cells) > best[0]):
                best = (len(cells), delimiter)
        if best is not None:
            if best[0] == 1 and seen > 1:
                continue  # a lone word "Name" inside a text list is a person, not a header
            return index, best[1]
    return None


def _addresses_under_title(cells: Sequence[str], below: str, delimiter: str) -> Layout | None:
    """Email,Organisation below a title line ("Attendees, 3 December"): a header when the
    next row (`below`) holds an address in its email column, so that no preamble line is
    taken."""
    if any("@" in cell for cell in cells):
        return None
    layout = layout_of(cells, addresses=True)
    if layout is None or layout.name is None:
        return None
    following = split_line(below, delimiter)
    return layout if layout.name < len(following) and "@" in following[layout.name] else None


# Teams' attendance report numbers its sections ("1. Summary", "2. Participants", "3.
# In-Meeting Activities"), titled in the organiser's language: the second lists the people.
_NUMBERED = re.compile(r"^(\d{1,2})\.\s*(\S.*)$")


def numbered_section(cells: Sequence[str]) -> tuple[int, str] | None:
    """(2, "participants") for a Teams section title such as "2. Participants", else None."""
    shown = [c.strip() for c in cells if c.strip()]
    match = _NUMBERED.match(shown[0]) if len(shown) == 1 else None
    return (int(match[1]), match[2].casefold()) if match else None


def refuse_unknown_table(lines: Sequence[str], label: str) -> None:
    """A table without a name column must not be read as a list of one-line people.

    It is a table when its first line splits into cells and most lines split into as many;
    but `Ada Lovelace, ada@example.org` (an email) and `Lovelace, Ada` (a comma and a space)
    are the plain-text forms of one person a line. A table may also stand below a preamble
    of a few lines (a Teams or Zoom report in a language liftkit does not know): a line
    further down with three or more cells, which most lines from it on share.
    """
    numbered = [
        (number, line)
        for number, line in enumerate(lines, start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    for at, (number, first) in enumerate(numbered[:HEADER_SEARCH_LINES]):
        rest = numbered[at:]
        for delimiter in DELIMITERS:
            cells = split_line(first, delimiter)
            # a title padded with empty cells ("1. Summary;;;;;;", Excel) is no header
            filled = sum(1 for cell in cells if cell.strip())
            if filled < (2 if at == 0 else 3) or any("@" in cell for cell in cells):
                continue
            keys = [header_key(cell) for cell in cells]
            has_email = any(key in keys for key in h.EMAIL_KEYS)
            if delimiter == "," and len(cells) == 2 and cells[1][:1] == " " and not has_email:
                continue
            alike = sum(1 for _, line in rest if len(split_line(line, delimiter)) == len(cells))
            # the header under Teams' "2. Participants" (in any language), not the one of
            # "3. In-Meeting Activities" below it
            title = numbered_section(split_line(numbered[at - 1][1], delimiter)) if at else None
            participants = title is not None and title[0] == 2
            if has_email or participants or (alike * 2 > len(rest) and (at == 0 or alike >= 2)):
                shown = ", ".join(c.strip() for c in cells[:12] if c.strip())
                more = f" and {len(cells) - 12} more" if len(cells) > 12 else ""
                raise LiftkitError(
                    f"{label}: line {number}: no name column among: {shown}{more}",
                    NAME_COLUMN_HINT,
                )
