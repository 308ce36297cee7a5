"""What the host types as a reflection: who said it, what, and its tags."""

import pytest

from liftkit.core.errors import LiftkitError
from liftkit.core.live.capture import parse_counts, parse_reflection


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


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Yes 9, No 7", {"Yes": 9, "No": 7}),
        ("yes: 9; no: 7", {"Yes": 9, "No": 7}),
        ("No 7", {"Yes": 0, "No": 7}),
    ],
)
def test_counts_read_out_with_their_option_names(typed, expected):
    assert parse_counts(typed, ["Yes", "No"]) == expected


@pytest.mark.parametrize(
    "typed", ["1:0 2:1 3:4 4:15 5:22", "1: 0, 2: 1, 3: 4, 4: 15, 5: 22", "5=22 4 = 15 3=4 2=1"]
)
def test_counts_of_a_score_poll_given_with_each_score(typed):
    # A 1-5 score read out as "1:0 2:1 …" was refused with '"1:0" is not a count'.
    assert parse_counts(typed, ["1", "2", "3", "4", "5"]) == {
        "1": 0, "2": 1, "3": 4, "4": 15, "5": 22
    }  # fmt: skip
    with pytest.raises(LiftkitError) as caught:
        parse_counts("1:0 6:3", ["1", "2", "3", "4", "5"])
    assert caught.value.message == "poll: no option '6'"


def test_counts_named_for_options_with_spaces_and_unknown_names_refused():
    options = ["Strongly agree", "Agree", "Disagree"]
    assert parse_counts("Strongly agree 4, Agree 2", options) == {
        "Strongly agree": 4,
        "Agree": 2,
        "Disagree": 0,
    }
    # a name the poll does not have is said to be that, not a miscount ("4 counts for 2")
    for typed, named in (("Maybe 3", "'Maybe'"), ("Yes 30, Maybe 12", "'Maybe'"),
                         ("Yes 3, Perhaps 1, Maybe 2", "'Perhaps', 'Maybe'")):  # fmt: skip
        with pytest.raises(LiftkitError) as caught:
            parse_counts(typed, ["Yes", "No"])
        assert caught.value.message == f"poll: no option {named}"
        assert caught.value.hint == "the options are Yes / No"


@pytest.mark.parametrize(
    ("typed", "option"),
    [("Yes 3, No", "No"), ("Yes, No 4", "Yes"), ("Yes 3 no", "No"), ("yes", "Yes")],
)
def test_an_option_named_without_its_count_is_said_to_lack_it(typed, option):
    # the host read out "Yes 3, No…" and pressed Enter: told '"Yes" is not a count'
    with pytest.raises(LiftkitError) as caught:
        parse_counts(typed, ["Yes", "No"])
    assert caught.value.message == f'poll: "{option}" has no count'


def test_words_among_counts_are_named_not_counted():
    # a host who typed on into the poll line ("20 25 15nr Top themes") was told
    # "9 counts for 4 options"; the word that is not a count is what is wrong
    options = ["Health", "Social care", "Voluntary", "Other"]
    with pytest.raises(LiftkitError) as caught:
        parse_counts("20 25 15nr Top themes", options)
    assert caught.value.message == 'poll: "15nr" is not a count'
    with pytest.raises(LiftkitError) as caught:
        parse_counts("20 25 15", options)
    assert caught.value.message == "poll: 3 counts for 4 options"
    with pytest.raises(LiftkitError) as caught:
        parse_counts("20", options)
    assert caught.value.message == "poll: 1 count for 4 options"


@pytest.mark.parametrize(
    "typed",
    ["p 30 12", "p30 12", " p 30, 12", "p30,12", "p Yes 30, No 12", "p yes=30 no=12",
     "P 30 12", "P30 12", "P YES 30, NO 12"],  # with Caps Lock on: 'P' was no count
)  # fmt: skip
def test_the_p_that_opens_a_poll_typed_again_before_the_counts_is_read_past(typed):
    # The second poll's line opens by itself once the first is saved: a host who pressed p
    # out of habit was told '"p30" is not a count'.
    assert parse_counts(typed, ["Yes", "No"]) == {"Yes": 30, "No": 12}


def test_a_p_before_counts_that_do_not_fit_is_still_what_is_wrong_and_an_option_p_counts():
    with pytest.raises(LiftkitError) as caught:
        parse_counts("p 30", ["Yes", "No"])
    assert caught.value.message == "poll: 1 count for 2 options"  # not "no option 'p'"
    assert parse_counts("p 3, q 4", ["p", "q"]) == {"p": 3, "q": 4}
    with pytest.raises(LiftkitError):
        parse_counts("pp 30 12", ["Yes", "No"])


@pytest.mark.parametrize(
    ("typed", "options", "named"),
    [("Yes 3, Yes 4", ["Yes", "No"], "Yes"), ("yes=3 Yes=4", ["Yes", "No"], "Yes"),
     ("1:3 1:4 2:0", ["1", "2", "3"], "1")],
)  # fmt: skip
def test_an_option_given_two_counts_is_refused_not_half_lost(typed, options, named):
    # "Yes 3, Yes 4" saved Yes 4, No 0: the 3 was lost without a word
    with pytest.raises(LiftkitError) as caught:
        parse_counts(typed, options)
    assert caught.value.message == f'poll: "{named}" is given two counts'


AGES = ["Under 18", "18-30", "31-50", "Over 50"]


@pytest.mark.parametrize(
    ("options", "typed"),
    [(AGES, "Under 18 3, 18-30 12, 31-50 7, Over 50 2"),
     (AGES, "Under 18=3 18-30=12 31-50=7 Over 50=2"),
     (AGES, "under 18: 3; 18-30: 12; 31-50: 7; over 50: 2"),
     (["Option 1", "Option 2", "Option 3"], "Option 1 3, Option 2 12, Option 3 7"),
     (["1 star", "2 stars"], "1 star 3, 2 stars 12"),
     (["Yes, definitely", "No, not really"], "Yes, definitely 3, No, not really 12"),
     (["Yes, definitely", "No, not really"], "yes, definitely: 3; no, not really: 12"),
     (["👍", "👎", "❤️"], "👍 3, 👎 12, ❤️ 7"),
     (["👍", "👎", "❤️"], "👍=3 👎=12 ❤ 7"),  # the heart typed without its variation selector
     (["Yes", "No"], "Yes (3) 20% No (12) 80%"),  # Zoom's results, pasted
     (["Yes", "No"], "Yes 3 (20%), No 12 (80%)")],
)  # fmt: skip
def test_counts_given_by_the_polls_own_option_names(options, typed):
    # QA: an option with a digit, comma or emoji could not be named: 'poll: "Under" is not a
    # count', and the form the hint suggested was refused the same way.
    # each typed with 3, 12, 7, 2 in option order
    assert parse_counts(typed, options) == dict(zip(options, [3, 12, 7, 2], strict=False))


@pytest.mark.parametrize("typed", ["Yes 75%, No 25%", "75% 25%", "Yes: 75 %, No: 25 %"])
def test_percentages_are_said_to_be_no_counts(typed):
    # QA: "Yes 75%, No 25%" was blamed on "Yes" ('"Yes" is not a count')
    with pytest.raises(LiftkitError) as caught:
        parse_counts(typed, ["Yes", "No"])
    assert caught.value.message == "poll: percentages are not counts"
    assert caught.value.hint.startswith("give the number of answers, e.g. ")


@pytest.mark.parametrize(
    "options", [AGES, ["Yes", "No"], ["1", "2", "3", "4", "5"], ["1 star", "2 stars"],
                ["Yes, definitely", "No, not really"], ["👍", "👎", "❤️"], ["p", "q"]],
)  # fmt: skip
def test_every_example_a_hint_gives_is_read(options):
    # QA: the hint's "Under 18=10 18-30=11 …" was refused as '"Under" is not a count'
    slips = ["", "1 2 3 4 5 6 7", "①", f"{options[0]} 3, {options[0]} 4", "50%", options[-1]]
    examples = []
    for slip in slips:
        with pytest.raises(LiftkitError) as caught:
            parse_counts(slip, options)
        hint = caught.value.hint
        assert "e.g. " in hint, hint
        examples.extend(hint.split("e.g. ", 1)[1].split(" or "))
    assert len(examples) >= len(slips)
    for example in examples:
        counts = parse_counts(example, options)
        assert sorted(counts.values()) == list(range(10, 10 + len(options))), example
