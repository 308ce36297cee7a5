"""The poll figures of the event pack (the average score, the share who would recommend) in
its three formats, from a session run in plain mode with the polls typed in (`p 5 4 1 0 0`),
each figure counted again from the answers given."""

import json
import re
from decimal import ROUND_HALF_UP, Decimal

from test_run_plain import run_plain

CHECK_IN = """
title = "Check-in and evaluation"
[[segments]]
title = "Check-in"
duration = "10m"
kind = "welcome"
[[segments.polls]]
question = "How energised do you feel right now? (1 = drained, 5 = buzzing)"
options = [1, 2, 3, 4, 5]
kind = "score"
[[segments]]
title = "Evaluation"
duration = "10m"
[[segments.polls]]
question = "Overall, how would you score this conversation?"
options = [1, 2, 3, 4, 5]
kind = "score"
"""


def packs(tmp_path, cli, agenda, commands):
    """The session run with `commands` typed, exported as Markdown, HTML and JSON."""
    tmp_path.mkdir(exist_ok=True)
    ran = run_plain(tmp_path, agenda, commands, "--plain")
    assert ran.returncode == 0, ran.stderr
    (folder,) = (tmp_path / "s").iterdir()
    out = {}
    for form in ("md", "html", "json"):
        result = cli("export", str(folder), "--format", form)
        assert result.exit_code == 0, result.output
        out[form] = result.stdout
    out["json"] = json.loads(out["json"])
    return out


def section(markdown, title):
    """The `## title` section's text."""
    start = markdown.index(f"\n## {title}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end > 0 else None]


def average(counts, options):
    """The average of the answers, counted again, to one place, half up, and to two."""
    exact = Decimal(sum(c * o for c, o in zip(counts, options, strict=True))) / sum(counts)
    return (f"{exact.quantize(Decimal('0.1'), ROUND_HALF_UP).normalize():f}",
            float(exact.quantize(Decimal("0.01"), ROUND_HALF_UP)))  # fmt: skip


def captions(html):
    """The HTML pack's feedback figures, as their captions read."""
    found = re.findall(r'<figcaption><strong class="big">(.*?)</strong> (.*?)</figcaption>', html)
    return [f"{big} {caption}" for big, caption in found]


def test_a_check_in_score_stays_in_its_segment_and_the_evaluation_is_the_feedback(tmp_path, cli):
    check_in, evaluation = [5, 4, 1, 0, 0], [0, 0, 0, 2, 8]
    said = "r Ada Lovelace: feeling tired after a long week"
    pack = packs(tmp_path, cli, CHECK_IN, f"p 5 4 1 0 0\n{said}\nn\np 0 0 0 2 8\nn\ny\n")
    (felt, _), (scored, scored_json) = (average(c, range(1, 6)) for c in (check_in, evaluation))
    md = pack["md"]
    first, thanks = section(md, "1. Check-in"), section(md, "Thank you and feedback")
    assert f"Average score: **{felt}/5** ({sum(check_in)} answers)" in first
    assert "How energised" in first and "How energised" not in thanks
    assert "feeling tired after a long week" in first  # said at the check-in: stays there
    assert "is under “Thank you and feedback”" not in first
    assert f"Average score: **{scored}/5** ({sum(evaluation)} answers)" in thanks
    assert "feeling tired" not in thanks and f"**{felt}/5**" not in thanks
    assert captions(pack["html"]) == [
        f"{felt}/5 average score ({sum(check_in)} answers)",
        f"{scored}/5 average score ({sum(evaluation)} answers)",
    ]
    feedback = pack["json"]["feedback"]
    assert feedback["average_score"] == scored_json
    assert feedback["score_answers"] == sum(evaluation) and feedback["said"] == []
    assert [p["question"] for p in feedback["polls"]] == [
        "Overall, how would you score this conversation?"
    ]
    polls = pack["json"]["segments"][0]["polls"]  # the check-in's, with its average
    assert [p["average_score"] for p in polls] == [float(felt)]


TWO_SCALES = """
title = "Two scores"
[[segments]]
title = "Talk"
duration = "10m"
kind = "talk"
[[segments]]
title = "Evaluation"
duration = "10m"
[[segments.polls]]
question = "How likely are you to come again? (0-10)"
options = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
kind = "score"
[[segments.polls]]
question = "How useful was it? (1-5)"
options = [1, 2, 3, 4, 5]
kind = "score"
"""


def test_several_score_polls_in_the_evaluation_each_show_their_average(tmp_path, cli):
    ten, five = [0, 0, 0, 0, 0, 0, 1, 1, 2, 4, 4], [0, 0, 1, 5, 6]
    typed = f"n\np {' '.join(map(str, ten))}\np 2 {' '.join(map(str, five))}\nn\ny\n"
    pack = packs(tmp_path, cli, TWO_SCALES, typed)
    (of_ten, ten_json), (of_five, five_json) = average(ten, range(11)), average(five, range(1, 6))
    thanks = section(pack["md"], "Thank you and feedback")
    figures = next(line for line in thanks.splitlines() if line.startswith("Average score"))
    assert figures == (
        f"Average score for “How likely are you to come again? (0-10)”: **{of_ten}/10** "
        f"({sum(ten)} answers) · Average score for “How useful was it? (1-5)”: "
        f"**{of_five}/5** ({sum(five)} answers)"
    )
    assert captions(pack["html"]) == [
        f"{of_ten}/10 average score for “How likely are you to come again? (0-10)” "
        f"({sum(ten)} answers)",
        f"{of_five}/5 average score for “How useful was it? (1-5)” ({sum(five)} answers)",
    ]
    feedback = pack["json"]["feedback"]
    assert [p["average_score"] for p in feedback["polls"]] == [ten_json, five_json]
    assert [p["answers"]["total"] for p in feedback["polls"]] == [sum(ten), sum(five)]


AROUND_NOUGHT = """
title = "Around nought"
[[segments]]
title = "Evaluation"
duration = "10m"
[[segments.polls]]
question = "How did it go? (-2 = badly, 2 = well)"
options = [-2, -1, 0, 1, 2]
kind = "score"
"""


def test_an_average_of_nought_is_a_number_in_json_with_its_scale(tmp_path, cli):
    counts, options = [1, 0, 0, 0, 1], range(-2, 3)
    pack = packs(tmp_path, cli, AROUND_NOUGHT, f"p {' '.join(map(str, counts))}\nn\ny\n")
    shown, exact = average(counts, options)
    assert f"Average score: **{shown}/2** ({sum(counts)} answers)" in pack["md"]
    feedback = pack["json"]["feedback"]
    assert feedback["average_score"] == exact and feedback["average_score"] is not None
    assert (feedback["score_lowest"], feedback["score_highest"]) == (min(options), max(options))
    (poll,) = feedback["polls"]
    assert (poll["lowest"], poll["highest"]) == (min(options), max(options))


def test_json_feedback_tells_a_score_of_ten_from_one_of_five(tmp_path, cli):
    ten, five = [0, 0, 0, 0, 0, 0, 1, 1, 2, 4, 4], [0, 0, 1, 5, 6]
    typed = f"n\np {' '.join(map(str, ten))}\np 2 {' '.join(map(str, five))}\nn\ny\n"
    feedback = packs(tmp_path, cli, TWO_SCALES, typed)["json"]["feedback"]
    assert (feedback["score_lowest"], feedback["score_highest"]) == (0, 10)  # the first's
    scales = [(p["lowest"], p["highest"]) for p in feedback["polls"]]
    assert scales == [(0, 10), (1, 5)]


RECOMMEND = """
title = "Recommend"
[[segments]]
title = "Evaluation"
duration = "10m"
[[segments.polls]]
question = "Would you recommend it to a colleague?"
options = ["Yes", "Maybe", "No"]
kind = "recommend"
"""


def test_the_share_who_would_recommend_is_rounded_on_its_own(tmp_path, cli):
    counts = [3, 2, 2]
    pack = packs(tmp_path, cli, RECOMMEND, f"p {' '.join(map(str, counts))}\nn\ny\n")
    exact = Decimal(100 * counts[0]) / sum(counts)  # 42.86
    percent = int(exact.quantize(Decimal(1), ROUND_HALF_UP))
    said = f"would recommend it to a colleague ({counts[0]} of {sum(counts)})"
    assert f"**{percent}%** {said}" in pack["md"]
    assert captions(pack["html"]) == [f"{percent}% {said}"]
    feedback = pack["json"]["feedback"]
    assert feedback["recommend_percent"] == percent
    (poll,) = feedback["polls"]
    shares = [row["percent"] for row in poll["answers"]["rows"]]
    assert sum(shares) == 100  # the table still adds up, its Yes bent to do so
    assert all(
        abs(s - Decimal(100 * c) / sum(counts)) < 1 for s, c in zip(shares, counts, strict=True)
    )


HALVES = """
title = "Halves"
[[segments]]
title = "Evaluation"
duration = "10m"
[[segments.polls]]
question = "How useful was it? (1-5)"
options = [1, 2, 3, 4, 5]
kind = "score"
[[segments.polls]]
question = "How well was it run? (1-5)"
options = [1, 2, 3, 4, 5]
kind = "score"
"""


def test_an_average_score_is_rounded_half_up(tmp_path, cli):
    useful, run = [0, 0, 0, 3, 1], [0, 0, 1, 5, 2]  # 4.25 and 4.125: halves to round
    typed = f"p {' '.join(map(str, useful))}\np 2 {' '.join(map(str, run))}\nn\ny\n"
    pack = packs(tmp_path, cli, HALVES, typed)
    (useful_shown, useful_json), (run_shown, run_json) = (
        average(counts, range(1, 6)) for counts in (useful, run)
    )
    assert (useful_shown, run_json) == ("4.3", 4.13)  # the recount rounds half up too
    thanks = section(pack["md"], "Thank you and feedback")
    assert f"“How useful was it? (1-5)”: **{useful_shown}/5** ({sum(useful)} answers)" in thanks
    assert f"“How well was it run? (1-5)”: **{run_shown}/5** ({sum(run)} answers)" in thanks
    assert [c.split()[0] for c in captions(pack["html"])] == [f"{useful_shown}/5", f"{run_shown}/5"]
    feedback = pack["json"]["feedback"]
    assert [p["average_score"] for p in feedback["polls"]] == [useful_json, run_json]


def recommending(question):
    return RECOMMEND.replace("Would you recommend it to a colleague?", question)


def test_the_recommend_sentence_says_whom_the_question_asked_about(tmp_path, cli):
    counts = [2, 1, 0]
    typed = f"p {' '.join(map(str, counts))}\nn\ny\n"
    percent = int((Decimal(100 * counts[0]) / sum(counts)).quantize(Decimal(1), ROUND_HALF_UP))
    of = f"({counts[0]} of {sum(counts)})"
    for name, question, said in (
        ("friend", "Would you recommend it to a friend?", "would recommend it to a friend"),
        ("peer", "Would you recommend an event like this to a peer? (yes/no)",
         "would recommend it to a peer"),
        ("none", "Would you recommend this event?", "would recommend it"),
        # "to a friend" of the three: the comma ended the audience
        ("three", "Would you recommend this to a friend, colleague or family member?",
         "would recommend it to a friend, colleague or family member"),
        ("when", "Would you recommend this to a friend next year?",
         "would recommend it to a friend next year"),
        ("bracket", "Would you recommend this to a friend [yes/no]",
         "would recommend it to a friend"),  # "would recommend it"
        ("long", "Would you recommend this to a friend who works in social care in your area?",
         "would recommend it"),
    ):  # fmt: skip
        pack = packs(tmp_path / name, cli, recommending(question), typed)
        thanks = section(pack["md"], "Thank you and feedback")
        assert f"**{percent}%** {said} {of}" in thanks, name
        assert captions(pack["html"]) == [f"{percent}% {said} {of}"], name
        if "colleague" not in question:  # the template's question, left behind
            assert "colleague" not in pack["md"] + pack["html"], name
