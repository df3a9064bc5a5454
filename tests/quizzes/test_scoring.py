"""Scoring rules on snapshots: one point a question, all or nothing for multiple choice."""

import pytest

from quizzes import scoring


def question(key, kind, correct, wrong):
    choices = [
        {"id": i, "key": f"k{i}", "token": f"t{i}", "text": str(i), "correct": i in correct, "feedback": ""}
        for i in correct + wrong
    ]
    return {"key": key, "question_id": None, "kind": kind, "text": key, "choices": choices}


SNAPSHOT = [
    question("single", "single", [1], [2, 3]),
    question("multiple", "multiple", [4, 5], [6, 7]),
    question("tf", "true-false", [8], [9]),
]


def test_all_right_scores_every_question():
    result = scoring.score(SNAPSHOT, {"single": [1], "multiple": [4, 5], "tf": [8]})
    assert (result.score, result.max_score, result.percent) == (3, 3, 100)
    assert result.passed(100)


def test_partly_right_multiple_choice_scores_nothing():
    for chosen in ([4], [4, 5, 6], [5, 7], [6]):
        result = scoring.score(SNAPSHOT, {"multiple": chosen})
        assert result.answers[1].is_correct is False, chosen


def test_wrong_and_unanswered_score_nothing():
    result = scoring.score(SNAPSHOT, {"single": [2], "tf": [9]})
    assert [answer.is_correct for answer in result.answers] == [False, False, False]
    assert result.score == 0 and not result.passed(1)
    assert [answer.answered for answer in result.answers] == [True, False, True]


def test_response_key_is_language_free_and_sorted():
    result = scoring.score(SNAPSHOT, {"multiple": [7, 4]})
    assert result.answers[1].response_key == "k4,k7"
    assert result.answers[0].response_key == ""


@pytest.mark.parametrize(
    ("score", "out_of", "expected"), [(0, 3, 0), (1, 3, 33), (2, 3, 67), (7, 9, 78), (1, 8, 13), (0, 0, 0)]
)
def test_percent_rounds_half_up(score, out_of, expected):
    assert scoring.percent(score, out_of) == expected


def test_pass_mark_is_inclusive():
    result = scoring.score(SNAPSHOT, {"single": [1], "multiple": [4, 5]})
    assert result.percent == 67
    assert result.passed(67) and not result.passed(68)


@pytest.mark.parametrize(
    ("question_index", "chosen"),
    [(0, ["t4"]), (0, ["x"]), (0, ["t1", "t2"]), (2, ["t8", "t9"]), (0, [None]), (0, [1]), (0, ["1"])],
)
def test_clean_choices_refuses_foreign_tokens_ids_and_several_for_one_answer(question_index, chosen):
    with pytest.raises(scoring.InvalidAnswerError):
        scoring.clean_choices(SNAPSHOT[question_index], chosen)


def test_clean_choices_turns_tokens_into_ids_and_deduplicates():
    assert scoring.clean_choices(SNAPSHOT[1], ["t5", "t4", "t5"]) == [4, 5]


def test_unanswered_lists_positions():
    assert scoring.unanswered(SNAPSHOT, {"multiple": [4], "tf": []}) == [1, 3]
