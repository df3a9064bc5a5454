"""Factories for the quizzes room in tests: topics, questions (and their translations), quiz pages, attempts.

``QuizPageFactory(parent=index, questions=[...])`` is a published quiz with those fixed questions
(``topics=[...]`` with ``selection="random"`` to draw instead); ``AttemptFactory(quiz=page,
answers="right")`` takes it through the same start and submit a visitor's answer sheet goes through.
"""

import factory
from wagtail.models import Locale

from home.models import Topic
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.models import (
    Attempt,
    Choice,
    Question,
    QuestionKind,
    QuizIndexPage,
    QuizPage,
    QuizQuestion,
    QuizTopic,
)
from quizzes.visitors import Owner
from tests.factories import PublishedPageFactory, translate

__all__ = [
    "AttemptFactory",
    "QuestionFactory",
    "QuizIndexPageFactory",
    "QuizPageFactory",
    "TopicFactory",
    "as_tokens",
    "right_answers",
    "right_choice_ids",
    "translate",
    "translate_question",
    "wrong_answers",
]


def chinese():
    return Locale.objects.get(language_code="zh-hans")


class TopicFactory(factory.django.DjangoModelFactory):
    """The topic with this slug in this language (Chinese by default), made if there is none."""

    class Meta:
        model = Topic
        django_get_or_create = ("locale", "slug")

    slug = "fraud"
    locale = factory.LazyFunction(chinese)
    name = factory.LazyAttribute(lambda topic: topic.slug)


def default_choices(kind):
    if kind == QuestionKind.TRUE_FALSE:
        return [("正确", True), ("错误", False)]
    if kind == QuestionKind.MULTIPLE:
        return [("甲", True), ("乙", True), ("丙", False), ("丁", False)]
    return [("对的选项", True), ("错的选项一", False), ("错的选项二", False)]


class QuestionFactory(factory.django.DjangoModelFactory):
    """A question in the bank; ``choices`` as [(text, correct)], by default one right of three
    (both of a true/false question, two right of four of a multiple-choice one)."""

    class Meta:
        model = Question

    locale = factory.LazyFunction(chinese)
    kind = QuestionKind.SINGLE
    text = factory.Sequence(lambda n: f"第 {n + 1} 题：遇到紧急情况应该怎么办？")
    explanation = factory.Sequence(lambda n: f"第 {n + 1} 题的解析。")
    choices = factory.LazyAttribute(lambda question: default_choices(question.kind))

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        locale = kwargs["locale"]
        kwargs["choices"] = [
            Choice(text=text, is_correct=correct, sort_order=order, locale=locale)
            for order, (text, correct) in enumerate(kwargs["choices"])
        ]
        return kwargs


def translate_question(source, language_code="en", text=None, choice_texts=None, flags=None):
    """A copy in another language with the same translation keys (what wagtail-localize makes).
    `flags` overrides the copy's correct flags (to show that the default language's copy decides)."""
    locale = Locale.objects.get(language_code=language_code)
    copy = Question(
        locale=locale,
        translation_key=source.translation_key,
        kind=source.kind,
        text=text or f"EN: {source.text}",
        explanation=f"EN: {source.explanation}",
        topic=source.topic,
        difficulty=source.difficulty,
        learn_more_page=source.learn_more_page,
        is_retired=source.is_retired,
    )
    for index, choice in enumerate(source.choices.all()):
        copy.choices.add(
            Choice(
                locale=locale,
                translation_key=choice.translation_key,
                text=(choice_texts or {}).get(index, f"EN: {choice.text}"),
                is_correct=choice.is_correct if flags is None else flags[index],
                feedback=choice.feedback,
                sort_order=choice.sort_order,
            )
        )
    copy.save()
    return copy


class QuizIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = QuizIndexPage

    title = "安全知识问答"
    slug = "quizzes-test"
    intro = "测一测你的海外安全知识。"


class QuizPageFactory(PublishedPageFactory):
    """A published quiz page with fixed ``questions``, or drawing from ``topics`` (selection="random")."""

    class Meta:
        model = QuizPage

    class Params:
        questions = ()
        topics = ()

    title = factory.Sequence(lambda n: f"领事保护知识问答 {n + 1}")
    slug = factory.Sequence(lambda n: f"quiz-{n + 1}")
    summary = "五分钟测一测。"
    intro = "<p>共几道题，答完即可看到成绩。</p>"
    shuffle_choices = False
    fixed_questions = factory.LazyAttribute(
        lambda page: [
            QuizQuestion(question=item, sort_order=order) for order, item in enumerate(page.questions)
        ]
    )
    draw_topics = factory.LazyAttribute(
        lambda page: [QuizTopic(topic=item, sort_order=order) for order, item in enumerate(page.topics)]
    )


def right_answers(attempt):
    """What the answer sheet sends for all-right answers: the right choices' tokens."""
    return {q["key"]: [c["token"] for c in q["choices"] if c["correct"]] for q in attempt.snapshot}


def right_choice_ids(attempt):
    """The draft that `right_answers` leaves: the right choices' ids."""
    return {q["key"]: [c["id"] for c in q["choices"] if c["correct"]] for q in attempt.snapshot}


def wrong_answers(attempt):
    return {q["key"]: [next(c["token"] for c in q["choices"] if not c["correct"])] for q in attempt.snapshot}


def as_tokens(attempt, answers):
    """{question key: [choice ids]} as the attempt's answer sheet sends it: the choices' tokens."""
    tokens = {c["id"]: c["token"] for q in attempt.snapshot for c in q["choices"]}
    return {key: [tokens.get(choice, choice) for choice in chosen] for key, chosen in answers.items()}


class AttemptFactory(factory.Factory):
    """An attempt at ``quiz`` by ``user`` (or a guest token), started and submitted as a visitor's are
    (quizzes.attempts), with ``answers``: "right", "wrong", or {question key: [choice ids or tokens]};
    ``submit=False`` leaves it in progress."""

    class Meta:
        model = Attempt

    quiz = None
    user = None
    guest_token = "guest-token"
    answers = None
    submit = True

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise TypeError("An attempt is made through quizzes.attempts: use AttemptFactory(), not .build()")

    @classmethod
    def _create(cls, model_class, quiz, user, guest_token, answers, submit):
        owner = Owner(user=user) if user is not None else Owner(guest_token=guest_token)
        started, _ = start_attempt(quiz, owner)
        if not submit:
            return started
        if answers == "right":
            answers = right_answers(started)
        elif answers == "wrong":
            answers = wrong_answers(started)
        submitted, _ = submit_attempt(started, as_tokens(started, answers or {}))
        return submitted
