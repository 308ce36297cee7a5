"""`liftkit export --format html`: one self-contained file, from the same content as the
Markdown, with nothing typed by anyone turned into markup or script; printed to PDF by a
real headless Chromium (installed by .ci/run) to check the pages."""

import html as html_module
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from test_export_cli import write
from test_export_pack import COMMUNITY, FULL, QUESTION, headings, quotes
from test_report_markdown import session_with, tricky

from liftkit.core.people.apart import for_pack
from liftkit.core.report import ReportOptions, build_report, clean_text
from liftkit.core.report.html import render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")


class Page(HTMLParser):
    """What a browser would see: elements, attributes and the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


@pytest.fixture(scope="module")
def packs(tmp_path_factory):
    from typer.testing import CliRunner

    from liftkit.cli.app import app

    folder = tmp_path_factory.mktemp("html")
    hostile = folder / "words.md"
    hostile.write_text(
        "# Pack <script>alert('title')</script>\n\n## Opening\n\n"
        "<script>alert('narrative')</script> <b onclick=x>bold?</b>\n\n"
        "![a photo](https://example.org/photo.jpg) [ok](https://example.org/recording)\n\n"
        "## Thanks\n\nThank you.\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    out = {}
    for fmt in ("md", "html"):
        target = folder / f"pack.{fmt}"
        args = ["export", str(COMMUNITY), *FULL[:2], *FULL[4:], "--narrative", str(hostile)]
        result = runner.invoke(
            app, [*args, "--host", "Sam Okafor", "--format", fmt, "-o", str(target)]
        )
        assert result.exit_code == 0, result.output
        out[fmt] = target
    return out


def test_nothing_anyone_typed_becomes_markup_or_script(packs):
    html = packs["html"].read_text(encoding="utf-8")
    page = parse(html)
    tags = [tag for tag, _ in page.tags]
    assert "script" not in tags and "img" not in tags and "iframe" not in tags
    for tag, attrs in page.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for name in ("href", "src"):
            assert not (attrs.get(name) or "").lower().startswith("javascript:"), attrs
    text = "".join(page.text)
    for typed in (
        "<img src=x onerror=alert(1)> **not bold** [a link](javascript:alert(3))",  # chat
        "</p><script>alert(2)</script>",  # a registration answer
        "<img src=x onerror=alert(1)>, ",  # a role, in the sentence of examples
        "<script>alert('narrative')</script> <b onclick=x>bold?</b>",  # the host's own words
    ):
        assert typed in text  # shown as typed, as text


def test_it_is_self_contained(packs):
    html = packs["html"].read_text(encoding="utf-8")
    page = parse(html)
    loads = [a.get("src") for _, a in page.tags if a.get("src")]
    loads += [a.get("href") for t, a in page.tags if t == "link"]
    assert loads == []  # no images, fonts, scripts or style sheets from anywhere
    assert "[image: a photo]" in "".join(page.text)
    links = [a["href"] for t, a in page.tags if t == "a"]
    assert links == ["https://example.org/recording"]  # a link is fine: it loads nothing
    policy = next(a["content"] for t, a in page.tags if a.get("http-equiv"))
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert ("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}) in (
        page.tags
    )


def test_the_same_content_as_the_markdown(packs):
    markdown = packs["md"].read_text(encoding="utf-8")
    html = packs["html"].read_text(encoding="utf-8")
    page = parse(html)
    shown = [t for t, _ in page.tags if t == "h2"]
    assert len(shown) == len(headings(markdown))
    text = " ".join("".join(page.text).split())
    for quote in quotes(markdown):
        plain = html_module.unescape(re.sub(r"\\(.)", r"\1", quote))
        assert f"“{plain}”" in text
    assert QUESTION in text


def test_figures_are_drawn_not_written(packs):
    html = packs["html"].read_text(encoding="utf-8")
    page = parse(html)
    assert "█" not in html and "```" not in html and "mermaid" not in html
    legend = re.findall(r'<ul class="legend">(.*?)</ul>', html)
    assert len(legend) == 1 and legend[0].count("<li>") == 4  # the four sectors
    sector_rows = re.findall(r"^\| (?!Total|Sector|---)", packs["md"].read_text(), re.M)
    assert sector_rows  # the Markdown has tables; the HTML draws them
    bars = re.findall(r'<table class="bars">(.*?)</table>', html)
    assert [b.count("<tr>") for b in bars] == [2, 5, 2]  # welcome poll, score, recommend
    assert '<strong class="big">5/5</strong>' in html
    assert '<strong class="big">100%</strong>' in html
    assert sum(1 for t, _ in page.tags if t == "svg") >= 1 + 3 + 2


@pytest.mark.skipif(not (CHROMIUM and POPPLER), reason="needs chromium and poppler-utils")
def test_a_browser_prints_it_on_a4_a_page_per_part_the_segments_running_on(packs, tmp_path):
    pdf = tmp_path / "pack.pdf"
    browser(packs["html"], tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert re.search(r"Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)", info.stdout)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))
    sections = [
        " ".join(h.replace("\\", "").split())
        for h in headings(packs["md"].read_text(encoding="utf-8"))
    ]
    segments = [h for h in sections if re.match(r"\d+\. ", h)]
    assert len(segments) >= 2
    starts = []
    for number in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        starts.append(" ".join(text.split()))
    # Each part begins a new page, in order (long ones run over several); the agenda's
    # segments run on one after the other from the first, each once, in order, and so does
    # what was said outside them: the chat before the session opens the segments' run, the
    # chat after it follows the thanks (each took a page of its own for a line or two).
    assert sections.index("Before the session") + 1 == sections.index(segments[0])
    runs_on = [*segments, "After the session"]
    opening = [h for h in sections if h not in runs_on]
    assert all(any(s.startswith(h[:30]) for s in starts) for h in opening)
    assert not [s for s in starts if s.startswith(tuple(h[:30] for h in runs_on))]
    assert any("Before the session" in s and segments[0] in s for s in starts)
    assert any("After the session" in s and "What participants said" in s for s in starts)
    everything = " ".join(starts)
    found = [everything.find(h[:30]) for h in sections]
    assert -1 not in found and found == sorted(found)
    assert pages < len(sections) + 1  # fewer pages than a page per section
    assert "5/5" in everything and "100%" in everything and "Has kindness" not in everything
    assert "Pack <script>alert('title')</script>" in starts[0]


@pytest.mark.skipif(not (CHROMIUM and POPPLER), reason="needs chromium and poppler-utils")
def test_a_short_part_after_the_thanks_keeps_its_heading_with_its_quote(cli, tmp_path):
    """ "Other reflections", its line and its one quote ran on after the thanks: the heading
    and the line ended a page, and the quote stood alone on the next."""
    data = Path(__file__).parent / "data"
    pack = tmp_path / "pack.html"
    result = cli(
        "export", str(data / "sessions" / "2026-03-09-135958-hosted-community-event"),
        "--chat", str(data / "chat" / "zoom-two-line.txt"),
        "--attendees", str(data / "people" / "zoom-registration.csv"),
        "--by", "Organisation", "--by", "Sector", "-f", "html", "-o", str(pack),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    pages = printed_pages(pack, tmp_path)
    heading = next(n for n, page in enumerate(pages) if "Other reflections Noted" in page)
    assert "Sent by email afterwards" in pages[heading]


def test_a_segment_opening_with_a_poll_is_kept_in_one_block(packs):
    html = packs["html"].read_text(encoding="utf-8")
    opening = re.search(r'<div class="opening">(.*?)</div>', html, re.S)
    assert opening and opening.group(1).startswith("<h2>1. Introductions</h2>")
    inside = opening.group(1)
    assert "<strong>Poll:</strong>" in inside and '<table class="bars">' in inside
    assert html.count('<div class="opening">') == 1  # the one segment that opens with a poll


@pytest.mark.skipif(not (CHROMIUM and POPPLER), reason="needs chromium and poppler-utils")
@pytest.mark.parametrize("early", [15, 17, 19, 21, 23, 25])
def test_a_segment_s_heading_prompt_and_poll_print_on_one_page(cli, tmp_path, early):
    """The heading of "1. Introductions" and its prompt ended a page and its poll began the
    next, with 19 to 23 messages more in the chat before the session (here); now they move
    to the next page together, wherever the page ends."""
    data = Path(__file__).parent / "data"
    chat = tmp_path / "chat.txt"
    chat.write_text(
        "".join(f"12:1{i % 10}:00 From Guest {i} to Everyone:\n\tGood afternoon everyone, "
                f"joining from the north east today {i}\n" for i in range(early))
        + (data / "chat" / "zoom-community.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )  # fmt: skip
    pack = tmp_path / "pack.html"
    result = cli("export", str(COMMUNITY), "--chat", str(chat), "-f", "html", "-o", str(pack))
    assert result.exit_code == 0, result.output
    pages = printed_pages(pack, tmp_path)
    (page,) = [page for page in pages if "1. Introductions Welcome!" in page]
    assert "Welcome! Grab a tea" in page and "Poll: Have you attended" in page
    assert "Yes 56% (9) No 44% (7)" in page  # its bars too


@pytest.mark.skipif(not CHROMIUM, reason="needs chromium")
def test_a_phone_sized_window_renders_it(packs, tmp_path):
    shot = tmp_path / "phone.png"
    browser(packs["html"], tmp_path, f"--screenshot={shot}", "--window-size=390,1200")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    assert width == 390


def browser(page: Path, tmp_path: Path, *args: str) -> None:
    subprocess.run(
        [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}", *args, page.as_uri(),
        ],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip


def printed_pages(pack: Path, tmp_path: Path) -> list[str]:
    """The text of each page of the pack printed by the browser, on one line."""
    pdf = tmp_path / "pack.pdf"
    browser(pack, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    return [" ".join(page.split()) for page in text.split("\f")]


@settings(max_examples=150, deadline=None)
@given(tricky, tricky)
def test_any_quote_or_name_stays_text_in_html(text, author):
    from liftkit.core.report.model import says_nothing
    from liftkit.core.report.pack import is_host

    assume(clean_text(text) and not says_nothing(clean_text(text)) and clean_text(author))
    assume(not is_host(clean_text(author), set()))  # "Me", "(Host)": the host, never quoted
    report = build_report(session_with(text, author), [], ReportOptions(named=True))
    page = parse(render_html(report))
    assert [t for t, _ in page.tags if t != "br"] == PLAIN_TAGS  # a line break is a <br>
    shown = " ".join("".join(page.text).split())
    credited = for_pack(" ".join(clean_text(author).split()))  # no address nor number
    said = " ".join(f"“{clean_text(text)}” — {credited}".split())
    assert said in shown


def _tags_of_a_plain_pack() -> list[str]:
    report = build_report(session_with("plain words", "Ada"), [], ReportOptions(named=True))
    return [t for t, _ in parse(render_html(report)).tags]


PLAIN_TAGS = _tags_of_a_plain_pack()


def test_a_long_quote_takes_a_whole_row_and_short_ones_keep_their_height():
    # A 2,000-character message in a 13rem column was a card many screens tall, and every
    # card beside it stretched to its height, empty.
    long_text = " ".join(["listening first changed how our team meets"] * 45)
    page = render_html(build_report(session_with(long_text, "Ada"), [], ReportOptions()))
    assert re.search(r'<li class="long">“listening first', page)
    assert "ul.quotes > li.long { grid-column: 1 / -1; }" in page
    assert re.search(r"ul\.quotes \{[^}]*align-items: start;", page)
    short = render_html(build_report(session_with("Listen first", "Ada"), [], ReportOptions()))
    assert "<li>“Listen first”" in short and '<li class="long">' not in short


def test_a_right_to_left_quote_and_its_author_read_in_their_own_order():
    # A Hebrew message with a number, by a Hebrew name (a Zoom chat from an Israeli class):
    # in a left-to-right card the name's words ran into the quote's, "301206918” — מרון
    # אבו" on one line and "301206918 רחמה" on the next. Each card, legend line and table
    # cell takes its direction from its own first letter instead.
    text, author = "מרון אבו רחמה 301206918", "מרון אבו רחמה"
    page = render_html(build_report(session_with(text, author), [], ReportOptions(named=True)))
    assert f"<li>“{text}” — {author}</li>" in page
    rule = re.search(r"\n([^{}\n]*) \{ unicode-bidi: plaintext; \}", page)
    assert rule is not None
    assert {s.strip() for s in rule.group(1).split(",")} >= {"ul.quotes > li", "ul.legend li", "td"}


@pytest.mark.skipif(not (CHROMIUM and POPPLER), reason="needs chromium and poppler-utils")
def test_a_part_of_a_line_or_two_shares_the_page_before_in_print(cli, tmp_path):
    """A pack without a chat or an attendee list: "Who joined" said "21 people joined." on a
    page of its own, after a title page mostly blank; with tables it keeps its own page."""
    session = (
        Path(__file__).parent / "data" / "sessions" / "2026-03-09-135958-hosted-community-event"
    )
    sparse, full = tmp_path / "sparse.html", tmp_path / "full.html"
    assert cli("export", str(session), "-f", "html", "-o", str(sparse)).exit_code == 0
    data = Path(__file__).parent / "data"
    made = cli("export", str(session), "--chat", str(data / "chat" / "zoom-two-line.txt"),
               "--attendees", str(data / "people" / "zoom-registration.csv"),
               "--by", "Organisation", "-f", "html", "-o", str(full))  # fmt: skip
    assert made.exit_code == 0, made.output
    first_pages = []
    for pack in (sparse, full):
        pdf = pack.with_suffix(".pdf")
        browser(pack, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout  # fmt: skip
        first_pages.append(" ".join(text.split("\f")[0].split()))
    joined = re.search(r"Who joined (\d+) people joined\.", first_pages[0])
    assert joined and "Hosted community event" in first_pages[0]
    assert "Who joined" not in first_pages[1]  # its charts take a page of their own


def scroll_bars(pdf: Path, tmp_path: Path) -> list[int]:
    """The pages (from 1) with a scroll bar drawn across them: a row of mid-grey pixels over
    a third of the page (text is dark, and rules and borders are lighter)."""
    subprocess.run(["pdftoppm", "-gray", "-r", "50", str(pdf), str(tmp_path / "page")],
                   check=True)  # fmt: skip
    found = []
    for number, image in enumerate(sorted(tmp_path.glob("page-*.pgm")), start=1):
        magic, size, _, pixels = image.read_bytes().split(b"\n", 3)
        assert magic == b"P5"
        width, height = map(int, size.split())
        for y in range(height):
            grey = bytes(1 if 100 <= v <= 180 else 0 for v in pixels[y * width : (y + 1) * width])
            if max(len(run) for run in grey.split(b"\0")) > width / 3:
                found.append(number)
                break
    return found


@pytest.mark.skipif(not (CHROMIUM and POPPLER), reason="needs chromium and poppler-utils")
def test_a_wide_table_prints_whole_without_a_scroll_bar(cli, tmp_path):
    """The agenda as run of a session paused and 38 minutes over (a host's rehearsal) is a
    little wider than A4: it printed with a scroll bar under it, its right edge cut."""
    session = (
        Path(__file__).parent / "data" / "sessions" / "2026-12-05-223242-community-conversation"
    )
    pack = tmp_path / "pack.html"
    result = cli("export", str(session), "--groups", "--by", "sector", "-o", str(pack))
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "pack.pdf"
    browser(pack, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert scroll_bars(pdf, tmp_path) == []
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    row = next(line for line in text.splitlines() if "Introductions" in line and "22:32:42" in line)
    assert row.split()[-2:] == ["+38m", "11s"]  # the overrun, the table's last column


def test_each_colour_of_a_ring_names_one_value_or_the_rest(cli, tmp_path):
    # Ten organisations: the palette has seven colours, and the eighth organisation took the
    # first's blue, the ninth the second's orange, so no reader could tell whose slice was
    # whose. The first six keep colours of their own; the rest share the last, grey.
    counts = {"NHS Tayside": 5, "NHS Borders": 4, "Alzheimer Scotland": 3, "Both Ltd": 3}
    counts |= {f"Org {letter}": 2 for letter in "ABCDE"} | {"": 1}  # one left blank
    orgs = [org for org, k in counts.items() for _ in range(k)]
    rows = [f"Person {chr(65 + n // 26)}{chr(65 + n % 26)},{org}" for n, org in enumerate(orgs)]
    people = write(tmp_path / "people.csv", "\n".join(["Name,Organisation", *rows]) + "\n")
    out = tmp_path / "pack.html"
    result = cli("export", str(COMMUNITY), "--attendees", str(people), "--by", "Organisation",
                 "-o", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    (legend,) = re.findall(r'<ul class="legend">(.*?)</ul>', html)
    entries = re.findall(r'fill="(#\w+)"/></svg>(.*?) <b>(\d+)%</b> <span>\((\d+)\)', legend)
    total = sum(counts.values())
    assert [(label, int(n)) for _, label, _, n in entries] == sorted(
        ((org or "(not given)", k) for org, k in counts.items()), key=lambda e: -e[1]
    )
    colours = [colour for colour, *_ in entries]
    grey = colours[-1]
    assert len(set(colours[:6])) == 6 and grey not in colours[:6]
    assert colours[6:] == [grey] * 4
    shares = [int(p) for *_, p, _ in entries]
    assert sum(shares) == 100 and abs(shares[0] - 100 * 5 / total) < 1
    ring = re.findall(r'stroke="(#\w+)" stroke-width="8" stroke-dasharray="([\d.]+) ', html)
    # a slice for each of the six, in the legend's order, then one for the rest together,
    # each as long as its count's share of the ring (of 100)
    counted = [int(n) for *_, n in entries]
    assert [(c, pytest.approx(float(p), abs=0.001)) for c, p in ring] == [
        *((c, 100 * n / total) for c, n in zip(colours[:6], counted[:6], strict=True)),
        (grey, 100 * sum(counted[6:]) / total),
    ]


@pytest.mark.skipif(not (CHROMIUM and POPPLER), reason="needs chromium and poppler-utils")
def test_a_poll_prints_with_its_question_and_every_answer_on_one_page(cli, tmp_path):
    """A host's pack printed the welcome poll's "Yes" bar at the foot of a page and its "No"
    bar at the top of the next. Twelve polls of six answers in one segment run over pages:
    each poll's question and its six bars share one."""
    session = tmp_path / "2026-03-09-140000-polls"
    session.mkdir()
    polls = "".join(
        f'\n[[segments.polls]]\nquestion = "Question {q}?"\n'
        f"options = [{', '.join(f'{chr(34)}Q{q} answer {a}{chr(34)}' for a in 'ABCDEF')}]\n"
        for q in range(1, 13)
    )
    (session / "agenda.toml").write_text(
        'title = "Polls"\n\n[[segments]]\ntitle = "Questions"\nduration = "30m"\n' + polls
    )
    wall = "2026-03-09T14:{:02d}:00.000+00:00".format
    events = [
        {"type": "session_start", "wall": wall(0), "mono": 0.0, "title": "Polls",
         "agenda": "agenda.toml", "segments": 1},
        {"type": "segment_start", "wall": wall(0), "mono": 0.0, "segment": 0,
         "title": "Questions", "planned": 1800},
        *({"type": "poll", "wall": wall(q), "mono": 60.0 * q, "segment": 0, "poll": q - 1,
           "question": f"Question {q}?",
           "counts": {f"Q{q} answer {a}": 3 + i for i, a in enumerate("ABCDEF")}}
          for q in range(1, 13)),
        {"type": "segment_end", "wall": wall(30), "mono": 1800.0, "segment": 0, "reason": "end"},
        {"type": "session_end", "wall": wall(30), "mono": 1800.0},
    ]  # fmt: skip
    (session / "journal.jsonl").write_text(
        "".join(json.dumps({"seq": n, **e}) + "\n" for n, e in enumerate(events, start=1))
    )
    pack = tmp_path / "pack.html"
    result = cli("export", str(session), "-f", "html", "-o", str(pack))
    assert result.exit_code == 0, result.output
    pages = printed_pages(pack, tmp_path)
    assert len([page for page in pages if "answer" in page]) >= 2  # the polls run over pages
    for q in range(1, 13):
        holding = [
            n for n, page in enumerate(pages)
            for part in (f"Question {q}?", *(f"Q{q} answer {a}" for a in "ABCDEF"))
            if part in page
        ]  # fmt: skip
        assert len(holding) == 7 and len(set(holding)) == 1, (q, holding)


def test_a_right_to_left_label_keeps_its_share_beside_it(cli, tmp_path):
    # An Arabic organisation printed "… and 2 جمعية الرعاية الصحية%." in the sentence and
    # "(1) %2" in the ring's legend: the share ran into the label's direction. The label is
    # now isolated (U+2068 … U+2069), in the Markdown and so in the page; Latin ones are not.
    arabic = "جمعية الرعاية الصحية"
    people = tmp_path / "people.csv"
    rows = [f"Person {i},NHS Tayside" for i in range(9)] + [f"Nadia Haddad,{arabic}"]
    people.write_text("Name,Organisation\n" + "\n".join(rows) + "\n", encoding="utf-8")
    args = ["export", str(COMMUNITY), "--attendees", str(people), "--by", "Organisation"]
    markdown = cli(*args, "--organisations", "Organisation").stdout
    assert f"\n\nNHS Tayside 90% and \u2068{arabic}\u2069 10%." in markdown
    assert f"Organisations included NHS Tayside and \u2068{arabic}\u2069." in markdown
    page = cli(*args, "-f", "html").stdout
    assert f"and \u2068{arabic}\u2069 10%.</p>" in page
    assert re.search(f"</svg>\u2068{arabic}\u2069 <b>10%</b>", page)
    assert "</svg>NHS Tayside <b>90%</b>" in page
