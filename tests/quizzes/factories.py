"""Builders for the quizzes room in tests: questions (and their translations), quiz pages, attempts."""

import itertools

from wagtail.models import Locale

from home.models import Topic
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.models import Choice, Question, QuestionKind, QuizIndexPage, QuizPage, QuizQuestion, QuizTopic
from quizzes.visitors import Owner

_numbers = itertools.count(1)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def topic(slug="fraud", locale=None):
    locale = locale or Locale.objects.get(language_code="zh-hans")
    found = Topic.objects.filter(locale=locale, slug=slug).first()
    return found or Topic.objects.create(locale=locale, slug=slug, name=slug)


def question(text=None, choices=None, kind=QuestionKind.SINGLE, locale=None, **fields):
    """A question in the bank; `choices` as [(text, correct)], by default one right of three."""
    locale = locale or Locale.objects.get(language_code="zh-hans")
    number = next(_numbers)
    if choices is None:
        if kind == QuestionKind.TRUE_FALSE:
            choices = [("正确", True), ("错误", False)]
        elif kind == QuestionKind.MULTIPLE:
            choices = [("甲", True), ("乙", True), ("丙", False), ("丁", False)]
        else:
            choices = [("对的选项", True), ("错的选项一", False), ("错的选项二", False)]
    built = Question(
        locale=locale,
        kind=kind,
        text=text or f"第 {number} 题：遇到紧急情况应该怎么办？",
        explanation=fields.pop("explanation", f"第 {number} 题的解析。"),
        **fields,
    )
    for order, (choice_text, correct) in enumerate(choices):
        built.choices.add(Choice(text=choice_text, is_correct=correct, sort_order=order, locale=locale))
    built.save()
    return built


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


def quiz_index(home, slug="quizzes-test", title="安全知识问答"):
    return publish(home, QuizIndexPage(title=title, slug=slug, intro="测一测你的海外安全知识。"))


def quiz_page(index, questions=(), topics=(), title=None, **fields):
    """A published quiz page with fixed `questions`, or drawing from `topics` (selection="random")."""
    number = next(_numbers)
    defaults = {
        "title": title or f"领事保护知识问答 {number}",
        "slug": f"quiz-{number}",
        "summary": "五分钟测一测。",
        "intro": "<p>共几道题，答完即可看到成绩。</p>",
        "shuffle_choices": False,
    }
    page = QuizPage(**(defaults | fields))
    for order, item in enumerate(questions):
        page.fixed_questions.add(QuizQuestion(question=item, sort_order=order))
    for order, item in enumerate(topics):
        page.draw_topics.add(QuizTopic(topic=item, sort_order=order))
    return publish(index, page)


def translate_page(page, language_code="en", **fields):
    locale = Locale.objects.get(language_code=language_code)
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


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


def attempt(quiz, user=None, guest_token="guest-token", answers=None, submit=True):  # noqa: S107
    """An attempt by `user` (or a guest token); submitted with `answers` ("right", "wrong", or a dict of
    choice ids or tokens per question key)."""
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
