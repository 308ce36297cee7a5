"""What the host types as a reflection: who said it, what, and its tags."""

import pytest

from liftkit.core.live.capture import parse_reflection


@pytest.mark.parametrize(
    ("typed", "author", "text"),
    [
        ("Ada Lovelace: listening with fascination", "Ada Lovelace", "listening with fascination"),
        ("One practical step: listen more", None, "One practical step: listen more"),
        ("Step: protect lunch", None, "Step: protect lunch"),
        ("Question: how do we scale this?", None, "Question: how do we scale this?"),
        ("Note: meet again", None, "Note: meet again"),
        ("Grace: One practical step: listen", "Grace", "One practical step: listen"),
        ("https://example.org is good", None, "https://example.org is good"),
        ("12:30: lunch", None, "12:30: lunch"),
        ("I think: we should", None, "I think: we should"),
        ("Re: the opening", None, "Re: the opening"),
        ("A very long prefix of many words here: text", None,
         "A very long prefix of many words here: text"),
    ],
)  # fmt: skip
def test_an_author_is_a_name_before_a_colon_not_a_label(typed, author, text):
    parsed = parse_reflection(typed)
    assert (parsed.author, parsed.text) == (author, text)


def test_tags_are_words_after_a_hash_lower_cased_once_each():
    parsed = parse_reflection(
        "Bo: #Culture eats #strategy; #culture again, not a#tag, &#39; or https://x.org/#frag"
    )
    assert parsed.tags == ["culture", "strategy"]
