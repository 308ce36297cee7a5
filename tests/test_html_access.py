"""The HTML pack for keyboard users and for readers who cannot tell its colours apart: the
agenda's scrolled table is reached with Tab and named; a donut's neighbouring slices differ
in lightness (printed in grey, seen with protanopia) and are parted by a thin white line."""

import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from subprocess import run

import pytest

HOSTED = Path(__file__).parent / "data" / "sessions" / "2026-03-09-135958-hosted-community-event"
# Protanopia in linear RGB (Machado, Oliveira and Fernandes 2009, severity 1).
PROTAN = ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
          (-0.003882, -0.048116, 1.051998))  # fmt: skip


def pack(*options: str) -> str:
    done = run(
        [sys.executable, "-m", "liftkit", "export", str(HOSTED), "-f", "html", *options],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def luminance(colour: str, protan: bool = False) -> float:
    def linear(v: int) -> float:
        v /= 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    rgb = [linear(int(colour[i : i + 2], 16)) for i in (1, 3, 5)]
    if protan:
        rgb = [min(max(sum(m * c for m, c in zip(row, rgb, strict=True)), 0), 1) for row in PROTAN]
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]


def ratio(a: str, b: str, protan: bool = False) -> float:
    high, low = sorted((luminance(a, protan), luminance(b, protan)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_agenda_table_is_reached_by_the_keyboard_and_named():
    """At 320 px the table scrolls sideways in its .table box, which Tab never reached
    (axe: scrollable-region-focusable)."""
    parser = Tags()
    parser.feed(pack())
    boxes = [a for tag, a in parser.tags if tag == "div" and a.get("class") == "table"]
    assert boxes
    for box in boxes:
        assert box.get("tabindex") == "0" and box.get("role") == "region", box
        assert (box.get("aria-label") or "").startswith("The agenda as run"), box


@pytest.mark.parametrize("column", ["Sector", "Organisation"])
def test_neighbouring_slices_differ_in_lightness_and_are_parted(column):
    """Orange #e07b39 beside green #3a9d6e was 1.13:1 in luminance (one grey in print), and
    blue #1f5f8b beside magenta #b8418f, neighbours round a ring of four, 1.04:1 as
    protanopia sees them."""
    (ring,) = re.findall(
        r'<figure class="chart donut"><svg [^>]*>(.*?)</svg>', pack("--by", column)
    )
    colours = re.findall(r'<circle [^>]*stroke="(#[0-9a-f]{6})"', ring)
    assert len(colours) >= 4
    for i, colour in enumerate(colours):
        after = colours[(i + 1) % len(colours)]  # round the ring: the last meets the first
        for protan in (False, True):
            assert ratio(colour, after, protan) >= 1.5, (column, colour, after, protan)
    gaps = re.findall(r'<line [^>]*stroke="#ffffff"', ring)
    assert len(gaps) == len(colours)
