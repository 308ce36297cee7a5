"""Knuth's Algorithm X for the bench programs that search exhaustively (pg34_packing.py,
mols10_fifth_exact.py): rows that cover every primary column exactly once and any other
column at most once. The column with the fewest rows left is branched on first (ties to
the column met first), its rows in sorted order, so the answer is the same on every run."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping, Sequence
from typing import Any


def exact_cover(
    rows: Mapping[Any, Sequence[Hashable]],
    primary: Collection[Hashable] | None = None,
    first: Sequence[Any] = (),
) -> list[Any] | None:
    """The rows of a cover, `first` (chosen before the search) among them; None if there is
    none. Every column is primary unless `primary` names them."""
    columns: dict[Hashable, list[Any]] = {}
    for row, cover in rows.items():
        for column in cover:
            columns.setdefault(column, []).append(row)
    must = set(columns) if primary is None else set(primary)
    live = {column: set(columns.get(column, ())) for column in [*columns, *must]}
    place = {column: i for i, column in enumerate(live)}

    def select(row: Any) -> list[set[Any]]:
        removed = []
        for column in rows[row]:
            for other in live[column]:
                for c in rows[other]:
                    if c != column:
                        live[c].discard(other)
            removed.append(live.pop(column))
        return removed

    def deselect(row: Any, removed: list[set[Any]]) -> None:
        for column in reversed(rows[row]):
            live[column] = removed.pop()
            for other in live[column]:
                for c in rows[other]:
                    if c != column:
                        live[c].add(other)

    chosen = list(first)
    for row in first:
        select(row)

    def solve() -> bool:
        open_columns = [c for c in live if c in must]
        if not open_columns:
            return True
        column = min(open_columns, key=lambda c: (len(live[c]), place[c]))
        for row in sorted(live[column]):
            chosen.append(row)
            removed = select(row)
            if solve():
                return True
            deselect(row, removed)
            chosen.pop()
        return False

    return chosen if solve() else None
