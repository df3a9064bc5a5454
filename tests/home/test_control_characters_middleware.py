"""home.middleware.ControlCharactersMiddleware: no control character in any public request's
parameters or form fields reaches a view, forms we do not own included; the admin is left alone."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.test import RequestFactory

from home.middleware import ControlCharactersMiddleware

pytestmark = pytest.mark.django_db


def seen_by_view(request):
    seen = {}

    def view(request):
        seen["GET"], seen["POST"] = request.GET, request.POST
        return HttpResponse()

    ControlCharactersMiddleware(view)(request)
    return seen


def test_query_parameters_lose_control_characters():
    seen = seen_by_view(
        RequestFactory().get("/zh-hans/search/", {"q": "\x00护照\x1b丢失\x85", "page": "\x072"})
    )
    assert seen["GET"]["q"] == "护照丢失" and seen["GET"]["page"] == "2"
    assert not seen["GET"]._mutable


def test_form_fields_lose_control_characters_and_keep_line_breaks():
    request = RequestFactory().post(
        "/zh-hans/accounts/signup/", {"name": ["李\x01雷", "王\x7f五"], "note": "一\n二\t三\x00"}
    )
    seen = seen_by_view(request)
    assert seen["POST"].getlist("name") == ["李雷", "王五"]
    assert seen["POST"]["note"] == "一\n二\t三"


def test_the_admins_forms_and_other_bodies_are_left_alone_but_not_its_searches():
    admin = seen_by_view(RequestFactory().post("/admin/pages/3/edit/?q=a%00b", {"title": "a\x01b"}))
    assert admin["POST"]["title"] == "a\x01b"
    assert admin["GET"]["q"] == "ab"
    body = json.dumps({"q": "a\x01b"})
    request = RequestFactory().post("/zh-hans/api/", body, content_type="application/json")
    ControlCharactersMiddleware(lambda request: HttpResponse())(request)
    assert json.loads(request.body)["q"] == "a\x01b"


def test_a_sign_up_name_keeps_no_control_character(client):
    client.post(
        "/en/accounts/signup/",
        {
            "name": "Li\x01 Lei\x1b",
            "email": "li.lei@example.org",
            "password1": "a-long-enough-passphrase-1",
            "password2": "a-long-enough-passphrase-1",
            "preferred_language": "zh-hans",
            "accept_privacy_notice": "on",
        },
    )
    assert get_user_model().objects.get(email="li.lei@example.org").name == "Li Lei"
