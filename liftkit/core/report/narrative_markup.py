"""The host's narrative as it may go into a published pack: Markdown of their own, but nothing
in it that would take over the rest of the pack or run in a reader's browser.

- A `<!-- comment -->` is left out; one never closed (no `-->` before the next `<!--` or the
  end of the file) is kept as text, with a warning: as HTML, it hid the rest of the pack,
  and its `-->` was a later hint's, which took the parts between with it.
- A fenced code block never closed ends at the end of its part, with a warning: it made the
  rest of the pack code.
- Raw HTML shows as text, as the HTML pack shows it (its `<` written `&lt;`, which every
  Markdown reader shows as `<`), and a link to a script (`javascript:`, and the other
  schemes markdown-it refuses) as the text it was written as; code and autolinks are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from html import unescape

# A fence of backticks has no backtick after it on its line ("```<b>`" is a paragraph, and
# its <b> HTML), as CommonMark reads it.
FENCE = re.compile(r"^ {0,3}(`{3,}(?=[^`]*$)|~{3,})")
OPEN, CLOSE = "<!--", "-->"
# Where raw HTML could begin: a tag, a closing tag, a comment or declaration, an instruction.
_TAG_START = re.compile(r"[A-Za-z/!?]")
_AUTOLINK = re.compile(
    r"<(?:([A-Za-z][A-Za-z0-9.+-]{1,31}):[^\s<>\x00-\x1f]*"
    r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>"
)
# The schemes markdown-it (the HTML pack) will not link to, so neither does the Markdown.
_BAD_SCHEME = re.compile(r"(?:javascript|vbscript|file|data):", re.IGNORECASE)
_REFERENCE = re.compile(r"^( {0,3})\[((?:[^\]\\]|\\.)+)\]:[ \t]*(.*)$")
_BACKTICKS = re.compile(r"`+")


def is_part_heading(line: str) -> bool:
    return line.startswith("## ") or line.rstrip() == "##"


def fence_plan(lines: list[str]) -> tuple[list[bool], dict[int, tuple[int, str]]]:
    """Whether each line is prose (False for fenced code and its fences), and the code blocks
    never closed: the index of the line each ends before (the next `##` heading, or the end,
    `len(lines)`) and the index and fence of the line that opened it."""
    ends: dict[int, tuple[int, str]] = {}
    while True:
        prose, open_at, fence = _scan(lines, ends)
        if not fence:
            return prose, ends
        after = (i for i in range(open_at + 1, len(lines)) if is_part_heading(lines[i]))
        end = next(after, len(lines))
        ends[end] = (open_at, fence)
        if end == len(lines):
            return _scan(lines, ends)[0], ends


def _scan(lines: list[str], ends: dict[int, tuple[int, str]]) -> tuple[list[bool], int, str]:
    prose, fence, open_at = [], "", -1
    for i, line in enumerate(lines):
        if fence and i in ends:
            fence = ""
        opened = FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            prose.append(False)
            continue
        if opened:
            fence, open_at = opened.group(1), i
        prose.append(not opened)
    return prose, open_at, fence


def prose_marked(lines: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Each line, and whether it is prose: False for fenced code and its fences, where a
    heading is only text."""
    listed = list(lines)
    return zip(listed, fence_plan(listed)[0], strict=True)


def without_comments(lines: list[str], prose: list[bool]) -> tuple[list[str], list[int]]:
    """The lines with their comments left out (a comment over several lines leaves its lines
    blank, so that line numbers stay true), and the line numbers of the `<!--` never closed,
    which stay as text. In fenced code, `<!--` is code."""
    out: list[str] = []
    unclosed: list[int] = []
    i = 0
    while i < len(lines):
        line, col, kept = lines[i], 0, ""
        while prose[i]:
            start = line.find(OPEN, col)
            if start < 0:
                break
            end = _comment_end(lines, i, start + len(OPEN))
            if end is None:
                unclosed.append(i + 1)
                kept, col = kept + line[col : start + len(OPEN)], start + len(OPEN)
                continue
            kept += line[col:start]
            if end[0] > i:
                out += [kept, *[""] * (end[0] - i - 1)]
                i, line, kept = end[0], lines[end[0]], ""
            col = end[1]
        out.append(kept + line[col:])
        i += 1
    return out, unclosed


def _comment_end(lines: list[str], row: int, col: int) -> tuple[int, int] | None:
    """Where the comment begun before (`row`, `col`) ends, just after its `-->`; None when
    another `<!--` or the end of the file comes first (comments do not nest)."""
    for i in range(row, len(lines)):
        text = lines[i][col:] if i == row else lines[i]
        close, again = text.find(CLOSE), text.find(OPEN)
        if close >= 0 and (again < 0 or close < again):
            return i, close + len(CLOSE) + (col if i == row else 0)
        if again >= 0:
            return None
    return None


def safe_markdown(body: str) -> str:
    """A part's text with its raw HTML shown as text and its links to scripts as text; fenced
    code and code spans are left as written."""
    lines = body.split("\n")
    out: list[str] = []
    paragraph: list[str] = []
    for line, prose in prose_marked(lines):
        if prose and line.strip():
            paragraph.append(_safe_reference(line))
            continue
        if paragraph:
            out += _safe_text("\n".join(paragraph)).split("\n")
            paragraph = []
        out.append(line)
    if paragraph:
        out += _safe_text("\n".join(paragraph)).split("\n")
    return "\n".join(out)


def _safe_reference(line: str) -> str:
    """`[x]: javascript:…`, a link's definition, as text."""
    reference = _REFERENCE.match(line)
    if reference and _bad_link(reference.group(3)):
        return f"{reference.group(1)}\\{line[len(reference.group(1)) :]}"
    return line


def _safe_text(text: str) -> str:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "\\":
            out.append(text[i : i + 2])
            i += 2
        elif char == "`":
            run = _BACKTICKS.match(text, i).end() - i  # type: ignore[union-attr]
            close = re.compile(f"(?<!`)`{{{run}}}(?!`)").search(text, i + run)
            end = close.end() if close else i + run
            out.append(text[i:end])
            i = end
        elif char == "<":
            link = _AUTOLINK.match(text, i)
            if link and not (link.group(1) and _bad_link(link.group(0)[1:])):
                out.append(link.group(0))
                i = link.end()
            else:
                tag = _TAG_START.match(text, i + 1) is not None
                out.append("&lt;" if tag or link else "<")
                i += 1
        elif char == "]" and text.startswith("(", i + 1) and _bad_link(text[i + 2 :]):
            out.append("]\\(")
            i += 2
        else:
            out.append(char)
            i += 1
    return "".join(out)


def _bad_link(destination: str) -> bool:
    """Whether a link's destination is a script's (or another scheme markdown-it refuses), as
    a browser reads it: entities and backslash escapes undone, spaces and controls dropped."""
    plain = unescape(destination.lstrip(" \t\n<")[:64].replace("\\", ""))
    return _BAD_SCHEME.match(re.sub(r"[\x00-\x20\x7f]", "", plain)) is not None
