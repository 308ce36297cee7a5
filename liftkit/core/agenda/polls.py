"""Validating a segment's polls: a question, at least two different answers, and a kind."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from liftkit.core.agenda.durations import show_value
from liftkit.core.agenda.schema import POLL_KEYS, POLL_KINDS, Poll, Problem
from liftkit.core.agenda.tables import Table, type_name, unknown_keys
from liftkit.core.agenda.toml_source import LineIndex
from liftkit.core.errors import quoted

# Numbers an answer or a score can be: wider ones are typos, and would overflow an average.
MAX_ANSWER_NUMBER = 10**9


def build_poll(
    i: int,
    j: int,
    label: str,
    item: Mapping[str, Any],
    lines: LineIndex,
    problems: list[Problem],
    misplaced: Callable[[str], str | None] | None = None,
) -> Poll | None:
    count = len(problems)

    def problem(key: str | None, message: str) -> None:
        problems.append(Problem(lines.poll(i, j, key), f"{label}, poll {j + 1}: {message}"))

    table = Table(item, problem, unknown_keys(item, POLL_KEYS, problem, misplaced))
    question = item.get("question")
    if not isinstance(question, str) or not question.strip():
        if "question" not in table.meant or "question" in item:
            problem("question", 'needs a "question" as text')
        question = ""
    options = _options(table)
    kind = item.get("kind", "choice")
    if isinstance(kind, str) and kind.lower() in POLL_KINDS:
        kind = kind.lower()  # in any case, as a segment's kind: "Score" is "score"
    valid_kinds = f"valid poll kinds: {', '.join(POLL_KINDS)}"
    if not isinstance(kind, str):
        problem("kind", f'"kind" must be text, not {type_name(kind)}; {valid_kinds}')
    elif kind not in POLL_KINDS:
        problem("kind", f"unknown poll kind {quoted(kind)}; {valid_kinds}")
    elif kind == "score" and options and not all(_is_score(o) for o in options):
        wrong = next(o for o in options if not _is_score(o))
        problem(
            "options",
            'a "score" poll needs numbers as options, like ["1", "2", "3"]; '
            f"{quoted(wrong)} is not one",
        )
    if len(problems) > count:
        return None
    return Poll(question=question, options=tuple(options), kind=kind)


def _options(table: Table) -> list[str]:
    """The answers as text; numbers are fine as answers: options = [1, 2, 3, 4, 5]."""
    options = table.item.get("options")
    if isinstance(options, list):
        for value in options:
            if _is_number(value) and not _is_answer_number(value):
                table.problem(
                    "options",
                    f'"options": {show_value(value)} is not an answer; write numbers '
                    f"between -{MAX_ANSWER_NUMBER:,} and {MAX_ANSWER_NUMBER:,}, or text in quotes",
                )
                return []
        options = [_number_text(o) if _is_number(o) else o for o in options]
    if (
        not isinstance(options, list)
        or len(options) < 2
        or not all(isinstance(o, str) and o.strip() for o in options)
    ):
        if "options" not in table.meant or "options" in table.item:
            table.problem(
                "options", 'needs "options": a list of at least two answers, like ["Yes", "No"]'
            )
        return []
    # compared as counts are typed: "Yes" and "yes " are one answer (a count for one went to
    # the other, and the first count was lost)
    if len({" ".join(o.split()).casefold() for o in options}) != len(options):
        table.problem("options", '"options" has the same answer twice; make each option different')
    return options


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_answer_number(value: float) -> bool:
    return math.isfinite(value) and abs(value) <= MAX_ANSWER_NUMBER


def _is_score(option: str) -> bool:
    try:
        return _is_answer_number(float(option))
    except ValueError:
        return False


def _number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)
