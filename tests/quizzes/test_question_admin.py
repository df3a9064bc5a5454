"""The question bank in the admin: choices checked per kind, answered questions retired (never deleted),
the listing's filters and search, and who may keep the bank."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from quizzes.models import Question, QuestionKind
from quizzes.viewsets import choice_errors
from tests.accounts.factories import staff_user

from . import factories

pytestmark = pytest.mark.django_db

URL = "wagtailsnippets_quizzes_question"


@pytest.fixture
def editor_client(client, make_user):
    client.force_login(staff_user(group="Editors"))
    return client


def choice_rows(choices, existing=()):
    rows = []
    for number, (text, correct) in enumerate(choices):
        row = {"text": text, "feedback": ""}
        if correct:
            row["is_correct"] = "on"
        if number < len(existing):
            row["id"] = str(existing[number].pk)
        rows.append(row)
    return rows


def question_form(
    choices, kind=QuestionKind.SINGLE, text="在国外护照丢失，应该先做什么？", existing=(), **fields
):
    data = {
        "kind": kind,
        "text": text,
        "explanation": "先报警并取得报案证明，再联系使领馆补办旅行证件。",
        "learn_more_page": "",
        "topic": "",
        "difficulty": "2",
        **fields,
    }
    data.update(
        nested_form_data({"choices": inline_formset(choice_rows(choices, existing), initial=len(existing))})
    )
    return data


def add(client, choices, **kwargs):
    return client.post(reverse(f"{URL}:add") + "?locale=zh-hans", question_form(choices, **kwargs))


def test_editor_adds_a_valid_single_choice_question(editor_client):
    response = add(editor_client, [("立即报警并联系使领馆", True), ("自己想办法", False), ("等着", False)])
    assert response.status_code == 302, response.content.decode()[:3000]
    question = Question.objects.get(text="在国外护照丢失，应该先做什么？")
    assert question.locale.language_code == "zh-hans"
    assert [(c.text, c.is_correct) for c in question.choices.all()] == [
        ("立即报警并联系使领馆", True),
        ("自己想办法", False),
        ("等着", False),
    ]


@pytest.mark.parametrize(
    "kind, choices",
    [
        (QuestionKind.TRUE_FALSE, [("正确", False), ("错误", True)]),
        (QuestionKind.MULTIPLE, [("报警", True), ("联系使领馆", True), ("发朋友圈", False)]),
        (QuestionKind.MULTIPLE, [("报警", True), ("联系使领馆", False)]),
    ],
)
def test_valid_questions_of_each_kind_are_saved(editor_client, kind, choices):
    response = add(editor_client, choices, kind=kind, text=f"{kind} 题")
    assert response.status_code == 302
    assert Question.objects.filter(text=f"{kind} 题", kind=kind).exists()


@pytest.mark.parametrize(
    "kind, choices, message",
    [
        (
            QuestionKind.SINGLE,
            [("甲", True), ("乙", True), ("丙", False)],
            "Mark exactly one choice as correct.",
        ),
        (QuestionKind.SINGLE, [("甲", False), ("乙", False)], "Mark exactly one choice as correct."),
        (
            QuestionKind.TRUE_FALSE,
            [("正确", True), ("错误", False), ("不知道", False)],
            "exactly two choices",
        ),
        (QuestionKind.TRUE_FALSE, [("正确", True), ("错误", True)], "Mark exactly one choice as correct."),
        (
            QuestionKind.MULTIPLE,
            [("甲", False), ("乙", False), ("丙", False)],
            "Mark at least one choice as correct.",
        ),
        (QuestionKind.SINGLE, [("甲", True)], "at least"),
        (QuestionKind.SINGLE, [("甲", True), ("   ", False)], "This field is required."),
    ],
)
def test_invalid_choices_are_refused_with_a_message(editor_client, kind, choices, message):
    response = add(editor_client, choices, kind=kind, text="不该保存的题")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Question.objects.filter(text="不该保存的题").exists()


def test_choice_errors_per_kind():
    two = [{"text": "甲", "is_correct": True}, {"text": "乙", "is_correct": False}]
    assert choice_errors(QuestionKind.SINGLE, two) == []
    assert choice_errors(QuestionKind.TRUE_FALSE, two) == []
    assert choice_errors(QuestionKind.MULTIPLE, two) == []
    assert choice_errors(
        QuestionKind.SINGLE, [{"text": "甲", "is_correct": True}, {"text": " ", "is_correct": False}]
    )
    assert choice_errors(QuestionKind.MULTIPLE, [{"text": "甲", "is_correct": False}] * 2)


def test_editing_to_a_wrong_set_is_refused_and_changes_nothing(editor_client):
    question = factories.QuestionFactory(choices=[("对", True), ("错", False)])
    existing = list(question.choices.all())
    data = question_form([("对", True), ("错", True)], text=question.text, existing=existing)
    response = editor_client.post(reverse(f"{URL}:edit", args=[question.pk]), data)
    assert response.status_code == 200
    assert "Mark exactly one choice as correct." in response.content.decode()
    assert [c.is_correct for c in question.choices.all()] == [True, False]


def test_removing_choices_down_to_one_is_refused(editor_client):
    question = factories.QuestionFactory(choices=[("对", True), ("错", False), ("也错", False)])
    existing = list(question.choices.all())
    data = question_form(
        [("对", True), ("错", False), ("也错", False)], text=question.text, existing=existing
    )
    data["choices-1-DELETE"] = "1"
    data["choices-2-DELETE"] = "1"
    response = editor_client.post(reverse(f"{URL}:edit", args=[question.pk]), data)
    assert response.status_code == 200
    assert question.choices.count() == 3


def test_retiring_an_answered_question_works(editor_client, home_zh):
    question = factories.QuestionFactory(choices=[("对", True), ("错", False)])
    quiz = factories.QuizPageFactory(
        parent=factories.QuizIndexPageFactory(parent=home_zh), questions=[question]
    )
    factories.AttemptFactory(quiz=quiz, answers="right")
    existing = list(question.choices.all())
    data = question_form(
        [("对", True), ("错", False)], text=question.text, existing=existing, is_retired="on"
    )
    response = editor_client.post(reverse(f"{URL}:edit", args=[question.pk]), data)
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.is_retired


def answered_question(home_zh):
    question = factories.QuestionFactory(choices=[("对", True), ("错", False)])
    quiz = factories.QuizPageFactory(
        parent=factories.QuizIndexPageFactory(parent=home_zh), questions=[question]
    )
    factories.AttemptFactory(quiz=quiz, answers="right")
    # The quiz no longer uses it: only the past answer holds on to it.
    quiz.fixed_questions.all().delete()
    quiz.save_revision().publish()
    return question


def test_deleting_an_answered_question_is_refused_with_retire_advice(editor_client, home_zh):
    question = answered_question(home_zh)
    url = reverse(f"{URL}:delete", args=[question.pk])
    confirm = editor_client.get(url, follow=True)
    assert "Retire it instead" in confirm.content.decode()
    response = editor_client.post(url, follow=True)
    assert response.status_code == 200
    assert "cannot be deleted" in response.content.decode()
    assert Question.objects.filter(pk=question.pk).exists()


def test_deleting_a_translation_of_an_answered_question_is_refused(editor_client, home_zh):
    question = answered_question(home_zh)
    english = factories.translate_question(question)
    editor_client.post(reverse(f"{URL}:delete", args=[english.pk]))
    assert Question.objects.filter(pk=english.pk).exists()


def test_bulk_delete_of_an_answered_question_is_refused(editor_client, home_zh):
    question = answered_question(home_zh)
    spare = factories.QuestionFactory()
    url = reverse("wagtail_bulk_action", args=["quizzes", "question", "delete"])
    response = editor_client.post(f"{url}?id={question.pk}&id={spare.pk}", follow=True)
    assert response.status_code == 200
    assert "Retire it instead" in response.content.decode()
    assert Question.objects.filter(pk=question.pk).exists()


def test_race_with_an_answer_ends_in_a_message_not_an_error(editor_client, monkeypatch):
    """Answered between the check and the delete: the database's PROTECT is turned into the message."""
    from django.db.models import ProtectedError

    question = factories.QuestionFactory()

    def protected(self, *args, **kwargs):
        raise ProtectedError("answered", set())

    monkeypatch.setattr(Question, "delete", protected)
    response = editor_client.post(reverse(f"{URL}:delete", args=[question.pk]), follow=True)
    assert response.status_code == 200
    assert "Retire it instead" in response.content.decode()


def test_an_unanswered_question_is_deleted(editor_client):
    question = factories.QuestionFactory()
    response = editor_client.post(reverse(f"{URL}:delete", args=[question.pk]))
    assert response.status_code == 302
    assert not Question.objects.filter(pk=question.pk).exists()


@pytest.mark.engine  # the search backend
def test_listing_filters_and_search(editor_client):
    factories.QuestionFactory(text="诈骗电话怎么识别？", kind=QuestionKind.SINGLE)
    factories.QuestionFactory(text="使馆可以替你付医药费吗？", kind=QuestionKind.TRUE_FALSE, is_retired=True)
    listing = reverse(f"{URL}:list")
    everything = editor_client.get(listing).content.decode()
    assert "诈骗电话怎么识别？" in everything and "使馆可以替你付医药费吗？" in everything
    retired = editor_client.get(listing, {"is_retired": "true"}).content.decode()
    assert "使馆可以替你付医药费吗？" in retired and "诈骗电话怎么识别？" not in retired
    true_false = editor_client.get(listing, {"kind": QuestionKind.TRUE_FALSE}).content.decode()
    assert "使馆可以替你付医药费吗？" in true_false and "诈骗电话怎么识别？" not in true_false
    found = editor_client.get(listing, {"q": "诈骗"}).content.decode()
    assert "诈骗电话怎么识别？" in found and "使馆可以替你付医药费吗？" not in found


def test_listing_queries_are_bounded_by_the_page_size(editor_client):
    """wagtail-localize's "Translate" button costs two queries a row, so a page of 50 rows is the bound:
    more questions in the bank add none."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    topic = factories.TopicFactory(slug="fraud")

    def listing_queries():
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(reverse(f"{URL}:list")).status_code == 200
        return len(queries)

    for _ in range(50):
        factories.QuestionFactory(topic=topic)
    listing_queries()  # caches (content types, the admin's permissions) warm
    one_page = listing_queries()
    for _ in range(30):
        factories.QuestionFactory(topic=topic)
    listing_queries()  # a saved question starts a new site-cache version: warm it again
    assert listing_queries() == one_page
    assert one_page <= 140


def test_menu_item_and_who_may_keep_the_bank(client, make_user):
    for group in ("Editors", "Moderators"):
        client.force_login(staff_user(group=group))
        assert client.get(reverse(f"{URL}:add") + "?locale=zh-hans").status_code == 200
        assert reverse(f"{URL}:list") in client.get(reverse("wagtailadmin_home")).content.decode()
    # Officers only read it.
    client.force_login(staff_user(group="Officers"))
    assert client.get(reverse(f"{URL}:list")).status_code == 200
    assert client.get(reverse(f"{URL}:add") + "?locale=zh-hans").status_code != 200
