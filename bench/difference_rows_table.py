"""Write liftkit/core/groups/difference_rows.txt from bench/difference_rows_search.c's lines.

    python bench/difference_rows_table.py SWEEP [MORE ...] > liftkit/core/groups/difference_rows.txt

MORE files hold lines of `difference_rows_search more`, which looks for one more round on a
pair (lines "k s R: none" are skipped); a line with more rounds for a pair wins.

Keeps, for each number of rooms k, the matrices that no other one beats in both rows and
rounds (cutting rows or rounds off a matrix keeps it valid), and only those giving more
rounds than Z_k's multipliers (designs.cyclic_multipliers). Every line is checked first.
"""

from __future__ import annotations

import sys

from liftkit.core.groups.designs import cyclic_multipliers
from liftkit.core.groups.difference_rows import injective

HEADER = """\
# Difference rows over Z_k, read by liftkit/core/groups/difference_rows.py: transversal rows
# for k rooms (k not a prime power) on s rows, one line a matrix, "k s rounds: " and its
# rounds' shifts (s numbers each), "/" between rounds. Point (i, j) goes to room
# j + shift[i] mod k; every two rounds' shifts differ by a different amount at every row, so
# no pair meets twice. Found by bench/difference_rows_search.c (a tabu search, 2026-12-02:
# its sweep, then `more` for 14 rooms of 8 and of 9) and written by
# bench/difference_rows_table.py, which keeps the matrices no other one beats in both rows
# and rounds. After "#", the rounds Z_k's multipliers give.
"""


def main(paths: list[str]) -> None:
    found: dict[tuple[int, int], list[list[int]]] = {}
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                head, body = line.split(":", 1)
                if body.strip() == "none":
                    continue
                k, s, rounds = (int(x) for x in head.split())
                rows = [[int(x) for x in row.split()] for row in body.split("/")] if rounds else []
                if len(rows) != rounds or any(len(r) != s for r in rows) or not injective(k, rows):
                    sys.exit(f"{path}: the line for k={k}, s={s} fails its check")
                if len(rows) >= len(found.get((k, s), [])):
                    found[(k, s)] = rows
    out = [HEADER]
    for (k, s), rows in sorted(found.items()):
        linear = len(cyclic_multipliers(k, s, k))
        beaten = any(
            other_k == k and other_s > s and len(other) >= len(rows)
            for (other_k, other_s), other in found.items()
        )
        if len(rows) > linear and not beaten:
            matrix = " / ".join(" ".join(str(x) for x in row) for row in rows)
            out.append(f"{k} {s} {len(rows)}: {matrix}  # {linear}\n")
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main(sys.argv[1:])
