"""A snippet chooser speaks each editor's language, whoever opened the form first."""

import pytest
from django.apps import apps
from django.utils import translation

from tests.accounts.factories import staff_user
from tests.quizzes.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def question_form(client, user, question):
    client.force_login(user)
    response = client.get(f"/admin/snippets/quizzes/question/edit/{question.pk}/")
    assert response.status_code == 200
    client.logout()
    return response.content.decode()


def test_the_topic_chooser_follows_each_editors_language(client):
    question = QuestionFactory()
    english = staff_user(is_superuser=True, admin_language="en")
    chinese = staff_user(is_superuser=True, admin_language="zh-hans")

    assert "Choose another topic" in question_form(client, english, question)
    page = question_form(client, chinese, question)

    assert "Choose another topic" not in page
    assert "Edit this topic" not in page
    assert "选择其他" in page or "另一个" in page
    assert "Choose another topic" in question_form(client, english, question)


@pytest.mark.parametrize("model_path", ["home.Topic", "quizzes.Question", "destinations.Destination"])
def test_a_chooser_built_in_english_is_drawn_in_the_editors_language(model_path):
    model = apps.get_model(model_path)
    widget_class = model.snippet_viewset.chooser_viewset.widget_class
    with translation.override("en"):
        widget = widget_class()

    with translation.override("zh-hans"):
        texts = [
            str(widget.choose_one_text),
            str(widget.choose_another_text),
            str(widget.link_to_chosen_text),
        ]
    assert not any("Choose" in text or "Edit this" in text for text in texts), texts
