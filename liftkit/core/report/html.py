"""The event pack as one self-contained HTML file to publish or print.

It is rendered from the same Markdown as the Markdown pack (markdown-it-py, CommonMark with
tables, raw HTML off), so the two say the same; the figures are drawn as inline SVG in place
of their tables and text bars. Nothing in it loads from the network: styles are inline,
fonts are the system's, images are shown by their description, and the page's security
policy forbids scripts and remote content. It reads on a phone and prints on A4 with each
section on a new page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html import escape
from typing import Any
from urllib.parse import unquote

from liftkit.core.agenda.language import DEFAULT
from liftkit.core.report.html_charts import CHART_FENCE, Drawing, SvgCharts
from liftkit.core.report.markdown import AFTER, BEFORE, UNPLACED, render_markdown
from liftkit.core.report.model import Report
from liftkit.core.text import url_pieces

POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
STYLE = """
:root { --ink: #1d2730; --muted: #5b6770; --accent: #1f5f8b; --paper: #fff; --soft: #f1f4f7;
  --text: 1.0625rem; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
/* sizes in rem, from the reader's own text size (17px, and 11pt in print, at the usual 16px;
   in px and pt, a reader who had made their browser's text larger got the pack's as set) */
body { margin: 0; background: var(--soft); color: var(--ink);
  font: var(--text)/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; }
main { max-width: 48rem; margin: 0 auto; padding: 1rem; }
section { background: var(--paper); border-radius: 10px; padding: 1.2rem 1.4rem;
  margin: 0 0 1rem; box-shadow: 0 1px 3px rgb(0 0 0 / 8%); }
section.cover { border-top: 6px solid var(--accent); }
h1 { font-size: 2.1rem; line-height: 1.2; margin: .3rem 0 1rem; color: var(--accent); }
h2 { font-size: 1.55rem; line-height: 1.25; margin: 0 0 .8rem; color: var(--accent); }
h3 { font-size: 1.15rem; margin: 1.4rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.1rem 0 .4rem; color: var(--muted); }
/* the host's headings under the title, as the h3 and h4 they looked like before they were
   numbered in order (h1 then h3 skipped a level) */
section.cover h2 { font-size: 1.15rem; line-height: inherit; margin: 1.4rem 0 .5rem;
  color: inherit; }
section.cover h3 { font-size: 1rem; margin: 1.1rem 0 .4rem; color: var(--muted); }
/* a word too long for the line breaks where it must, in a title or a #tag's heading too: one
   of 45 letters scrolled sideways on a phone, and the browser printed every page at 73% */
a, h1, h2, h3, h4 { overflow-wrap: anywhere; }
a { color: var(--accent); }
p, li { overflow-wrap: break-word; }
hr { border: 0; border-top: 1px solid #ccd3da; margin: 1.5rem 0; }
ul.quotes { list-style: none; padding: 0; display: grid; gap: .7rem;
  grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); align-items: start; }
ul.quotes > li.long { grid-column: 1 / -1; }
ul.quotes > li { background: var(--soft); border-left: 4px solid var(--accent);
  border-radius: 6px; padding: .6rem .8rem; font-style: italic; break-inside: avoid; }
ul.quotes > li, ul.legend li, td, th { unicode-bidi: plaintext; }
.table { overflow-x: auto; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .92rem; }
th, td { padding: .3rem .6rem; border-bottom: 1px solid #dfe4e8; text-align: left; }
td.value { white-space: nowrap; }  /* liftkit's own times and shares; text wraps */
/* a poll's question, as the paragraph it was before it named the table: a line's space
   above and below */
table.bars { width: 100%; margin-top: var(--text); }
table.bars caption { text-align: left; font-size: var(--text); margin-bottom: 1em; }
.unseen { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap; }  /* for screen readers: the agenda's name, which its heading says */
table.bars th { font-weight: 600; width: 30%; }
table.bars td.bar { width: 50%; }
table.bars svg { display: block; width: 100%; height: .9rem; border-radius: 3px; }
table.bars span, .legend span { color: var(--muted); }
figure { margin: .8rem 0 1.2rem; }
figure.donut { display: flex; flex-wrap: wrap; gap: 1.2rem; align-items: center; }
figure.donut > svg { width: 10rem; height: 10rem; transform: rotate(0deg); }
ul.legend { list-style: none; padding: 0; margin: 0; }
ul.legend li { margin: .25rem 0; }
svg.swatch { width: .9rem; height: .9rem; vertical-align: -.1rem; margin-right: .4rem; }
.figures { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); }
figure.figure { background: var(--soft); border-radius: 10px; padding: 1rem; margin: 0;
  display: flex; gap: 1rem; align-items: center; break-inside: avoid; }
figure.figure .big { display: block; font-size: 2.6rem; line-height: 1.1; color: var(--accent); }
figure.figure figcaption { color: var(--muted); }
svg.gauge { width: 5rem; height: .8rem; flex: none; }
svg.ring { width: 4.5rem; height: 4.5rem; flex: none; transform: rotate(-90deg); }
.image { color: var(--muted); font-style: italic; }
@media (max-width: 30rem) {
  :root { --text: 1rem; } main { padding: .5rem; } section { padding: 1rem; }
  h1 { font-size: 1.7rem; }
}
@page { size: A4; margin: 16mm 15mm; }
@media print {
  :root { --text: .9167rem; } body { background: #fff; } main { max-width: none; padding: 0; }
  section { box-shadow: none; border-radius: 0; padding: 0; margin: 0; }
  section.cover { border-top: 0; }
  section + section { break-before: page; }
  section.segment + section.segment { break-before: auto; margin-top: 1.6rem;
    padding-top: 1.2rem; border-top: 1px solid #ccd3da; }
  section.runs-on { break-before: auto; margin-top: 1.6rem; padding-top: 1.2rem;
    border-top: 1px solid #ccd3da; }
  h2, h3, h4, section.runs-on h2 + p { break-after: avoid; }
  /* a poll's bars whole, under their question: "Yes" ended a page and "No" began the next;
     a breakdown's ring and legend whole, under its heading and sentence: "By Role", its
     sentence and first legend line ended a page and the ring began the next */
  table.bars, figure.donut { break-inside: avoid; }
  /* and with them, in one block: Chromium kept a sentence of three lines with its ring (by
     p:has(+ figure.donut) { break-after: avoid }) by breaking inside it, "By
     Organisation" and two lines of its sentence ending a page */
  div.breakdown { break-inside: avoid; }
  /* a segment's heading, prompt and first poll on one page: the heading and prompt ended
     a page and the poll began the next (break-after: avoid alone split the prompt) */
  div.opening { break-inside: avoid; }
  /* paper has no links: "Watch the recording" printed without where to watch it */
  a[href^="http"]:not(.url)::after { content: " (" attr(href) ")"; }
  /* paper does not scroll: a table a little too wide printed a scroll bar */
  .table { overflow: visible; }
  table { font-size: .7917rem; } th, td { padding: .25rem .4rem; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


SEGMENT_HEADING = re.compile(r"\d+\. ")  # "1. Introductions": a segment's section
# Where a drawing goes in the page as markdown-it writes it, until the page is written:
# markdown-it writes no NUL of its own (it reads one as U+FFFD).
PLACE = re.compile("\x00(\\d+)\x00")
# A segment's opening, when a poll comes first: the heading, the prompt if any, and the
# poll, its question the caption of its bars (a drawing's place).
OPENING = re.compile("[^<]*</h2>\n(?:<p>(?:(?!</p>).)*</p>\n)?\x00(\\d+)\x00", re.S)
POLL = '<table class="bars">'
# A breakdown: its heading, its sentence and its ring (a drawing's place), kept as one.
BREAKDOWN = re.compile(
    "<h3>(?:(?!</h3>).)*</h3>\n(?:<p>(?:(?!</p>).)*</p>\n)?\x00(\\d+)\x00\n", re.S
)
DONUT = '<figure class="chart donut">'


def render_html(report: Report) -> str:
    return "".join(html_chunks(report))


def html_chunks(report: Report) -> Iterator[str]:
    """The page in pieces that add up to `render_html`'s, for writing to a file without ever
    holding the whole page: the quotes are drawn as they are written (a chat of 150,000
    messages made a page of 80 MB, held four times over as it was put together)."""
    charts = SvgCharts()
    source = render_markdown(report, charts)
    drawings = charts.drawings
    body = _markdown_html(source, len(drawings))
    # Each `##` part is a section: a card on screen, a new page in print, but for the
    # agenda's segments, which run on one after the other ("1. Introductions", "2. …": a
    # template of fourteen short steps gave fourteen pages, most of them empty). Participants'
    # text cannot hold "<h2>": markdown-it escapes every < that it did not write itself.
    first, *parts = body.split("<h2>")
    title = escape(report.headline or report.title or "Event pack")
    yield (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(report.language or DEFAULT)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        '<section class="cover">'
    )
    yield from _drawn(_levelled(first, 1), drawings)
    yield "</section>"
    # So do the short parts of what was said outside them: the chat before the session
    # opens the segments' run, and after the session (or noted without a segment) follows
    # the thanks, where each took a page for a line or two ("Thank you all!").
    # And any part of a line or two ("22 people joined.", "No evaluation results were
    # recorded."): a page each left a sparse pack mostly blank paper.
    for part in map(_levelled, parts):
        part = _breakdowns_whole(part, drawings)
        title = part.split("</h2>", 1)[0]
        segment = SEGMENT_HEADING.match(part)
        kind = ' class="segment"' if segment or title == BEFORE else ""
        if title in (AFTER, UNPLACED) or (not kind and _short(_sketch(part, drawings))):
            kind = ' class="runs-on"'
        opening = OPENING.match(part) if segment else None
        if opening is None or not str(drawings[int(opening.group(1))]).startswith(POLL):
            yield f"\n<section{kind}><h2>"
            yield from _drawn(part, drawings)
        else:
            yield f'\n<section{kind}><div class="opening"><h2>'
            yield from _drawn(opening.group(), drawings)
            yield "</div>"
            yield from _drawn(part[opening.end() :], drawings)
        yield "</section>"
    yield "\n</main>\n</body>\n</html>\n"


def _breakdowns_whole(part: str, drawings: list[Drawing]) -> str:
    """A part with each breakdown's heading, sentence and ring in one block, that print
    never splits (see STYLE)."""
    if "<h3>" not in part or "\x00" not in part:
        return part  # most parts: no breakdown

    def whole(found: re.Match[str]) -> str:
        drawing = drawings[int(found.group(1))]
        if not isinstance(drawing, str) or not drawing.startswith(DONUT):
            return found.group()
        return f'<div class="breakdown">{found.group()}</div>\n'

    return BREAKDOWN.sub(whole, part)


HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>")


def _levelled(part: str, top: int = 2) -> str:
    """A part with no heading level skipped below its own (`top`): the host's `###` under the
    title (the opening's "Why we met") is the cover's h2, and a `####` under a segment's h2
    is an h3; headings under them follow, each level as far below as the host wrote it."""
    written: list[tuple[int, int]] = [(top, top)]  # (level written, level shown), nested

    def shown(heading: re.Match[str]) -> str:
        level = int(heading.group(1))
        while len(written) > 1 and written[-1][0] >= level:
            written.pop()
        new = level if level <= written[0][0] else written[-1][1] + 1
        written.append((level, new))
        return f"<h{new}>{heading.group(2)}</h{new}>"

    return HEADING.sub(shown, part)


def _drawn(part: str, drawings: list[Drawing]) -> Iterator[str]:
    """A part of the page with each drawing in its place."""
    for i, piece in enumerate(PLACE.split(part)):
        if i % 2 == 0:
            yield piece
        else:
            drawing = drawings[int(piece)]
            yield from [drawing] if isinstance(drawing, str) else drawing


def _sketch(part: str, drawings: list[Drawing]) -> str:
    """A part as `_short` reads it: a list of quotes by its opening tag alone."""

    def drawn(place: re.Match[str]) -> str:
        drawing = drawings[int(place.group(1))]
        return drawing if isinstance(drawing, str) else drawing.head

    return PLACE.sub(drawn, part)


SHORT_PART = 240  # characters of plain text: a part this short shares the page before


def _short(part: str) -> bool:
    """A part of a few lines of text: no table, chart, list or quote, whose page it needs."""
    body = part.split("</h2>", 1)[-1]
    if re.search(r"<(table|svg|figure|ul|ol|blockquote|pre)\b", body):
        return False
    return len(re.sub(r"<[^>]+>", "", body).strip()) <= SHORT_PART


def _markdown_html(source: str, drawings: int) -> str:
    """The page's HTML, with the place of each of the `drawings` marked (see PLACE)."""
    from markdown_it import MarkdownIt  # comes with rich; only the HTML pack needs it

    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    default_fence = md.renderer.rules["fence"]  # type: ignore[attr-defined]

    def fence(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        number = token.content.strip()
        if token.info.strip() == CHART_FENCE and number.isdigit() and int(number) < drawings:
            return f"\x00{int(number)}\x00\n"
        return str(default_fence(tokens, idx, options, env))

    def image(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        # An image would load from the network: its description shows instead.
        alt = "".join(child.content for child in tokens[idx].children or [])
        return f'<span class="image">[image: {escape(alt or "no description")}]</span>'

    def table_open(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        return '<div class="table"><table>\n'

    def table_close(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        return "</table></div>\n"

    md.add_render_rule("fence", fence)
    md.add_render_rule("image", image)
    md.add_render_rule("table_open", table_open)
    md.add_render_rule("table_close", table_close)
    tokens = md.parse(source)
    _mark_quote_lists(tokens)
    _link_bare_addresses(tokens, md.normalizeLink)
    _mark_bare_links(tokens)
    return str(md.renderer.render(tokens, md.options, {}))


def _mark_quote_lists(tokens: list[Any]) -> None:
    """Lists whose every item opens with “ are quotes: shown as cards."""
    for i, token in enumerate(tokens):
        if token.type != "bullet_list_open":
            continue
        items, depth = [], 0
        for later in tokens[i + 1 :]:
            if later.type == "bullet_list_close" and depth == 0:
                break
            depth += later.type.endswith("list_open") - later.type.endswith("list_close")
            if later.type == "inline" and depth == 0:
                items.append(later.content)
        if items and all(item.startswith("“") for item in items):
            token.attrSet("class", "quotes")


def _link_bare_addresses(tokens: list[Any], normalized: Callable[[str], str]) -> None:
    """A bare web address in the host's words ("Next time: https://example.org/next.") is
    a link, as Markdown viewers show it: the address alone, without the sentence's full
    stop, comma or closing bracket (participants' words have theirs written `<https://…>`)."""
    from markdown_it.token import Token

    for token in tokens:
        if token.type != "inline" or not token.children or "://" not in token.content:
            continue
        children, inside = [], 0
        for child in token.children:
            inside += (child.type == "link_open") - (child.type == "link_close")
            if child.type != "text" or inside or "://" not in child.content:
                children.append(child)
                continue
            for piece, url in url_pieces(child.content):
                if url:
                    children += [
                        Token("link_open", "a", 1, attrs={"href": normalized(piece)},
                              markup="autolink", info="auto"),
                        Token("text", "", 0, content=piece),
                        Token("link_close", "a", -1, markup="autolink", info="auto"),
                    ]  # fmt: skip
                elif piece:
                    children.append(Token("text", "", 0, content=piece))
        token.children = children


def _mark_bare_links(tokens: list[Any]) -> None:
    """Links that show their own address (`<https://…>`, `[https://…](https://…)`) are of
    class "url": print writes the address after every other link to the web."""
    for token in tokens:
        children = token.children or []
        for i, child in enumerate(children):
            if child.type != "link_open":
                continue
            shown = []
            for later in children[i + 1 :]:
                if later.type == "link_close":
                    break
                shown.append(later.content)
            href = str(child.attrGet("href") or "")
            if child.markup == "autolink" or "".join(shown).strip() in (href, unquote(href)):
                child.attrSet("class", "url")
