"""Scoring on the server, from an attempt's snapshot: one point per question, a multiple-choice
question only when exactly the right set is chosen (all or nothing), an unanswered one scores nothing."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .models.bank import QuestionKind


class InvalidAnswerError(ValueError):
    """An answer names a choice the question does not have, or several for a one-answer question."""


@dataclass(frozen=True)
class ScoredAnswer:
    position: int
    question: dict
    chosen: list
    is_correct: bool

    @property
    def response_key(self):
        """The chosen choices, language-free: their translation keys sorted and joined."""
        keys = {choice["id"]: choice["key"] for choice in self.question["choices"]}
        return ",".join(sorted(keys[choice_id] for choice_id in self.chosen))

    @property
    def answered(self):
        return bool(self.chosen)


@dataclass(frozen=True)
class Score:
    answers: list
    score: int
    max_score: int

    @property
    def percent(self):
        return percent(self.score, self.max_score)

    def passed(self, pass_mark):
        return self.percent >= pass_mark


def percent(score, max_score):
    """Whole percent, rounded half up (7 of 9 is 78%)."""
    if not max_score:
        return 0
    return (200 * score + max_score) // (2 * max_score)


def clean_choices(question, chosen):
    """The ids of the choices whose tokens were sent for one snapshot question, checked: tokens of this
    question in this attempt only, at most one for single-choice and true/false questions. Raises
    `InvalidAnswerError` with a message for the person."""
    by_token = {choice["token"]: choice["id"] for choice in question["choices"] if choice.get("token")}
    if not all(isinstance(token, str) and token in by_token for token in chosen):
        raise InvalidAnswerError(_("That answer is not one of this question's choices."))
    ids = sorted({by_token[token] for token in chosen})
    if question["kind"] != QuestionKind.MULTIPLE and len(ids) > 1:
        raise InvalidAnswerError(_("Choose only one answer for this question."))
    return ids


def is_right(question, chosen):
    correct = {choice["id"] for choice in question["choices"] if choice["correct"]}
    return bool(chosen) and set(chosen) == correct


def score(snapshot, answers):
    """Score `answers` ({question key: [choice ids]}, already cleaned) against the snapshot."""
    scored = []
    for position, question in enumerate(snapshot, start=1):
        chosen = sorted(answers.get(question["key"], []))
        scored.append(ScoredAnswer(position, question, chosen, is_right(question, chosen)))
    return Score(scored, sum(answer.is_correct for answer in scored), len(snapshot))


def unanswered(snapshot, answers):
    """Positions (1-based) of questions without an answer, for the "before you submit" list."""
    return [
        position for position, question in enumerate(snapshot, start=1) if not answers.get(question["key"])
    ]
