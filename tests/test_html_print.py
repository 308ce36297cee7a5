"""The HTML pack as a reader meets it: printed by a real headless Chromium (installed by
.ci/run) and read back page by page, and parsed as a browser or a screen reader would."""

import re
from pathlib import Path

import pytest
from test_export_cli import write
from test_export_html import CHROMIUM, POPPLER, printed_pages

DATA = Path(__file__).parent / "data"
HOSTED = DATA / "sessions" / "2026-03-09-135958-hosted-community-event"
needs_a_browser = pytest.mark.skipif(
    not (CHROMIUM and POPPLER), reason="needs chromium and poppler-utils"
)

# Forty attendees by four columns, the longest legends first: "By Role" begins near the
# foot of the pack's second page.
FOUR_BREAKDOWNS = {
    "Sector": {
        "Other": 9, "Police": 6, "Education": 5, "Academic": 4, "Local government": 4,
        "Health care": 3, "Social services": 3, "Third sector": 3, "Housing": 2,
        "Private sector": 1,
    },
    "Region": {
        "Highland": 8, "Ayrshire": 7, "Borders": 7, "Tayside": 5, "Fife": 4, "Glasgow": 3,
        "Grampian": 3, "Lothian": 2, "Lanarkshire": 1,
    },
    "Role": {
        "Trainer": 9, "Analyst": 8, "Nurse": 7, "Social worker": 5, "Doctor": 4, "Director": 3,
        "Manager": 3, "Therapist": 1,
    },
    "Years": {"10-20": 11, "20+": 7, "1-3": 6, "3-5": 6, "<1": 6, "5-10": 4},
}  # fmt: skip


def attendees(path: Path, columns: dict[str, dict[str, int]]) -> Path:
    values = [[v for v, k in counts.items() for _ in range(k)] for counts in columns.values()]
    rows = [",".join([f"Person {n}", *row]) for n, row in enumerate(zip(*values, strict=True))]
    return write(path, "\n".join([",".join(["Name", *columns]), *rows]) + "\n")


@needs_a_browser
def test_a_breakdown_s_ring_prints_whole_with_its_heading(cli, tmp_path):
    """ "By Role", its sentence and the first line of its legend ended the second page, and
    the ring and the rest of the legend began the third: now the heading, the sentence, the
    ring and every line of the legend share a page, for each breakdown."""
    people = attendees(tmp_path / "people.csv", FOUR_BREAKDOWNS)
    pack = tmp_path / "pack.html"
    by = [arg for column in FOUR_BREAKDOWNS for arg in ("--by", column)]
    result = cli("export", str(HOSTED), "--attendees", str(people), *by, "-o", str(pack))
    assert result.exit_code == 0, result.output
    html = pack.read_text(encoding="utf-8")
    assert re.search(r"\n  [^\n{]*figure\.donut[^\n{]* \{ break-inside: avoid; \}", html)
    pages = printed_pages(pack, tmp_path)
    for column, counts in FOUR_BREAKDOWNS.items():
        (page,) = [page for page in pages if f"By {column} By {column.lower()}:" in page]
        for value, count in counts.items():
            assert re.search(rf"{re.escape(value)} \d+% \({count}\)", page), (column, value)
