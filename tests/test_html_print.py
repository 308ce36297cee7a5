"""The HTML pack as a reader meets it: printed by a real headless Chromium (installed by
.ci/run) and read back page by page, and parsed as a browser or a screen reader would."""

import html
import itertools
import re
import subprocess
from html.parser import HTMLParser
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


def opening(column: str, counts: dict[str, int]) -> str:
    """The heading ("By Role") and the first share of the sentence under it ("Nurse 30%")."""
    return rf"By {column} (?:{'|'.join(map(re.escape, counts))}) \d+%"


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
        (page,) = [page for page in pages if re.search(opening(column, counts), page)]
        for value, count in counts.items():
            assert re.search(rf"{re.escape(value)} \d+% \({count}\)", page), (column, value)


# 75 people of 16 organisations and 7 sectors: the sentence over "By Organisation"'s ring is
# three lines long, and the part began near the foot of the page.
LONG_SENTENCE = {
    "Sector": {f"Sector {n}": 11 if n < 5 else 10 for n in range(7)},
    "Organisation": {
        "Alzheimer Scotland": 7, "Angus HSCP": 7, "Healthcare Improvement Scotland": 7,
        "NHS Tayside": 7, "Fife HSCP": 6, "NHS Borders": 6, "NHS Grampian": 6, "NHS Orkney": 6,
        "Public Health Scotland": 6, "Scottish Fire and Rescue": 6,
        "Single Homeless Project": 6, "Age Scotland": 1, "Dundee City Council": 1,
        "NHS Fife": 1, "NHS Lothian": 1, "Research for Real": 1,
    },
}  # fmt: skip


@needs_a_browser
def test_a_breakdown_s_long_sentence_prints_with_its_heading_and_ring(cli, tmp_path):
    """ "By Organisation" and the first two lines of its sentence ended a page; the third
    line, the ring and the legend began the next: the browser kept the sentence with the
    ring by breaking inside the sentence. Now the heading, the whole sentence, the ring and
    the legend share a page."""
    people = attendees(tmp_path / "people.csv", LONG_SENTENCE)
    pack = tmp_path / "pack.html"
    by = [arg for column in LONG_SENTENCE for arg in ("--by", column)]
    result = cli("export", str(HOSTED), "--attendees", str(people), *by, "-o", str(pack))
    assert result.exit_code == 0, result.output
    pages = printed_pages(pack, tmp_path)
    for column, counts in LONG_SENTENCE.items():
        (page,) = [page for page in pages if re.search(opening(column, counts), page)]
        last = list(counts)[-1]
        assert re.search(rf"and {re.escape(last)} \d+%\.", page), column  # its end
        for value, count in counts.items():
            assert re.search(rf"{re.escape(value)} \d+% \({count}\)", page), (column, value)


def printed_words(pack: Path, tmp_path: Path) -> dict[str, list[tuple[int, float, float]]]:
    """Where the browser printed each word: (page from 1, top, height in points), each time."""
    from test_export_html import browser

    pdf = tmp_path / f"{pack.stem}.pdf"
    browser(pack, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout  # fmt: skip
    words: dict[str, list[tuple[int, float, float]]] = {}
    page = 0
    for line in xml.splitlines():
        page += "<page " in line
        box = re.search(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', line)
        if box:
            top, bottom = float(box.group(1)), float(box.group(2))
            words.setdefault(html.unescape(box.group(3)), []).append((page, top, bottom - top))
    return words


LONG_CELL = (
    "A team of ward leaders who shared how they protect mealtimes and make space for "
    "reflection every fortnight"
)


@needs_a_browser
def test_a_host_s_table_of_long_text_wraps_and_prints_at_full_size(cli, tmp_path):
    """A table in the narrative whose last column held a sentence: every last cell was kept
    on one line, the page grew wider than A4, and the browser printed every page at 86% to
    fit it. Only liftkit's own times and shares stay on one line; the host's text wraps."""
    session = DATA / "sessions" / "2026-03-10-122958-community-conversation"
    words = write(tmp_path / "words.md", "# Title\n\n## Who joined\n\nOur partners:\n\n"
                  "| Partner | What they brought |\n| --- | --- |\n"
                  f"| NHS Tayside | {LONG_CELL} |\n| Alzheimer Scotland | Carers |\n")  # fmt: skip
    table, plain = tmp_path / "table.html", tmp_path / "plain.html"
    made = cli("export", str(session), "--narrative", str(words), "-o", str(table))
    assert made.exit_code == 0, made.output
    assert cli("export", str(session), "-o", str(plain)).exit_code == 0
    printed, alone = printed_words(table, tmp_path), printed_words(plain, tmp_path)
    # "12 people joined" and the times of the agenda as run print at the size they do
    # without the host's table
    for word in ("people", "12:35:10"):
        assert printed[word][0][2] == pytest.approx(alone[word][0][2], rel=0.01), word
    (ward,), (fortnight,) = printed["ward"], printed["fortnight"]
    assert ward[1] < fortnight[1]  # the cell's text wraps: its last word on a line below
    # the agenda's times and lengths still never break
    page = plain.read_text(encoding="utf-8")
    assert "td.value { white-space: nowrap; }" in page
    assert '<td class="value" style="text-align:right">5m 10s</td>' in page


class Outline(HTMLParser):
    """The headings as a screen reader lists them: (level, text)."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[int, str]] = []
        self.level = 0
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.level = int(tag[1])
            self.headings.append((self.level, ""))

    def handle_endtag(self, tag):
        if re.fullmatch(r"h[1-6]", tag):
            self.level = 0

    def handle_data(self, data):
        if self.level:
            level, text = self.headings[-1]
            self.headings[-1] = (level, text + data)


def test_no_heading_level_is_skipped(cli, tmp_path):
    """The host's "### Why we met" under the title was an h3 after the h1, and a "####"
    under a segment an h4 after its h2: a screen reader's list of headings skipped a level.
    Each is now one level below the heading it is under, and looks as it did."""
    session = DATA / "sessions" / "2026-03-10-122958-community-conversation"
    words = write(tmp_path / "words.md", "# Why kindness\n\n## Opening\n\n### Why we met\n\n"
                  "Text.\n\n#### Who asked\n\nSam.\n\n### Watch the recording\n\n"
                  "[Recording](https://example.org/r)\n\n## Introductions\n\n#### In short\n\n"
                  "We said hello.\n")  # fmt: skip
    pack = tmp_path / "pack.html"
    result = cli("export", str(session), "--narrative", str(words), "-f", "html", "-o", str(pack))
    assert result.exit_code == 0, result.output
    page = pack.read_text(encoding="utf-8")
    outline = Outline(page).headings
    assert outline[:5] == [
        (1, "Why kindness"), (2, "Why we met"), (3, "Who asked"), (2, "Watch the recording"),
        (2, "Who joined"),
    ]  # fmt: skip
    assert (2, "1. Introductions") in outline
    assert outline[outline.index((2, "1. Introductions")) + 1] == (3, "In short")
    for (level, _), (after, text) in itertools.pairwise(outline):
        assert after <= level + 1, (level, after, text)
    # under the title, as the h3 and h4 they were: neither a section's title nor larger
    assert "section.cover h2 { font-size: 1.15rem;" in page
    assert "section.cover h3 { font-size: 1rem;" in page


@needs_a_browser
def test_the_text_follows_the_reader_s_own_text_size(cli, tmp_path):
    """The body's text was set in px (17px, 11pt in print): a reader who had made their
    browser's text larger (20px for its usual 16px) got the headings larger and every
    paragraph as it was. Now all text grows with their setting, and looks as before at 16px."""
    pack = tmp_path / "pack.html"
    session = DATA / "sessions" / "2026-03-10-122958-community-conversation"
    assert cli("export", str(session), "-o", str(pack)).exit_code == 0
    usual, larger = tmp_path / "usual", tmp_path / "larger"
    prefs = larger / "profile" / "Default" / "Preferences"
    prefs.parent.mkdir(parents=True)
    prefs.write_text('{"webkit": {"webprefs": {"default_font_size": 20}}}')
    usual.mkdir()
    (people, *_), (grown, *_) = (printed_words(pack, d)["people"] for d in (usual, larger))
    assert people[2] == pytest.approx(12.8, rel=0.01)  # the box of 11pt type, as before
    assert grown[2] == pytest.approx(people[2] * 20 / 16, rel=0.02)
    page = pack.read_text(encoding="utf-8")
    assert not re.findall(r"font(?:-size)?: [\d.]+(?:px|pt)", page)


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None]) -> None:
        self.tag, self.attrs = tag, attrs
        self.children: list[Node | str] = []

    def text(self) -> str:
        """The text a screen reader reads: what aria-hidden hides left out."""
        if self.attrs.get("aria-hidden") == "true":
            return ""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def elements(self) -> list["Node"]:
        return [c for c in self.children if isinstance(c, Node)]

    def find(self, tag: str) -> list["Node"]:
        found = [self] if self.tag == tag else []
        return found + [n for c in self.elements() for n in c.find(tag)]


class Tree(HTMLParser):
    """The page's elements as a browser nests them (enough for the pack's HTML)."""

    VOID = frozenset({"meta", "br", "hr", "img", "input", "link"})

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("", {})
        self.open = [self.root]
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.open[-1].children.append(node)
        if tag not in self.VOID:
            self.open.append(node)

    def handle_endtag(self, tag):
        if tag in self.VOID or tag not in [node.tag for node in self.open]:
            return
        while self.open.pop().tag != tag:
            pass

    def handle_data(self, data):
        self.open[-1].children.append(data)


def test_every_table_and_figure_is_named_for_a_screen_reader(cli, tmp_path):
    """A poll's question was a paragraph before its table, the agenda as run had no name,
    and each feedback figure's figcaption sat in a div (not the figure's own): a screen
    reader listed tables and figures with no name. Each table has a caption now (the poll's
    question, looking as it did; the agenda's title) and each figure its figcaption."""
    data = DATA
    pack = tmp_path / "pack.html"
    result = cli(
        "export", str(data / "sessions" / "2026-03-10-122958-community-conversation"),
        "--chat", str(data / "chat" / "zoom-community.txt"), "-f", "html", "-o", str(pack),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    page = pack.read_text(encoding="utf-8")
    tree = Tree(page).root
    tables = tree.find("table")
    captions = [" ".join(t.elements()[0].text().split()) for t in tables]
    assert all(t.elements()[0].tag == "caption" for t in tables)
    assert captions == [
        "Poll: Have you attended one of our events before? (16 answers)",
        "Poll: Overall, how would you score this conversation? (1 = poor, 5 = excellent)"
        " · 12 answers",
        "Poll: Would you recommend a conversation like this to a colleague? (12 answers)",
        "The agenda as run: Community conversation",
    ]
    assert "<p><strong>Poll:</strong>" not in page  # the question is said once
    # each answer's row says its share and its votes in text, in the cell after its bar
    (welcome, *_) = tables
    rows = [[c.text().strip() for c in row.elements()] for row in welcome.find("tr")]
    assert rows == [["Yes", "", "56% (9)"], ["No", "", "44% (7)"]]
    figures = [f for f in tree.find("figure") if f.attrs.get("class") == "figure"]
    assert [" ".join(f.elements()[-1].text().split()) for f in figures] == [
        "5/5 average score (12 answers)",
        "100% would recommend it to a colleague (12 of 12)",
    ]
    assert all(f.elements()[-1].tag == "figcaption" for f in figures)
    # the question looks as the paragraph did: the text's size, left, a line's space below;
    # the agenda's caption is for screen readers only (its heading is just above)
    assert "table.bars { width: 100%; margin-top: var(--text); }" in page
    caption = "table.bars caption { text-align: left; font-size: var(--text); margin-bottom: 1em; }"
    assert caption in page
    assert '<caption class="unseen">' in page


def test_a_ring_closes_when_its_rounded_shares_do_not_add_up(cli):
    """Twelve organisations, one of two people and eleven of one: the legend says 17% and
    eleven times 8%, 97% in all, and the ring, drawn from those, left a gap of 3% at its
    top. It is drawn from the counts now, and closes; the legend's percents stay as said."""
    page = cli("export", str(HOSTED), "--by", "Organisation", "-f", "html").stdout
    (legend,) = re.findall(r'<ul class="legend">(.*?)</ul>', page)
    assert sum(int(p) for p in re.findall(r"<b>(\d+)%</b>", legend)) == 97
    (ring,) = re.findall(r'<figure class="chart donut"><svg [^>]*>(.*?)</svg>', page)
    drawn = r'stroke-dasharray="([\d.]+) ([\d.]+)" stroke-dashoffset="(-?[\d.]+)"'
    slices = re.findall(drawn, ring)
    at = 0.0
    for length, gap, offset in slices:
        assert float(offset) == pytest.approx(25 - at, abs=0.003)  # where the last ended
        assert float(length) + float(gap) == pytest.approx(100, abs=0.001)
        at += float(length)
    assert at == pytest.approx(100, abs=0.006)  # and the last ends where the first began
    assert [float(s[0]) for s in slices][:2] == [pytest.approx(100 * 2 / 12, abs=0.001),
                                                 pytest.approx(100 / 12, abs=0.001)]  # fmt: skip


def overflow(pack: Path, tmp_path: Path) -> int:
    """How far the page runs past the right of the narrowest window a headless Chromium
    lays out (500 px), in CSS px: more than none, it scrolls sideways. Measured by a script
    in a copy of the page (the pack's own policy forbids one)."""
    page = pack.read_text(encoding="utf-8")
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    script = "document.body.dataset.over = document.documentElement.scrollWidth - innerWidth"
    page = page.replace("</body>", f"<script>{script}</script></body>")
    probe = write(tmp_path / "probe.html", page)
    dumped = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", f"--user-data-dir={tmp_path / 'profile'}",
         "--window-size=320,900", "--dump-dom", probe.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    found = re.search(r'data-over="(-?\d+)"', dumped)
    assert found, dumped[-500:]
    return int(found.group(1))


@needs_a_browser
def test_a_long_word_in_a_title_or_a_tag_breaks_rather_than_widen_the_page(cli, tmp_path):
    """A title of 45 letters before its first hyphen and a #tag of 61 (its theme's heading)
    did not break: on a phone 320 px wide the page scrolled sideways (at 500 px, 464 px too
    wide), and in print every page shrank to 73% to fit the title. Headings break a word
    where they must, as links do."""
    session = DATA / "sessions" / "2026-03-10-122958-community-conversation"
    title = "Pneumonoultramicroscopicsilicovolcanoconiosis-and-compassionate-leadership"
    tag = "compassionateleadershipandorganisationalwellbeingforeveryone"
    words = write(tmp_path / "words.md", f"# {title}\n")
    chat = write(tmp_path / "chat.txt", "12:36:30 From Alan Turing to Everyone:\n"
                 f"\tA thought on wellbeing #{tag}\n")  # fmt: skip
    pack, plain = tmp_path / "pack.html", tmp_path / "plain.html"
    made = cli("export", str(session), "--narrative", str(words), "--chat", str(chat),
               "-o", str(pack))  # fmt: skip
    assert made.exit_code == 0, made.output
    assert cli("export", str(session), "--chat", str(chat), "-o", str(plain)).exit_code == 0
    page = pack.read_text(encoding="utf-8")
    assert f"<h1>{title}</h1>" in page and f"<h3>{tag.capitalize()}</h3>" in page
    assert overflow(pack, tmp_path) <= 0
    (people, *_), (as_usual, *_) = (printed_words(p, tmp_path)["people"] for p in (pack, plain))
    assert people[2] == pytest.approx(as_usual[2], rel=0.01)  # "12 people joined", full size


@needs_a_browser
def test_a_printed_link_says_where_it_goes(cli, tmp_path):
    """ "Watch the recording" printed as those words alone: on paper, no one could tell where
    to watch it. Print writes a web link's address after it, but not after a link that shows
    its own address (the narrative's <https://…>, a chat message's), which it would repeat."""
    session = DATA / "sessions" / "2026-03-10-122958-community-conversation"
    words = write(tmp_path / "words.md", "# Title\n\n## Opening\n\n"
                  "[Watch the recording](https://example.org/recording?id=42). Slides: "
                  "<https://example.org/slides>, notes: [https://example.org/notes]"
                  "(https://example.org/notes). Write to <hello@example.org>.\n")  # fmt: skip
    chat = write(tmp_path / "chat.txt", "12:36:30 From Alan Turing to Everyone:\n"
                 "\tRead https://example.org/read\n")  # fmt: skip
    pack = tmp_path / "pack.html"
    made = cli("export", str(session), "--narrative", str(words), "--chat", str(chat),
               "-o", str(pack))  # fmt: skip
    assert made.exit_code == 0, made.output
    printed = " ".join(printed_pages(pack, tmp_path))
    assert "Watch the recording (https://example.org/recording?id=42). Slides:" in printed
    for address in ("slides", "notes", "read"):
        assert printed.count(f"https://example.org/{address}") == 1, address
    assert "Write to hello@example.org." in printed
    # on screen, a link is only its words
    style = pack.read_text(encoding="utf-8").split("@media print", 1)
    assert "::after" not in style[0] and 'a[href^="http"]:not(.url)::after' in style[1]


def test_the_docs_give_the_printed_margins_the_style_sets():
    """docs/export.md said "A4, 16 mm margins"; the page's style sets 15 mm at the sides."""
    from liftkit.core.report.html import STYLE

    page = re.search(r"@page \{ size: A4; margin: (\d+)mm (\d+)mm; \}", STYLE)
    assert page is not None
    top, sides = page.groups()
    doc = (DATA.parent.parent / "docs" / "export.md").read_text(encoding="utf-8")
    said = re.search(r"\*\*In print\*\* \((A4[^)]*)\)", doc)
    assert said is not None
    margins = f"margins of {top} mm at the top and bottom and {sides} mm at the sides"
    assert said.group(1) == f"A4, {margins}"
