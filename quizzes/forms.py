"""The answer sheet of an attempt: reading answers from a POST, and what the template shows.

Answers arrive as `q-<question key>` -> choice tokens, for every question of the attempt (a question
with nothing ticked sends nothing, which clears it). A choice's token is random and new in every
attempt (`quizzes.attempts.choice_token`); whether the tokens belong to the question is checked by
`quizzes.attempts.clean_answers`, not here. What the template gets is built from the snapshot field by
field, leaving out ids, correctness, feedback and explanations: nothing sent before submitting can tell.
"""

from dataclasses import dataclass

from .models.bank import QuestionKind

FIELD_PREFIX = "q-"


def field_name(question_key):
    return f"{FIELD_PREFIX}{question_key}"


def answers_from(data, snapshot):
    """{question key: [raw choice tokens]} from a POST: every question of the snapshot (unticked -> []),
    and any other `q-` field as sent, so that `clean_answers` refuses a question the attempt lacks."""
    answers = {question["key"]: data.getlist(field_name(question["key"])) for question in snapshot}
    for name in data:
        if name.startswith(FIELD_PREFIX) and name[len(FIELD_PREFIX) :] not in answers:
            answers[name[len(FIELD_PREFIX) :]] = data.getlist(name)
    return answers


@dataclass(frozen=True)
class ChoiceField:
    value: str
    text: str
    input_id: str
    checked: bool


@dataclass(frozen=True)
class QuestionField:
    number: int
    key: str
    name: str
    kind: str
    text: str
    choices: list

    @property
    def anchor(self):
        return f"question-{self.number}"

    @property
    def input_type(self):
        return "checkbox" if self.kind == QuestionKind.MULTIPLE else "radio"

    @property
    def is_multiple(self):
        return self.kind == QuestionKind.MULTIPLE

    @property
    def answered(self):
        return any(choice.checked for choice in self.choices)


def answer_sheet(snapshot, answers):
    """The questions to show, numbered from 1, with `answers` (the draft: {key: [choice ids]}) ticked."""
    sheet = []
    for number, question in enumerate(snapshot, start=1):
        chosen = {str(choice_id) for choice_id in answers.get(question["key"]) or []}
        sheet.append(
            QuestionField(
                number=number,
                key=question["key"],
                name=field_name(question["key"]),
                kind=question["kind"],
                text=question["text"],
                choices=[
                    ChoiceField(
                        value=choice["token"],
                        text=choice["text"],
                        input_id=f"q{number}-c{position}",
                        checked=str(choice["id"]) in chosen,
                    )
                    for position, choice in enumerate(question["choices"], start=1)
                ],
            )
        )
    return sheet
