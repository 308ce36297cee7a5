"""A breakout's `round_questions`: one entry per round of a breakout of several rounds,
each a text or a list of texts (a World Café's new question each round)."""

from __future__ import annotations

from liftkit.core.agenda.tables import Table

ROUND_QUESTIONS_LIKE = 'like ["First round?", ["Second round?", "And then?"]]'


def build_round_questions(
    table: Table, kind: str, rounds: int | None
) -> tuple[tuple[str, ...], ...]:
    """`round_questions`: one entry per round of a breakout of several, each a text or a
    list of texts (a World Café's new question each round)."""
    if "round_questions" not in table.item:
        return ()
    raw = table.item["round_questions"]
    entries = raw if isinstance(raw, list) else None
    if entries is None or not all(
        isinstance(e, str) or (isinstance(e, list) and all(isinstance(q, str) for q in e))
        for e in entries
    ):
        table.problem(
            "round_questions",
            '"round_questions" must be a list with one entry per round, each a text or a list '
            f"of texts, {ROUND_QUESTIONS_LIKE}",
        )
        return ()
    asked = tuple((e,) if isinstance(e, str) else tuple(e) for e in entries)
    blank = next((n for n, texts in enumerate(asked, 1) if not all(map(str.strip, texts))), 0)
    if kind != "breakout":
        table.problem(
            "round_questions",
            '"round_questions" only applies to breakout segments of several rounds; add '
            'kind = "breakout" and rounds = N, or put the questions in "questions"',
        )
    elif "rounds" not in table.item or rounds == 1:
        table.problem(
            "round_questions",
            f'"round_questions" asks each round its own questions, but the segment has one '
            f'round; add rounds = {max(len(asked), 2)}, or put the questions in "questions"',
        )
    elif rounds is not None and len(asked) != rounds:
        table.problem(
            "round_questions",
            f'"round_questions" has {len(asked)} entr{"y" if len(asked) == 1 else "ies"} for '
            f"{rounds} rounds; give one entry per round (a text, or a list of texts)",
        )
    elif blank:  # "" showed the host an empty question: a round with none of its own is []
        alone = isinstance(entries[blank - 1], str) or not any(map(str.strip, asked[blank - 1]))
        instead = "[] for a round with no questions of its own" if alone else "leave it out"
        table.problem(
            "round_questions",
            f'"round_questions" has a blank question for round {blank}; write the question, '
            f"or {instead}",
        )
    return asked
