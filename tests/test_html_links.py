"""The HTML pack links bare web addresses as Markdown viewers do: in the host's narrative as
in participants' quotes, without the sentence's punctuation after them; and the agenda's
contact, an email address, is a mailto: link."""

import os
import subprocess
import sys
from html.parser import HTMLParser

LIFTKIT = [sys.executable, "-m", "liftkit"]

AGENDA = 'title = "T"\ncontact = "ann@example.org"\n[[segments]]\ntitle = "Only"\nduration = "5m"\n'

OPENING = (
    "The recording is at https://example.org/rec, and the slides "
    "(https://example.org/s?a=1&b=2). Not a link: <b>bold</b> example.org/x.\n"
)
THANKS = "Next time: https://example.org/next. Or see <https://example.org/x>.\n"


class Links(HTMLParser):
    """Each link's address and text, and the page's text outside links."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._open: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open = dict(attrs)["href"]
            self.links.append((self._open, ""))

    def handle_endtag(self, tag):
        if tag == "a":
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            href, text = self.links[-1]
            self.links[-1] = (href, text + data)


def liftkit(tmp_path, *args, stdin=None):
    env = {k: v for k, v in os.environ.items() if k != "LIFTKIT_SESSIONS"}
    done = subprocess.run(
        [*LIFTKIT, *args], input=stdin, capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_bare_addresses_and_the_contact_email_are_links_in_the_html_pack(tmp_path):
    (tmp_path / "a.toml").write_text(AGENDA)
    stdin = "r Ada: see https://example.org/q.\nq\ny\n"
    liftkit(tmp_path, "run", "a.toml", "--sessions", "s", "--plain", stdin=stdin)
    liftkit(tmp_path, "export", "latest", "--sessions", "s", "--new-narrative", "n.md")
    narrative = (tmp_path / "n.md").read_text()
    narrative = narrative.replace("## Opening\n", f"## Opening\n\n{OPENING}")
    narrative = narrative.replace("## Thanks\n", f"## Thanks\n\n{THANKS}")
    (tmp_path / "n.md").write_text(narrative)
    args = ["export", "latest", "--sessions", "s", "--narrative", "n.md", "-o", "-"]
    page = liftkit(tmp_path, *args, "-f", "html")
    links = Links()
    links.feed(page)
    assert links.links == [
        ("https://example.org/rec", "https://example.org/rec"),
        ("https://example.org/s?a=1&b=2", "https://example.org/s?a=1&b=2"),
        ("https://example.org/q", "https://example.org/q"),
        ("https://example.org/next", "https://example.org/next"),
        ("https://example.org/x", "https://example.org/x"),
        ("mailto:ann@example.org", "ann@example.org"),
    ]
    assert 'href="https://example.org/s?a=1&amp;b=2"' in page  # escaped as before
    assert "&lt;b&gt;bold&lt;/b&gt; example.org/x." in page
    assert "slides (<a " in page and "</a>). Not a link" in page
    markdown = liftkit(tmp_path, *args)
    assert "**Contact:** <ann@example.org>" in markdown
