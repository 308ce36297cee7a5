"""The Markdown pack as the sites that publish it read it: CommonMark with raw HTML on (GitHub,
GitLab, a static site), rendered here by markdown-it. What the host wrote and what participants
typed shows as written, and nothing in either takes over the rest of the pack."""

import re
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_export_cli import make_session, reflection, section, write
from test_export_pack import COMMUNITY


class Page(HTMLParser):
    """The rendered pack: its elements (with attributes), its h2 headings and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.h2: list[str] = []
        self.text: list[str] = []
        self._in: str = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in = tag

    def handle_endtag(self, tag):
        self._in = ""

    def handle_data(self, data):
        self.text.append(data)
        if self._in == "h2":
            self.h2.append(data)


def published(markdown: str) -> Page:
    """The pack as a site that allows raw HTML shows it."""
    from markdown_it import MarkdownIt

    page = Page()
    page.feed(MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown))
    return page


@pytest.fixture
def export(cli, tmp_path):
    def run(narrative: str, *args: str) -> tuple[str, str]:
        words = write(tmp_path / "words.md", narrative)
        result = cli("export", str(COMMUNITY), "--narrative", str(words), *args)
        assert result.exit_code == 0, result.output
        return result.stdout, result.stderr

    return run


def pack_of(cli, tmp_path, *said: str, args: tuple[str, ...] = ()) -> str:
    """The Markdown pack of a session whose first segment captured `said`."""
    events = [reflection(60 + i, 0, text) for i, text in enumerate(said)]
    folder = make_session(tmp_path / "s", datetime(2026, 3, 9, 14, 0, tzinfo=UTC), events=events)
    result = cli("export", str(folder), *args)
    assert result.exit_code == 0, result.output
    return result.stdout


# --------------------------------------------------------------------------- the narrative


def test_a_comment_never_closed_hides_nothing_and_is_warned_about(export):
    pack, errors = export("## Thanks\n\n<!-- Thank you all for coming!\n")
    page = published(pack)
    assert "The agenda as run" in page.h2  # was: all after the comment hidden as one comment
    assert "<!-- Thank you all for coming!" in "".join(page.text)  # the host's words, shown
    assert "words.md:3: a comment `<!--` is never closed" in errors


def test_a_comment_never_closed_does_not_take_a_later_hint_s_end_and_the_parts_between(export):
    pack, errors = export(
        "## Who joined\n\n<!-- The series is open to everyone.\n\n"
        "## Thanks\n\n<!-- Thank everyone for coming. -->\nThank you all.\n"
    )
    assert "Thank you all." in section(pack, "Thank you and feedback")  # was in Who joined
    assert "The series is open to everyone." in section(pack, "Who joined")
    assert "Thank everyone for coming" not in pack  # the closed hint is still left out
    assert "words.md:3: a comment `<!--` is never closed" in errors


def test_a_code_block_never_closed_ends_with_its_part(export):
    pack, errors = export("## Opening\n\n```\nour agenda\n\n## Thanks\n\nThank you all.\n")
    page = published(pack)
    assert page.h2[-2:] == ["Thank you and feedback", "The agenda as run"]  # was: all code
    assert "Thank you all." in section(pack, "Thank you and feedback")
    assert "words.md:3: a code block opened with ``` is never closed" in errors
    assert "(before the heading at line 6)" in errors


def test_the_narrative_s_raw_html_and_script_links_show_as_text(export):
    typed = (
        "<script>alert(1)</script> <img src=x onerror=alert(2)> "
        "[a link](javascript:alert(3)) [another](JaVa&#x53;cript:alert(4))"
    )
    pack, _ = export(
        f"## Opening\n\n{typed}\n\n`<b>code</b>` <https://example.org/r>\n\n"
        "```html\n<p>kept as code</p>\n```\n\n"
        "[def]: javascript:alert(5)\n\n[def] and [ok](https://example.org/ok)\n"
    )
    page = published(pack)
    tags = [tag for tag, _ in page.tags]
    assert "script" not in tags and "img" not in tags
    assert not [a for _, attrs in page.tags for a in attrs if a.startswith("on")]
    links = [attrs.get("href") for tag, attrs in page.tags if tag == "a"]
    assert links == ["https://example.org/r", "https://example.org/ok"]
    text = "".join(page.text)
    assert typed.replace("&#x53;", "S") in text  # shown as typed
    assert "<b>code</b>" in text and "<p>kept as code</p>" in text  # code is code, as written


@settings(max_examples=400, deadline=None)
@example(["```", "<", "b", ">", "`"])  # not a fence: a backtick after it on its line
@given(
    st.lists(
        st.sampled_from(
            [
                "<",
                ">",
                "b",
                "/",
                "!",
                "?",
                "-",
                "`",
                "\\",
                "]",
                "(",
                ")",
                "[x",
                "javascript:",
                "https://e.org",
                " ",
                "\n",
                "```",
                "#",
            ]
        )
    )
)
def test_no_narrative_text_makes_html_in_the_markdown_pack(pieces):
    from markdown_it import MarkdownIt

    from liftkit.core.report.narrative_markup import safe_markdown

    md = MarkdownIt("commonmark", {"html": True})
    md.validateLink = lambda url: True  # as a reader that links to anything (Python-Markdown)
    tokens = md.parse(safe_markdown("".join(pieces)))
    inline = [t for block in tokens for t in block.children or []]
    assert not [t for t in [*tokens, *inline] if t.type.startswith("html_")]
    hrefs = [str(t.attrGet("href")).lower() for t in inline if t.type == "link_open"]
    assert not [h for h in hrefs if h.lstrip().startswith("javascript")]


# --------------------------------------------------------------------------- participants' text


def test_typed_html_and_entities_show_as_typed_in_the_original_markdown_too(cli, tmp_path):
    said = "<img src=x onerror=alert(1)> &copy; <b>bold</b>\n= 5"
    pack = pack_of(cli, tmp_path, said)
    # Markdown.pl, Python-Markdown and PHP Markdown (WordPress) have no \< nor \& escape:
    # "\<img …>" was a backslash and a live tag there. Entities are read alike everywhere.
    assert "- “&lt;img src=x onerror=alert(1)> &amp;copy; &lt;b>bold&lt;/b>\\\n  = 5”" in pack
    assert "\\<" not in pack and "\\&" not in pack
    assert "“<img src=x onerror=alert(1)> &copy; <b>bold</b>\n= 5”" in "".join(published(pack).text)


def test_bidi_controls_typed_by_anyone_reorder_nothing_in_any_format(cli, tmp_path):
    # An organisation "ACME<RLO> Ltd" read the other organisations after it backwards ("ateB
    # ,dtL"), and a message's override its author's name; U+200F, which names need, stays.
    people = write(tmp_path / "people.csv", "Name,Organisation\nAnn,ACME\u202e Ltd\nBob,Beta\n")
    said = "I agree \u202e with this \u2066too\u2069 \u200f"
    args = ("--attendees", str(people), "--organisations", "Organisation", "--names")
    for fmt in ("md", "html", "json"):
        pack = pack_of(cli, tmp_path / fmt, said, args=(*args, "--by", "Organisation", "-f", fmt))
        assert re.findall("[\u202a-\u202e\u2066-\u2069]", pack) == [], fmt
        assert "ACME Ltd" in pack and "I agree  with this too \u200f" in pack, fmt


def csv_field(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def test_mermaid_pie_labels_keep_their_letters_and_punctuation(cli, tmp_path):
    sectors = (
        "Children’s services", "स्वास्थ्य सेवा", "Santé: hôpital", 'The "Big" one; #1',
        "<br>Tags & more",
    )  # fmt: skip
    rows = "".join(f"P{i},{csv_field(sector)}\n" for i, sector in enumerate(sectors))
    people = write(tmp_path / "people.csv", "Name,Sector\n" + rows)
    pack = pack_of(cli, tmp_path, "hi", args=("--attendees", str(people), "--by", "Sector"))
    pie = pack.split("```mermaid\n")[1].split("```")[0]
    labels = re.findall(r'^    "([^"]*)" : 1$', pie, re.MULTILINE)
    assert sorted(labels) == sorted([
        "Children’s services", "स्वास्थ्य सेवा", "Santé: hôpital", "The 'Big' one, #1",
        "br Tags & more",
    ])  # fmt: skip


def test_json_narrative_keys_count_segments_and_questions_from_1(export):
    import json

    question = "If this event could answer one question, what would it be?"
    pack, _ = export(
        f"## Segment 2\n\nTwo.\n\n## {question}\n\nAsked.\n", "-f", "json", "--question", question
    )
    data = json.loads(pack)
    assert data["narrative"] == {"segment:2": "Two.", "question:1": "Asked."}  # was segment:1
    assert data["segments"][1]["number"] == 2


def test_dollars_and_tildes_are_escaped_by_the_quote_not_by_the_line(cli, tmp_path):
    pack = pack_of(
        cli, tmp_path, "Budget was US$500\nand we spent US$750", "Only US$5 here", "~5 people",
        "not ~this\nor that~",
    )  # fmt: skip
    # one $ on each line was left alone: GitHub and pandoc read "$500 … US$" as maths
    assert "- “Budget was US\\$500\\\n  and we spent US\\$750”" in pack
    assert "- “Only US$5 here”" in pack and "- “~5 people”" in pack  # one: nothing to pair
    assert "- “not \\~this\\\n  or that\\~”" in pack  # strikethrough on GitHub


def test_text_bars_line_up_for_wide_letters_and_emoji(cli, tmp_path):
    counts = {"はい、そうです": 3, "No": 1, "👍👍": 2}
    poll = (120, "poll", {"segment": 0, "poll": 0, "question": "Agree?", "counts": counts})
    folder = make_session(tmp_path / "s", datetime(2026, 3, 9, 14, 0, tzinfo=UTC), events=[poll])
    pack = cli("export", str(folder)).stdout
    bars = pack.split("```text\n")[1].split("```")[0].splitlines()
    # each bar starts in one column of a monospaced font, a wide character taking two: they
    # were padded by characters, and はい、そうです's bar began seven columns right of No's
    starts = {columns(line[: line.index("█")]) for line in bars}
    assert len(bars) == 3 and starts == {len("はい、そうです") * 2 + 2}, bars
    assert {line.split("  ")[0] for line in bars} == set(counts)


def columns(text: str) -> int:
    """Columns in a monospaced font: two for a wide character (East Asian Wide, Fullwidth)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
