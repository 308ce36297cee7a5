"""The pack's figures drawn for the HTML pack: inline SVG, so they print, with their numbers
as text beside them. Every label is escaped: attendee files and polls hold typed text."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from html import escape
from typing import Any, Generic, TypeVar

from liftkit.core.people.apart import for_pack
from liftkit.core.report.markdown_parts import (
    Charts,
    fenced,
    recommend_to,
    score_for,
    score_text,
)
from liftkit.core.report.model import Breakdown, PollResult, Quote, without_tags
from liftkit.core.text import isolated, one_line, plural, url_pieces

CHART_FENCE = "liftkit-chart"
# Dark, light and middle in turn, each unlike the first (which every last slice meets round
# the ring) in lightness: neighbours differ by 1.5:1 or more in luminance, printed in grey
# and as protanopia sees them (orange beside green was 1.13:1, blue beside magenta 1.04:1).
PALETTE = ("#1f5f8b", "#e8c547", "#3a9d6e", "#9ecae1", "#7a6fd0", "#f4a582", "#8c8c8c")
GREY = "#d9dee3"


LONG_QUOTE = 280  # characters: a longer quote takes a whole row, not a tall narrow card
CARDS_AT_A_TIME = 1000  # quotes drawn into one piece of the page as it is written

Item = TypeVar("Item")


def _item(text: str) -> str:
    return '<li class="long">' if len(text) > LONG_QUOTE else "<li>"


class Cards(Generic[Item]):
    """A list of quotes as cards, drawn as the page is written, CARDS_AT_A_TIME at a time:
    a chat of 150,000 messages is never held as one string of HTML (the Markdown pack's
    quotes are made as they are written too)."""

    head = '<ul class="quotes">'

    def __init__(self, items: Sequence[Item], card: Callable[[Item], str]) -> None:
        self.items, self.card = items, card

    def __iter__(self) -> Iterator[str]:
        yield self.head
        for start in range(0, len(self.items), CARDS_AT_A_TIME):
            yield "".join(map(self.card, self.items[start : start + CARDS_AT_A_TIME]))
        yield "</ul>"


Drawing = str | Cards[Any]


class SvgCharts(Charts):
    """Charts that leave a numbered placeholder fence in the Markdown; the HTML renderer
    puts the drawing (`drawings[n]`) in its place. The tables they draw replace are left out.
    Quote lists are written as HTML here too: the same text, escaped once, and 50,000 quotes
    need not go through the Markdown parser."""

    def quotes(self, quotes: Iterable[Quote], named: bool) -> list[str]:
        listed = quotes if isinstance(quotes, Sequence) else list(quotes)
        card = functools.partial(_quote_card, named=named)
        return self._place(Cards(listed, card))[:-1] if listed else []

    def answers(self, answers: Iterable[str]) -> list[str]:
        listed = answers if isinstance(answers, Sequence) else list(answers)
        return self._place(Cards(listed, _answer_card))[:-1] if listed else []

    def __init__(self) -> None:
        self.drawings: list[Drawing] = []

    def _place(self, html: Drawing) -> list[str]:
        self.drawings.append(html)
        return [*fenced(CHART_FENCE, [str(len(self.drawings) - 1)]), ""]

    def table(self, data: Breakdown, label: str, unit: str) -> list[str]:
        return []

    def breakdown(self, data: Breakdown) -> list[str]:
        return self._place(donut(data))

    def agenda(
        self, caption: str, headers: list[str], rows: list[list[str]], right: set[int]
    ) -> list[str]:
        return self._place(agenda_table(caption, headers, rows, right))

    def poll(self, poll: PollResult, count: str) -> list[str]:
        asked = f"<strong>Poll:</strong> {escape(one_line(poll.question))}{escape(count)}"
        return self._place(bars(poll.breakdown, asked))

    def feedback(self, polls: Sequence[PollResult]) -> list[str]:
        cards = []
        scores = [p for p in polls if p.average is not None]
        for score in scores:
            scale = score.scale or 5
            answers = plural(score.breakdown.total, "answer")
            cards.append(
                _card(
                    score_text(score),
                    f"average score{score_for(score, len(scores), False)} ({answers})",
                    _gauge((score.average or 0) / scale if scale else 0),
                )
            )
        for recommend in (p for p in polls if p.recommend_percent is not None):
            percent = recommend.recommend_percent or 0
            first, total = recommend.breakdown.rows[0].count, recommend.breakdown.total
            cards.append(
                _card(
                    f"{percent}%",
                    f"would recommend it{recommend_to(recommend.question, False)} "
                    f"({first} of {total})",
                    _ring(percent),
                )
            )
        if not cards:
            return []
        return self._place(f'<div class="figures">{"".join(cards)}</div>')


def _card(figure: str, caption: str, drawing: str) -> str:
    """A large figure and what it counts, the figure's caption (its name to a screen reader:
    a figcaption inside a div was none)."""
    return (
        f'<figure class="figure">{drawing}<figcaption><strong class="big">{escape(figure)}'
        f"</strong> {escape(caption)}</figcaption></figure>"
    )


def _gauge(share: float) -> str:
    width = max(0.0, min(1.0, share)) * 100
    return (
        '<svg class="gauge" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">'
        f'<rect width="100" height="10" rx="5" fill="{GREY}"/>'
        f'<rect width="{width:.1f}" height="10" rx="5" fill="{PALETTE[2]}"/></svg>'
    )


def _ring(percent: int) -> str:
    return (
        '<svg class="ring" viewBox="0 0 42 42" aria-hidden="true">'
        f'<circle cx="21" cy="21" r="15.9155" fill="none" stroke="{GREY}" stroke-width="6"/>'
        f'<circle cx="21" cy="21" r="15.9155" fill="none" stroke="{PALETTE[2]}" '
        f'stroke-width="6" stroke-dasharray="{percent} {100 - percent}" '
        'stroke-dashoffset="25"/></svg>'
    )


REST = PALETTE[-1]  # the mid grey: past the other colours, every value shares it


def donut(data: Breakdown) -> str:
    """A donut of the shares, with a legend giving each label, percent and count. Each of
    the first values has a colour of its own; with more values than colours, the rest share
    the last, grey, as one part of the ring (ten organisations: the eighth took the first's
    blue, and no reader could tell which slice was whose)."""
    legend = []
    shown = [r for r in data.rows if r.count]
    own = len(shown) if len(shown) <= len(PALETTE) else len(PALETTE) - 1
    slices = [(PALETTE[i], row.count) for i, row in enumerate(shown[:own])]
    if shown[own:]:  # one slice for the rest: no seams between slices of one colour
        slices.append((REST, sum(row.count for row in shown[own:])))
    # Drawn from the counts, not the legend's rounded percents: twelve organisations, one
    # of 17% and eleven of 8%, added up to 97% and left a gap at the top of the ring.
    total = sum(count for _, count in slices)
    circles, done = [], 0
    for colour, count in slices:
        start, done = 100 * done / total, done + count
        share = 100 * done / total - start
        circles.append(
            f'<circle cx="21" cy="21" r="15.9155" fill="none" stroke="{colour}" '
            f'stroke-width="8" stroke-dasharray="{_length(share)} {_length(100 - share)}" '
            f'stroke-dashoffset="{_length(25 - start)}"/>'
        )
    if len(slices) > 1:  # a thin white gap where one slice meets the next
        circles += [_gap(100 * sum(c for _, c in slices[:i]) / total) for i in range(len(slices))]
    for i, row in enumerate(shown):
        colour = PALETTE[i] if i < own else REST
        legend.append(
            f'<li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" '
            f'height="10" fill="{colour}"/></svg>{escape(isolated(one_line(row.label)))} '
            f"<b>{row.percent}%</b> <span>({row.count})</span></li>"
        )
    return (
        f'<figure class="chart donut"><svg viewBox="0 0 42 42" role="img" '
        f'aria-label="{escape(one_line(data.title))}">{"".join(circles)}</svg>'
        f'<ul class="legend">{"".join(legend)}</ul></figure>'
    )


def _gap(at: float) -> str:
    """A white line across the ring at `at` (of 100, clockwise from the top)."""
    angle = 2 * math.pi * at / 100 - math.pi / 2
    inner, outer = 11.5, 20.4  # either side of the ring's 8 wide stroke at 15.9155
    x1, y1 = 21 + inner * math.cos(angle), 21 + inner * math.sin(angle)
    x2, y2 = 21 + outer * math.cos(angle), 21 + outer * math.sin(angle)
    return (
        f'<line x1="{x1:.3f}" y1="{y1:.3f}" x2="{x2:.3f}" y2="{y2:.3f}" stroke="#ffffff" '
        'stroke-width="0.6"/>'
    )


TITLE = 1  # the agenda's column of segment titles: the others are numbers, times and lengths


def agenda_table(caption: str, headers: list[str], rows: list[list[str]], right: set[int]) -> str:
    """The agenda as run, as markdown-it writes a table, its times and lengths marked as
    figures, which never break over two lines (a host's own tables wrap: text of theirs
    kept on one line widened the page, and the browser shrank every printed page to fit).
    Its caption names it to a screen reader; on the page, the heading above says it."""

    def cells(tag: str, row: list[str], head: bool = False) -> str:
        out = []
        for i, text in enumerate(row):
            value = ' class="value"' if i != TITLE and not head else ""
            align = ' style="text-align:right"' if i in right else ""
            out.append(f"<{tag}{value}{align}>{escape(one_line(text))}</{tag}>\n")
        return "<tr>\n" + "".join(out) + "</tr>\n"

    return (
        # scrolled sideways in a narrow window (320 px): reached by the keyboard, and named
        f'<div class="table" tabindex="0" role="region" aria-label="{escape(caption)}">'
        f'<table class="agenda">\n<caption class="unseen">{escape(caption)}'
        f"</caption>\n<thead>\n{cells('th', headers, True)}"
        f"</thead>\n<tbody>\n{''.join(cells('td', row) for row in rows)}</tbody>\n</table></div>"
    )


def _length(length: float) -> str:
    """A length along the ring (of 100) to a thousandth: "25", "8.333"."""
    return f"{length:.3f}".rstrip("0").rstrip(".")


def bars(data: Breakdown, caption: str) -> str:
    """One bar per answer, as long as its share of the votes, with the share and the votes
    as text beside it, under the poll's question as its `caption` (HTML)."""
    rows = []
    for row in data.rows:
        rows.append(
            f'<tr><th scope="row">{escape(isolated(one_line(row.label)))}</th><td class="bar">'
            '<svg viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">'
            f'<rect width="100" height="8" fill="{GREY}"/>'
            f'<rect width="{row.percent}" height="8" fill="{PALETTE[0]}"/></svg></td>'
            f'<td class="value">{row.percent}% <span>({row.count})</span></td></tr>'
        )
    return f'<table class="bars"><caption>{caption}</caption>{"".join(rows)}</table>'


def _quote_card(quote: Quote, named: bool) -> str:
    return f"{_item(quote.text)}{quote_html(quote, named)}</li>"


def _answer_card(answer: str) -> str:
    return f"{_item(answer)}“{linked(one_line(answer))}”</li>"


def linked(text: str) -> str:
    """Typed text escaped, with its web addresses as links (the Markdown's autolinks)."""
    if "://" not in text:  # most quotes: as fast as before links were drawn
        return escape(text)
    return "".join(
        f'<a class="url" href="{escape(piece)}">{escape(piece)}</a>' if url else escape(piece)
        for piece, url in url_pieces(text)
    )


def quote_html(quote: Quote, named: bool) -> str:
    """A quote as the Markdown shows it (markdown_parts.quote_item), escaped for HTML."""
    said = linked(without_tags(quote.text, quote.tags)).replace("\n", "<br>\n")
    out = f"“{said}”"
    if quote.author and named:
        out += f" — {escape(for_pack(quote.author))}"
    if quote.waiting_room:
        out += " (to the waiting room)"
    elif quote.private_to is not None:
        out += (
            f" (direct message to {escape(one_line(quote.private_to))})"
            if named
            else (" (direct message)")
        )
    return out
