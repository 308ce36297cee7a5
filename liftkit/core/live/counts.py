"""Reading poll counts as the host types them: in option order ("30 12"), or each with its
option's name as it is read out ("Yes 30, No 12", "Yes: 30; No: 12", "Yes=30 No=12",
"Under 18 3, 18-30 12", "👍 5, 👎 2", "1:0 2:1" for a score) or pasted from Zoom's results
("Yes (12) 75% No (4) 25%").

Names are the poll's own options, found in what is typed (the longest first, case aside),
so that an option may hold digits, commas, spaces or emoji.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from unicodedata import decimal

from liftkit.core.errors import LiftkitError
from liftkit.core.live.events import MAX_COUNT


def parse_counts(
    raw: str, options: Sequence[str], where: str = "poll", command: str = ""
) -> dict[str, int]:
    """Counts typed for a poll's `options`, each option with a count (0 when not named).

    The `p` of the key that opens a poll, typed again in front of them ("p 30 12", "p30
    12": a second poll's line opens by itself), is read past, and what is wrong is said of
    what follows it; an option named p is counted. `where` begins each error ("poll 2");
    `command` is what the counts follow where they are typed (plain mode's "p 2 "), so that
    an error's examples are whole commands: "10 11" alone was an unknown command there."""
    try:
        return _counts_after_habit(raw, options, where)
    except LiftkitError as error:
        if not command:
            raise
        named = _named_example(options)
        whole = f"e.g. {command}{_in_order(options)} or {command}{named}"
        raise error.reworded(
            lambda text: text.replace(f"e.g. {_examples(options)}", whole).replace(
                f"e.g. {named}", f"e.g. {command}{named}"
            )
        ) from None


def _counts_after_habit(raw: str, options: Sequence[str], where: str) -> dict[str, int]:
    try:
        return _parse_counts(raw, options, where)
    except LiftkitError:
        habit = _POLL_KEY.match(raw)
        if habit is None:
            raise
    return _parse_counts(raw[habit.end() :], options, where)


_POLL_KEY = re.compile(r"\s*[pP](?:\s+|(?=\d))")  # P: with Caps Lock on
_SEPARATORS = re.compile(r"[\s,;]*")
_NUMBER = re.compile(r"\d+")
_GAP = re.compile(r"\s*[=:]?\s*")
# Zoom's results as shown: "Yes (12) 75%"; a count with its share, "Yes 12 (75%)"
_SHARE = r"\d+(?:[.,]\d+)?\s*%"
_ZOOM = re.compile(rf"\((\d+)\)(?:\s*{_SHARE})?(?=[\s,;]|$)")
_COUNT = re.compile(rf"(\d+)(?!\s*%)(?:\s*\(\s*{_SHARE}\s*\))?(?=[\s,;]|$)")
_PERCENT = re.compile(rf"\(?\s*{_SHARE}")
_TOKEN = re.compile(r"[^\s,;]+")
_SPACES = re.compile(r"\s+")
# Not one of the options: a label, then a count after a space, "=" or ":" ("Maybe 12",
# "6:3"), or straight after its last letter ("Maybe12")
_LABEL = re.compile(r"([^,;]*?[^\s,;])(?:\s*[=:]\s*|\s+|(?<=[^\d\s,;]))(?=\(?\d)")
# Variation selectors: "❤️" and "❤" are the same heart
_INVISIBLE = dict.fromkeys((0xFE0E, 0xFE0F))


def _parse_counts(raw: str, options: Sequence[str], where: str) -> dict[str, int]:
    parts = [p for p in re.split(r"[\s,;]+", raw.strip()) if p]
    if not parts:
        raise LiftkitError(f"{where}: no counts given", counts_hint(options))
    # Plain numbers are counts in option order, even for a score's options "1" to "5"
    if "=" in raw or ":" in raw or not all(_NUMBER.fullmatch(p) for p in parts):
        named = _named_counts(raw, options, where)
        if named is not None:
            return {option: named.get(option, 0) for option in options}
    for part in parts:  # words are not counts: "30 12 maybe" is not "3 counts"
        _count(part, where, options)
    if len(parts) != len(options):
        counts_word = "count" if len(parts) == 1 else "counts"
        raise LiftkitError(
            f"{where}: {len(parts)} {counts_word} for {len(options)} options",
            counts_hint(options),
        )
    return {
        option: _count(value, where, options) for option, value in zip(options, parts, strict=True)
    }


def _key(text: str) -> str:
    return " ".join(text.translate(_INVISIBLE).casefold().split())


def _skip(pattern: re.Pattern[str], raw: str, at: int) -> int:
    found = pattern.match(raw, at)
    return found.end() if found else at


def _option_at(raw: str, at: int, options: Sequence[str]) -> tuple[str, int] | None:
    """The option whose name is typed at `at` (the longest that is), and where it ends."""
    for option in sorted(options, key=lambda o: -len(_key(o))):
        end = _name_end(raw, at, _key(option))
        if end is None:
            continue
        # "Nope" is not "No" then "pe"; "Yes9" is Yes 9, and "Option 13" not Option 1 3
        last, after = _key(option)[-1:], raw[end : end + 1]
        if last.isalnum() and after.isalnum() and not (last.isalpha() and after.isdecimal()):
            continue
        return option, end
    return None


def _name_end(raw: str, at: int, key: str) -> int | None:
    """Where a name (its `_key`) typed at `at` ends, case, spacing and variation selectors
    aside; None when it is not typed there."""
    i, j = at, 0
    while True:
        while i < len(raw) and ord(raw[i]) in _INVISIBLE:
            i += 1
        if j == len(key):
            return i if key else None
        if i == len(raw):
            return None
        if key[j] == " " and raw[i].isspace():
            i, j = _skip(_SPACES, raw, i), j + 1
            continue
        folded = raw[i].casefold()
        if not key.startswith(folded, j):
            return None
        i, j = i + 1, j + len(folded)


def _named_counts(raw: str, options: Sequence[str], where: str) -> dict[str, int] | None:
    """Counts given with their options' names; None when the text does not start with a
    name (then they are counts in option order)."""
    counts: dict[str, int] = {}
    unknown: list[str] = []
    at = _skip(_SEPARATORS, raw, 0)
    start = at
    while at < len(raw):
        found = _option_at(raw, at, options)
        if found is None:
            label = _LABEL.match(raw, at)
            word = raw[at : _skip(_TOKEN, raw, at)]
            if label is not None and _is_label(label.group(1), label.group()):
                unknown.append(label.group(1))
                value = _value(raw, label.end(), label.group(1), options, where)
                at = value[1]
            elif at == start:
                return None
            elif any(c.isdigit() for c in word):
                raise LiftkitError(
                    f'{where}: "{_shortened(word)}" follows no option', counts_hint(options)
                )
            else:
                unknown.append(word)
                at += len(word)
        else:
            option, end = found
            value = _value(raw, end, option, options, where)
            _once(option, counts, where, options)
            counts[option], at = value
        at = _skip(_SEPARATORS, raw, at)
    if unknown:
        # "Yes 30, Maybe 12" on a yes/no poll: the name is what is wrong, not the count
        raise LiftkitError(
            f"{where}: no option {', '.join(repr(_shortened(u)) for u in unknown)}",
            f"the options are {' / '.join(options)}",
        )
    return counts


def _is_label(label: str, typed: str) -> bool:
    """Whether text before a count names an option: "Maybe 12", "6:3", but not "30 12" or
    "① 3" (a count, or what was meant for one)."""
    return not all(c.isdigit() for c in label) or "=" in typed or ":" in typed


def _value(raw: str, at: int, name: str, options: Sequence[str], where: str) -> tuple[int, int]:
    """The count given after an option's name (ending at `at`), and where it ends."""
    at = _skip(_GAP, raw, at)
    for form in (_ZOOM, _COUNT):
        found = form.match(raw, at)
        if found is not None:
            return _count(found.group(1), where, options), found.end()
    if _PERCENT.match(raw, at):
        raise _percentages(where, options)
    word = _TOKEN.match(raw, at)
    if word is None or _option_at(raw, at, options) or not any(c.isdigit() for c in word.group()):
        raise LiftkitError(
            f'{where}: "{name}" has no count',
            f"give a count after each option, e.g. {_named_example(options)}",
        )
    return _count(word.group(), where, options), word.end()


def _once(option: str, counts: dict[str, int], where: str, options: Sequence[str]) -> None:
    """An option counted twice is a slip: "Yes 3, Yes 4" saved Yes 4 and dropped the 3."""
    if option in counts:
        raise LiftkitError(
            f'{where}: "{option}" is given two counts',
            f"give each option one count, e.g. {_named_example(options)}",
        )


def _count(value: str, where: str, options: Sequence[str]) -> int:
    typed = value.strip()
    # isdecimal, not isdigit: "²" and "①" are digits int() refuses; "３０" (full width) it reads
    if not typed.isdecimal():
        if _PERCENT.fullmatch(typed):
            raise _percentages(where, options)
        raise LiftkitError(f'{where}: "{_shortened(typed)}" is not a count', counts_hint(options))
    # Leading zeros aside, as int() refuses more than 4,300 digits
    significant = typed.lstrip("".join(c for c in typed if decimal(c) == 0)) or "0"
    if len(significant) > len(str(MAX_COUNT)) or int(significant) > MAX_COUNT:
        # the journal would keep it, and the pack could not read it
        raise LiftkitError(
            f'{where}: "{_shortened(typed)}" is more answers than a poll can have',
            f"give the number of answers, at most {MAX_COUNT:,}",
        )
    return int(significant)


def _shortened(typed: str) -> str:
    return typed if len(typed) <= 30 else f"{typed[:29]}…"


def _percentages(where: str, options: Sequence[str]) -> LiftkitError:
    return LiftkitError(
        f"{where}: percentages are not counts",
        f"give the number of answers, e.g. {_examples(options)}",
    )


def _named_example(options: Sequence[str]) -> str:
    return ", ".join(f"{o}: {10 + i}" for i, o in enumerate(options))


def counts_hint(options: Sequence[str]) -> str:
    """How to give counts for these options, with examples that parse_counts reads."""
    return f"give one whole number per option ({', '.join(options)}), e.g. {_examples(options)}"


def _examples(options: Sequence[str]) -> str:
    return f"{_in_order(options)} or {_named_example(options)}"


def _in_order(options: Sequence[str]) -> str:
    return " ".join(str(10 + i) for i in range(len(options)))
