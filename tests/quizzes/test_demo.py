"""Demo quizzes for `seed_demo`: both languages, a real question bank, generated attempts, idempotent."""

import io
from datetime import timedelta

import pytest
from django.db.models import Count, F, Q
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page, Revision

from home.demo import SEED_DEMO_CONTENT, load_demo_data
from quizzes import scoring
from quizzes.demo import seed_quizzes
from quizzes.models import Answer, Attempt, Choice, Question, QuestionKind, QuizIndexPage, QuizPage
from tests.shared_data import made_once

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """After home's seeder (the conftest builds the demo site), as `seed_demo` runs it; once for the
    module (rolled back after it), each test's changes rolled back after it."""
    with made_once(django_db_blocker, lambda: seed_quizzes(io.StringIO())) as made:
        yield made


def counts():
    return {
        model.__name__: model.objects.count() for model in (Page, Revision, Question, Choice, Attempt, Answer)
    }


def quiz(locale, slug):
    return QuizPage.objects.live().get(locale=locale, slug=slug)


def test_seed_demo_runs_the_quizzes_seeder():
    assert seed_quizzes in hooks.get_hooks(SEED_DEMO_CONTENT)


def test_quiz_index_sits_under_each_home_page_in_the_menu(seeded, home_zh, home_en):
    titles = {}
    for home in (home_zh, home_en):
        index = QuizIndexPage.objects.child_of(home).live().get(slug="quizzes")
        assert index.show_in_menus and index.intro
        titles[home.locale.language_code] = index.title
    assert titles == {"zh-hans": "安全知识问答", "en": "Safety quizzes"}


def test_three_quizzes_live_in_both_languages_with_their_rules(seeded, zh, en):
    for locale in (zh, en):
        assert QuizPage.objects.live().filter(locale=locale).count() == 3
    for spec in load_demo_data("quizzes", "quizzes")["quizzes"]:
        chinese, english = quiz(zh, spec["slug"]), quiz(en, spec["slug"])
        assert english.translation_key == chinese.translation_key
        assert english.title != chinese.title and english.summary != chinese.summary
        assert not chinese.show_in_menus
    for locale in (zh, en):
        basics = quiz(locale, "consular-protection-basics")
        assert basics.selection == QuizPage.Selection.FIXED and basics.fixed_questions.count() == 12
        assert basics.review == QuizPage.Review.ANSWERS and basics.time_limit_minutes is None
        assert basics.attempts_allowed == 0 and basics.is_featured

        safety = quiz(locale, "fraud-and-personal-safety")
        assert safety.selection == QuizPage.Selection.RANDOM and safety.draw_count == 8
        assert safety.shuffle_questions and safety.time_limit_minutes == 10
        assert safety.review == QuizPage.Review.ANSWERS and not safety.is_featured
        assert set(safety.draw_topics.values_list("topic__slug", flat=True)) == {
            "fraud-and-scams",
            "personal-safety",
        }

        students = quiz(locale, "pre-departure-students")
        assert students.fixed_questions.count() == 10 and students.signed_in_only
        assert students.attempts_allowed == 3 and students.pass_mark == 80
        assert students.review == QuizPage.Review.ANSWERS_WHEN_DONE

        pool = Question.objects.filter(
            locale=locale, is_retired=False, topic__slug__in=["fraud-and-scams", "personal-safety"]
        )
        assert pool.count() >= 12


def test_at_least_30_questions_each_with_an_english_translation(seeded, zh, en):
    chinese = list(Question.objects.filter(locale=zh).prefetch_related("choices"))
    english = {
        question.translation_key: question
        for question in Question.objects.filter(locale=en).prefetch_related("choices")
    }
    assert len(chinese) >= 30 and len(load_demo_data("quizzes", "questions")) >= 30
    for question in chinese:
        translation = english[question.translation_key]
        assert translation.text != question.text and translation.explanation != question.explanation
        assert (translation.kind, translation.topic_id, translation.difficulty) == (
            question.kind,
            question.topic_id,
            question.difficulty,
        )
        assert [(c.translation_key, c.is_correct) for c in translation.choices.all()] == [
            (c.translation_key, c.is_correct) for c in question.choices.all()
        ]


def test_every_single_and_true_false_question_has_exactly_one_correct_choice(seeded):
    for question in Question.objects.prefetch_related("choices"):
        correct = sum(choice.is_correct for choice in question.choices.all())
        if question.kind == QuestionKind.MULTIPLE:
            assert 2 <= correct < question.choices.count(), question.text
        else:
            assert correct == 1, question.text
        if question.kind == QuestionKind.TRUE_FALSE:
            assert question.choices.count() == 2


def test_the_bank_mixes_kinds_topics_and_difficulties(seeded, zh):
    questions = Question.objects.filter(locale=zh)
    assert set(questions.values_list("kind", flat=True)) == set(QuestionKind.values)
    assert set(questions.values_list("difficulty", flat=True)) == {1, 2, 3}
    demo_topics = {topic["slug"] for topic in load_demo_data("home", "site")["topics"]}
    used = set(questions.values_list("topic__slug", flat=True))
    assert None not in used and used <= demo_topics and len(used) >= 6
    assert all(question.explanation for question in questions)
    assert Choice.objects.filter(question__locale=zh).exclude(feedback="").count() >= 30
    text = " ".join(
        [question.text + question.explanation for question in questions]
        + list(Choice.objects.filter(question__locale=zh).values_list("text", flat=True))
    )
    for fact in (
        "+86-10-12308",
        "24 小时",
        "旅行证",
        "不能干涉",
        "转账",
        "复印",
        "中国领事",
        "保险",
        "学生签证",
    ):
        assert fact in text, fact


def test_learn_more_links_point_at_live_demo_content(seeded, zh):
    questions = Question.objects.filter(locale=zh).select_related("learn_more_page")
    linked = [question for question in questions if question.learn_more_page_id]
    assert len(linked) >= 25
    for question in linked:
        page = question.learn_more_page
        assert page.live and page.locale_id == zh.pk
        assert page.get_parent().slug == "knowledge"


def test_a_few_hundred_attempts_in_both_languages_scored_as_the_server_scores(seeded):
    submitted = Attempt.objects.filter(status=Attempt.Status.SUBMITTED)
    assert submitted.count() >= 200
    assert set(submitted.values_list("language", flat=True)) == {"zh-hans", "en"}
    assert Attempt.objects.values("quiz_key").distinct().count() == 3
    without_all_answers = submitted.annotate(answered=Count("answers")).exclude(answered=F("max_score"))
    assert not without_all_answers.exists()
    codes = list(submitted.values_list("result_code", flat=True))
    assert all(codes) and len(set(codes)) == len(codes)
    for attempt in Attempt.objects.filter(status=Attempt.Status.SUBMITTED).prefetch_related("answers")[:60]:
        result = scoring.score(attempt.snapshot, attempt.draft)
        assert (attempt.score, attempt.max_score, attempt.percent) == (
            result.score,
            result.max_score,
            result.percent,
        )
        assert attempt.passed == result.passed(attempt.pass_mark)
        assert [answer.is_correct for answer in attempt.answers.all()] == [
            a.is_correct for a in result.answers
        ]
        assert attempt.started_at < attempt.submitted_at


def test_attempts_spread_over_60_days_with_a_realistic_spread_of_scores(seeded):
    now = timezone.now()
    attempts = Attempt.objects.all()
    assert not attempts.filter(started_at__lt=now - timedelta(days=61)).exists()
    assert not attempts.filter(started_at__gt=now).exists()
    assert attempts.filter(started_at__lt=now - timedelta(days=40)).exists()
    submitted = attempts.filter(status=Attempt.Status.SUBMITTED)
    assert submitted.filter(passed=True).exists() and submitted.filter(passed=False).exists()
    assert submitted.values("percent").distinct().count() >= 6
    facility = {
        row["question_key"]: row["right"] / row["total"]
        for row in Answer.objects.values("question_key").annotate(
            total=Count("id"), right=Count("id", filter=Q(is_correct=True))
        )
    }
    assert min(facility.values()) < 0.5 < max(facility.values())


def test_attempts_keep_to_the_quiz_rules_some_expired_or_unfinished(seeded, zh):
    expired = Attempt.objects.filter(status=Attempt.Status.EXPIRED)
    assert expired.exists() and not Answer.objects.filter(attempt__in=expired).exists()
    assert all(attempt.deadline and attempt.passed is False and attempt.score is None for attempt in expired)
    assert Attempt.objects.filter(status=Attempt.Status.IN_PROGRESS).exists()
    timed = quiz(zh, "fraud-and-personal-safety").translation_key
    assert set(expired.values_list("quiz_key", flat=True)) == {timed}
    students = quiz(zh, "pre-departure-students").translation_key
    assert not Attempt.objects.filter(quiz_key=students, number__gt=3).exists()
    safety = quiz(zh, "fraud-and-personal-safety").translation_key
    assert {len(attempt.snapshot) for attempt in Attempt.objects.filter(quiz_key=safety)} == {8}
    for attempt in Attempt.objects.filter(quiz_key=safety, deadline__isnull=False):
        assert attempt.deadline == attempt.started_at + timedelta(minutes=10)
    # Every attempt is someone's: a guest token or a user, and the snapshot is in its language.
    assert not Attempt.objects.filter(user__isnull=True, guest_token="").exists()
    for attempt in Attempt.objects.all()[:40]:
        assert (
            Question.objects.get(pk=attempt.snapshot[0]["question_id"]).locale.language_code
            == attempt.language
        )


def test_second_run_changes_nothing_and_is_quick(seeded, django_assert_max_num_queries):
    before = counts()
    with django_assert_max_num_queries(15):
        seed_quizzes(io.StringIO())
    assert counts() == before


def test_second_run_keeps_an_editors_changes(seeded, zh):
    page = quiz(zh, "consular-protection-basics")
    page.title = "领事保护知识问答（改）"
    page.save_revision().publish()
    question = Question.objects.filter(locale=zh).first()
    Question.objects.filter(pk=question.pk).update(text="改过的题目")
    seed_quizzes(io.StringIO())
    assert QuizPage.objects.get(pk=page.pk).title == "领事保护知识问答（改）"
    assert Question.objects.get(pk=question.pk).text == "改过的题目"
    assert Question.objects.filter(translation_key=question.translation_key).count() == 2


def test_a_deleted_translation_is_made_again(seeded, zh, en):
    chinese = quiz(zh, "pre-departure-students")
    QuizPage.objects.get(locale=en, translation_key=chinese.translation_key).delete()
    seed_quizzes(io.StringIO())
    assert QuizPage.objects.live().filter(locale=en, translation_key=chinese.translation_key).exists()


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_demo_quiz_pages_open_and_the_index_is_in_the_header_menu(client, seeded, language):
    home = client.get(f"/{language}/")
    assert f'class="nav-link" href="/{language}/quizzes/"' in home.content.decode()
    assert client.get(f"/{language}/quizzes/").status_code == 200
    assert client.get(f"/{language}/quizzes/consular-protection-basics/").status_code == 200
