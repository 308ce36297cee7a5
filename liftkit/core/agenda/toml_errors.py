"""TOML syntax errors in a host's words: what tomllib stopped at, said as the slip that
usually causes it (a quote inside quoted text, a curly quote, a pasted non-breaking space,
[segments] for [[segments]], a backslash in a Windows path, a missing comma, TRUE for true,
a key given twice), with what to write instead."""

from __future__ import annotations

import re
import tomllib
from ast import literal_eval
from collections.abc import Callable
from dataclasses import dataclass

from liftkit.core.agenda.characters import (
    control,
    fix_invisible,
    invisible,
    name_control,
    name_invisible,
)
from liftkit.core.agenda.schema import FLAG_KEYS, Problem
from liftkit.core.agenda.toml_lines import (
    KEY_LINE,
    headers,
    list_then_tables,
    open_multiline,
    outside_multiline,
    repeated_keys,
)

_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_END = " (at end of document)"
# tomllib's wording for the slips hosts make most, said in their terms: (what, what to do).
_SYNTAX_WORDING = {
    "Illegal character '\\n'": ("the line ends inside quoted text", "close the quotes"),
    "Invalid value": (
        "a value is missing or not in quotes",
        'write text in quotes, like title = "Welcome"',
    ),
    "Cannot overwrite a value": ("this key is given twice", "keep one of them"),
    "Unterminated string": ("quoted text is never closed", "close the quotes"),
    "Unclosed array": ("a list is never closed", "end it with ]"),
    "Expected newline or end of document after a statement": (
        "something follows the value on this line",
        'write text in quotes, like duration = "5m", and one key = value per line',
    ),
    "Expected '=' after a key in a key/value pair": (
        "a key is not followed by =",
        'write it like title = "Welcome"',
    ),
}

# Quotes a word processor, a phone or a web page puts for " and ': TOML reads neither.
_CURLY = "\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2033\uff02"
_STRAIGHT = "write straight quotes, like {like} (an editor may curl them as you type)"
_INNER = ', and a quote inside the text as \\" or curly “ ”'


@dataclass(frozen=True)
class _Stop:
    """Where tomllib stopped: its message (position cut off), line and column (1-based)."""

    message: str
    line: int | None
    column: int | None
    text: str

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @property
    def here(self) -> str:
        lines = self.lines
        return lines[self.line - 1] if self.line is not None and self.line <= len(lines) else ""

    @property
    def rest(self) -> str:
        """The line from where tomllib stopped."""
        return self.here[self.column - 1 :] if self.column is not None else ""

    @property
    def key(self) -> str:
        match = re.match(r"\s*([A-Za-z0-9_-]+)\s*=", self.here)
        return match.group(1) if match else "title"


Said = tuple[int | None, int | None, str]  # line, column, "what; what to do"


def syntax_problem(exc: tomllib.TOMLDecodeError, text: str) -> Problem:
    message = str(exc)
    line = column = None
    at_end = message.endswith(_END)
    match = _POSITION.search(message)
    if match:
        line, column = int(match.group(1)), int(match.group(2))
        message = message[: match.start()]
    elif at_end:
        message = message[: -len(_END)]
    stop = _Stop(message, line, column, text)
    for explain in _EXPLAINED:
        said = explain(stop)
        if said is not None:
            line, column, words = said
            return Problem(line, f"TOML syntax error: {words}", column)
    what, fix = _SYNTAX_WORDING.get(
        message, (message[:1].lower() + message[1:], "fix it and check again")
    )
    if at_end:
        what += " (noticed at the end of the file)"
    return Problem(line, f"TOML syntax error: {what}; {fix}", column)


def _invisible_here(stop: _Stop) -> Said | None:
    """`duration\\u00a0= "5m"`, pasted from a document, or a vertical tab from a soft line
    break: the character named, not "a key is not followed by =" or "illegal character"."""
    char = stop.rest[:1]
    if char and control(char):  # `title = "A\x0bB"`: tomllib's "illegal character '\x0b'"
        return stop.line, stop.column, name_control(char, stop.column)
    if not char or not invisible(char):
        return None
    said = f"{name_invisible(char)} at column {stop.column}: {fix_invisible(char)}"
    return stop.line, stop.column, said


def _declared_twice(stop: _Stop) -> Said | None:
    """`[segments]` (single brackets) a second time: each segment is [[segments]]."""
    match = re.fullmatch(r"Cannot declare (\(.*\)) twice", stop.message)
    if match is None:
        return None
    try:
        names = tuple(literal_eval(match.group(1)))
    except (SyntaxError, ValueError):
        return None
    table = ".".join(names)
    first = next((n for n, h in headers(stop.text) if h.strip("[]") == table), None)
    where = f" (first on line {first})" if first is not None and first != stop.line else ""
    if names == ("segments",):
        fix = "write each segment as [[segments]] (double brackets)"
    elif names == ("segments", "polls"):
        fix = "write each poll as [[segments.polls]] (double brackets)"
    else:
        fix = "put its keys under the first one"
    return stop.line, None, f"[{table}] is given a second time{where}; {fix}"


def _table_before_its_segment(stop: _Stop) -> Said | None:
    """tomllib's "Cannot overwrite a value" at a [[segments]] that follows a single-bracket
    [segments] (said at that one), or a `segments.…` table ("segments.polls") the file opens
    before its first [[segments]]."""
    if stop.message != "Cannot overwrite a value" or stop.here.strip().replace(" ", "") != (
        "[[segments]]"
    ):
        return None
    for number, header in headers(stop.text, upto=stop.line):
        if header == "segments":  # `[segments]`: headers gives [[...]] as "[segments]"
            said = (
                f"[segments] has single brackets, so the [[segments]] on line {stop.line} "
                "cannot follow it; write each segment as [[segments]] (double brackets)"
            )
            return number, None, said
        name = header.strip("[]")
        if name.startswith("segments."):
            said = (
                f"[[{name}]] comes before any [[segments]]; put each poll under the "
                "[[segments]] it belongs to"
            )
            return number, None, said
    return None


def _given_twice(stop: _Stop) -> Said | None:
    """`title` twice in one table: the key named, and the line of its first use."""
    if stop.message != "Cannot overwrite a value":
        return None
    twice = repeated_keys(stop.text)
    if not twice:
        return None
    # the one tomllib stopped at (it gives the end of the file after the last line)
    line, first, key, table = next((t for t in twice if t[0] == stop.line), twice[0])
    column = stop.column if line == stop.line else None
    where = _IN_TABLE.get(table, "in this table")
    fix = "keep one of them"
    if table == "[segments]" and key == "title":  # a segment's title and duration, then more
        fix += f", or start the next segment with [[segments]] above line {line}"
    return line, column, f'"{key}" is given twice {where} (first on line {first}); {fix}'


_IN_TABLE = {
    "": "at the top of the file",
    "[segments]": "in this segment",
    "[segments.polls]": "in this poll",
}


_LOOSE_TABLE_LINE = re.compile(r"\[[\[ \t]*([A-Za-z_][A-Za-z0-9_. \t-]*?)[ \t]*[\] \t]*\]")
_TABLE_LINE_AS_READ = re.compile(r"\[\[[ \t]*[A-Za-z0-9_. \t-]+\]\]|\[[ \t]*[A-Za-z0-9_. \t-]+\]")


def _table_line_brackets(stop: _Stop) -> Said | None:
    """`[[segments]]]` or `[ [segments] ]`: a table line's brackets, one too many or spaced
    apart, which tomllib reports as a value or a key it cannot read."""
    if stop.line is None:
        return None
    line = stop.here.split("#")[0].strip()
    written = _LOOSE_TABLE_LINE.fullmatch(line)
    if written is None or _TABLE_LINE_AS_READ.fullmatch(line):
        return None
    name = ".".join(part.strip() for part in written.group(1).split("."))
    if name in ("segments", "segments.polls") or line.count("[") > 1:
        fix = f"write it [[{name}]], two brackets each side with no space between them"
    else:
        fix = f"write it [{name}]"
    return stop.line, None, f"{line} is not a table line TOML reads; {fix}"


def _multiline_never_closed(stop: _Stop) -> Said | None:
    """`prompt = \"\"\"` whose closing quotes are missing: tomllib reads on to the end of the
    file; said at the line the text opens on, not at none."""
    if stop.line is not None or stop.message not in ("Unterminated string", _NO_CLOSING_LITERAL):
        return None
    opened = open_multiline(stop.text)
    if opened is None:
        return None
    line, column, quote = opened
    return line, column, f"the text opened with {quote} here is never closed; end it with {quote}"


_NO_CLOSING_LITERAL = "Expected \"'''\""


def _curly_quote(stop: _Stop) -> Said | None:
    """`title = “Welcome”` (pasted from a document): the curly quote where tomllib stopped, or
    `title = "Team call”`, whose closing quote is curly, so the text runs on."""
    char = stop.rest[:1]
    if char and char in _CURLY:
        what = f"{char} is a curly quote, not one TOML reads"
        return stop.line, stop.column, f"{what}; {_straight(stop)}{_inner(stop.rest)}"
    what, fix = _SYNTAX_WORDING.get(stop.message, ("", ""))
    if fix != "close the quotes":
        return None
    lines = stop.text.rstrip("\n").split("\n")
    here = lines[-1] if stop.line is None else stop.here
    curly = next((c for c in reversed(here) if c in _CURLY), "")
    if not curly:
        return None
    what = f"{what}: its closing {curly} is a curly quote, not one TOML reads"
    if stop.line is None:
        what += " (noticed at the end of the file)"
    return stop.line, stop.column, f"{what}; {_straight(stop)}"


def _straight(stop: _Stop) -> str:
    """What to do, with the line's own key and, when short and plain, its own text in
    straight quotes: `duration = “5m”` is shown `duration = "5m"`, not `title = "Welcome"`."""
    here = stop.lines[-1] if stop.line is None else stop.here
    written = re.match(r"\s*(?:([A-Za-z0-9_-]+)\s*=)?\s*(.*?)[\s,]*$", here)
    key, value = written.groups() if written else (None, "")
    quotes = _CURLY + "\"'"
    text = value[1:-1] if len(value) > 1 and value[0] in quotes and value[-1] in quotes else ""
    plain = text.isprintable() and not any(c in quotes or c == "\\" for c in text)
    if not text or not plain or len(text) > 40:
        text = _EXAMPLES.get(key or "title", "…")
    # an item of a list (`“First?”,`) is shown as itself
    return _STRAIGHT.format(like=f'{key} = "{text}"' if key else f'"{text}"')


_EXAMPLES = {"title": "Welcome", "duration": "5m", "total": "1h", "silence": "30s", "warn": "1m"}


def _inner(text: str) -> str:
    """The advice on quotes inside the text, when the text holds one: the host who writes
    straight quotes around it would end it there."""
    return _INNER if sum(text.count(q) for q in '"\u201c\u201d') > 2 else ""


def _quote_inside(stop: _Stop) -> Said | None:
    """`prompt = "In the chat: "One step…""`: the second " ends the text, and what follows
    is not TOML."""
    if stop.message != "Expected newline or end of document after a statement":
        return None
    if stop.column is None:
        return None
    before = stop.here[: stop.column - 1].rstrip(" \t")
    quote = before[-1:]
    if quote not in ('"', "'") or quote not in stop.rest:
        return None
    value = re.match(r"\s*[^=]+=\s*(.)", stop.here)
    if value is None or value.group(1) != quote:
        return None
    column = len(before)
    if quote == '"':
        fix = (
            f'write it as \\" or curly “ ”, or put single quotes around the text, like '
            f"{stop.key} = 'Say \"hello\"'"
        )
    else:
        fix = f'write it as ’, or put double quotes around the text, like {stop.key} = "It\'s on"'
    return stop.line, column, f"a {quote} inside the quoted text ends it early; {fix}"


def _backslash(stop: _Stop) -> Said | None:
    """`notes = "S:\\Team"`: a backslash starts an escape in double quotes."""
    if stop.message not in ("Unescaped '\\' in a string", "Invalid hex value"):
        return None
    if stop.column is None:
        return None
    at = stop.here.rfind("\\", 0, stop.column)
    if at < 0:
        return None
    written = re.fullmatch(r"\s*([A-Za-z0-9_-]+)\s*=\s*\"([^\"']{1,50})\"\s*(#.*)?", stop.here)
    like = f"{written.group(1)} = '{written.group(2)}'" if written else "notes = 'S:\\Team'"
    said = (
        "a backslash (\\) in double quotes starts an escape such as \\n; write \\\\ for each "
        f"backslash, or put the text in single quotes, like {like}"
    )
    return stop.line, at + 1, said


_VALUE_START = re.compile(r"[\"'0-9{\[]|[+-][0-9]")


def _missing_comma(stop: _Stop) -> Said | None:
    """`questions = ["What resonated?" "What will you try?"]`: an item follows an item."""
    if stop.message != "Unclosed array" or stop.column is None:
        return None
    rest = stop.rest
    if not _VALUE_START.match(rest) or KEY_LINE.match(rest):
        return None
    said = 'a comma is missing between two items of the list; write it like ["First?", "Second?"]'
    return stop.line, stop.column, said


_TABLE_LINE = re.compile(r"\s*(\[\[?\s*[A-Za-z_][A-Za-z0-9_.\s-]*\]\]?)\s*(?:#.*)?$")


def _list_runs_into_a_table(stop: _Stop) -> Said | None:
    """`questions = [` whose ] is missing before the next [[segments]]: tomllib reads the
    table line as an item of the list (a comma missing, or a value it cannot read); or
    before the end of the file, where tomllib names no line (the one it opens on is said)."""
    if stop.message not in ("Unclosed array", "Invalid value"):
        return None
    table = _TABLE_LINE.match(stop.here) if stop.line is not None else None
    if table is None and stop.line is not None:
        return None
    for number, line in reversed(outside_multiline(stop.text)):
        if stop.line is not None and number >= stop.line:
            continue
        key = KEY_LINE.match(line)
        if key is None:
            continue
        if not line[key.end() :].lstrip().startswith("["):
            return None
        column = line.index("[", key.end()) + 1
        if table is None:
            end = "a list is never closed (it runs on to the end of the file); end it with ]"
            return number, column, end
        said = f"a list is never closed; end it with ] before the {table.group(1)} on line "
        return number, column, said + str(stop.line)
    return None


_FLAG_WORDS = ("true", "false", "yes", "no", "on", "off", "y", "n")


def _capital_true(stop: _Stop) -> Said | None:
    """`auto_advance = TRUE` (or True, or yes): TOML reads true and false, in lower case."""
    if stop.message != "Invalid value":
        return None
    word = re.match(r"[A-Za-z]+", stop.rest)
    if word is None:
        return None
    written = word.group(0)
    if written.lower() not in ("true", "false") and (
        stop.key not in FLAG_KEYS or written.lower() not in _FLAG_WORDS
    ):
        return None
    said = f"{written} is not a value TOML reads; write true or false, in lower case, "
    said += "without quotes"
    return stop.line, stop.column, said


_EXPLAINED: tuple[Callable[[_Stop], Said | None], ...] = (
    _invisible_here,
    _declared_twice,
    _table_before_its_segment,
    _given_twice,
    _table_line_brackets,
    _multiline_never_closed,
    _curly_quote,
    _quote_inside,
    _backslash,
    _list_runs_into_a_table,
    _missing_comma,
    _capital_true,
    lambda stop: list_then_tables(stop.message, stop.line, stop.text),
)
