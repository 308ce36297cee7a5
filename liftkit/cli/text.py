"""Plain-text rendering that needs no rich (kept off the start-up path of fast commands)."""

from __future__ import annotations

import re
from collections.abc import Sequence

# A note's label ("Note: ", "Warning: ", "  Warning: " as listed again): its later lines go
# under the text after it.
_LABEL = re.compile(r"\s*(?:[A-Z][a-z]+: )?")
# A command to copy: in backticks, whole; else liftkit, its command and the first argument
# (a path quoted as shlex.quote writes it, "'\"'\"'" for a quote inside, or a bare word).
# Its spaces fold no line: "Carry on with: liftkit resume\nliftkit-sessions/2026-…" pasted
# both lines, and the shell ran `liftkit resume` alone.
_COMMAND = re.compile(
    r"`liftkit [^`\n]*`"
    r"|\bliftkit (?:agenda (?:show|check|list)|new|run|resume|groups|note|view|export)"
    r"(?: (?:'(?:[^'\n]|'\"'\"')*'|[^\s'`]+))?"
)
_KEPT_SPACE = "\ue000"  # a space of such a command while the line is folded


def text_table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> str:
    """Columns padded to their widest cell, a rule under the header; `right` aligns right."""
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))

    def line(cells: Sequence[str]) -> str:
        parts = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ]
        return "  ".join(parts).rstrip()

    out = [line(headers), "  ".join("-" * w for w in widths)]
    out.extend(line(row) for row in rows)
    return "\n".join(out) + "\n"


def wrap_words(text: str, width: int) -> str:
    """`text` folded at spaces into lines of at most `width` columns, its later lines under
    the text after its label ("Note: "); a word longer than a line (a path) is kept whole, and
    so is a command to copy (`liftkit resume '/tmp/My Sessions/2026-…'`), spaces and all: the
    line folds before it, never inside it."""
    from rich.cells import cell_len  # on a terminal only: text_table needs no rich

    text = _COMMAND.sub(lambda found: found.group().replace(" ", _KEPT_SPACE), text)
    out = []
    for line in text.split("\n"):
        hang = " " * _LABEL.match(line).end()  # type: ignore[union-attr]
        if cell_len(hang) * 2 > width:
            hang = ""
        head, words = hang, line[len(hang) :].split(" ")
        current = line[: len(hang)]
        used = cell_len(current)
        for n, word in enumerate(words):
            need = cell_len(word) + (n > 0)
            if n > 0 and used + need > width and current.strip():
                out.append(current)
                # a word that fits a line only without the indent (a command) goes without
                indent = head if cell_len(head) + cell_len(word) <= width else ""
                current, used = indent + word, cell_len(indent) + cell_len(word)
            else:
                current += (" " if n > 0 else "") + word
                used += need
        out.append(current)
    return "\n".join(out).replace(_KEPT_SPACE, " ")
