"""The answer sheet's values tell nothing: each choice of an attempt sends a random token of its own,
new in every attempt, of one length, accepted only for that attempt's own question; with shuffled
choices the right one's place is left to chance, true/false included.

The statistics test plays the attacker who opened the page source of 200 attempts: whichever
property of the values they look at (the smallest, the first, the last, the length, a value seen
before), it picks the right choice no more often than a guess would."""

import re
from collections import Counter, defaultdict

import pytest
from django.urls import reverse
from django.utils import translation

from quizzes.attempts import save_answers, start_attempt
from quizzes.forms import answer_sheet
from quizzes.models import Attempt, QuestionKind
from quizzes.scoring import InvalidAnswerError
from quizzes.visitors import GUEST_SESSION_KEY, Owner

from . import factories

pytestmark = pytest.mark.django_db

ATTEMPTS = 200


@pytest.fixture
def quiz(home_zh):
    questions = [
        factories.QuestionFactory(kind=QuestionKind.SINGLE),
        factories.QuestionFactory(kind=QuestionKind.SINGLE),
        factories.QuestionFactory(kind=QuestionKind.MULTIPLE),
        factories.QuestionFactory(kind=QuestionKind.TRUE_FALSE, choices=[("正确", True), ("错误", False)]),
        factories.QuestionFactory(kind=QuestionKind.TRUE_FALSE, choices=[("正确", False), ("错误", True)]),
    ]
    return factories.QuizPageFactory(
        parent=factories.QuizIndexPageFactory(parent=home_zh), questions=questions, shuffle_choices=True
    )


def value_statistics(sheets_and_snapshots):
    """Per question kind: how often the smallest, the first and the last value was a right choice."""
    hits = defaultdict(Counter)
    for sheet, snapshot in sheets_and_snapshots:
        for field, question in zip(sheet, snapshot, strict=True):
            right = {choice["token"] for choice in question["choices"] if choice["correct"]}
            values = [choice.value for choice in field.choices]
            counts = hits[question["kind"]]
            counts["questions"] += 1
            counts["smallest"] += min(values) in right
            counts["first"] += values[0] in right
            counts["last"] += values[-1] in right
    return hits


def test_no_property_of_the_values_tells_the_right_choice(quiz):
    drawn = []
    for number in range(ATTEMPTS):
        attempt, _ = start_attempt(quiz, Owner(guest_token=f"guest-{number}"))
        drawn.append((answer_sheet(attempt.snapshot, {}), attempt.snapshot))

    values = [choice.value for sheet, _ in drawn for field in sheet for choice in field.choices]
    ids = {
        str(choice["id"]) for _, snapshot in drawn for question in snapshot for choice in question["choices"]
    }
    assert len(values) == ATTEMPTS * (3 + 3 + 4 + 2 + 2)
    assert len(set(values)) == len(values)  # never the same value twice, in one attempt or across them
    assert {len(value) for value in values} == {16}  # one size for all
    assert not ids & set(values)

    hits = value_statistics(drawn)
    print("\nchoice values over", ATTEMPTS, "attempts:", {kind: dict(c) for kind, c in hits.items()})
    # The share a blind guess gets: 1/3 of single-choice, 1/2 of true/false, and for multiple choice
    # (2 right of 4) 1/2. The bounds are six standard deviations wide: a leak (100%) is far outside.
    for kind, expected in (
        (QuestionKind.SINGLE, 1 / 3),
        (QuestionKind.TRUE_FALSE, 1 / 2),
        (QuestionKind.MULTIPLE, 1 / 2),
    ):
        counts = hits[kind]
        n = counts["questions"]
        spread = 6 * (n * expected * (1 - expected)) ** 0.5
        for what in ("smallest", "first", "last"):
            assert abs(counts[what] - n * expected) <= spread, (kind, what, dict(counts))


def test_true_false_choices_are_shuffled_too(quiz):
    firsts = Counter()
    for number in range(40):
        attempt, _ = start_attempt(quiz, Owner(guest_token=f"tf-{number}"))
        true_false = [
            question for question in attempt.snapshot if question["kind"] == QuestionKind.TRUE_FALSE
        ]
        firsts.update(question["choices"][0]["text"] for question in true_false)
    assert firsts["正确"] > 0 and firsts["错误"] > 0


def test_a_token_is_accepted_only_in_its_own_attempt(quiz):
    mine, _ = start_attempt(quiz, Owner(guest_token="mine"))
    theirs, _ = start_attempt(quiz, Owner(guest_token="theirs"))
    question = mine.snapshot[0]
    their_question = next(q for q in theirs.snapshot if q["key"] == question["key"])
    their_right = [c["token"] for c in their_question["choices"] if c["correct"]]

    with pytest.raises(InvalidAnswerError):
        save_answers(mine, {question["key"]: their_right})

    mine.refresh_from_db()
    assert mine.draft == {}


def test_the_page_source_carries_the_tokens_and_no_choice_id(client, quiz):
    session = client.session
    session[GUEST_SESSION_KEY] = "source-reader"
    session.save()
    attempt, _ = start_attempt(quiz, Owner(guest_token="source-reader"))
    with translation.override("zh-hans"):
        html = client.get(reverse("quizzes:take", args=[attempt.public_id])).content.decode()

    values = re.findall(r'<input class="quiz-choice__input"[^>]*value="([^"]*)"', html)
    assert values == [c["token"] for q in attempt.snapshot for c in q["choices"]]
    for question in attempt.snapshot:
        for choice in question["choices"]:
            assert f'value="{choice["id"]}"' not in html
            assert choice["key"] not in html
    assert Attempt.objects.get(pk=attempt.pk).draft == {}
