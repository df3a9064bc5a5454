"""Names that cannot hide text (issue 15, item 9): every form that takes a name refuses line and
paragraph separators and direction controls with a clear message in the reader's language, and saves
nothing; ordinary names in any script pass."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from accounts.forms import PortalSignupForm, ProfileForm
from accounts.models import User
from accounts.viewsets import PortalUserCreationForm, PortalUserEditForm
from events.checkin_views import WalkInForm
from events.forms import RegistrationForm
from events.models import Registration, WalkIn
from home.text_input import HIDDEN_TEXT_MESSAGE, refuse_hidden_text, strip_control_characters
from tests.accounts.factories import staff_user
from tests.events.factories import EventFactory, EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

# U+2028, U+2029 (line and paragraph separators), U+202A–U+202E (embeddings and overrides),
# U+2066–U+2069 (isolates).
HIDING = ["\u2028", "\u2029", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))]
ZH_MESSAGE = "姓名中不能包含换行或文字方向控制字符。"


@pytest.mark.parametrize("character", HIDING)
def test_the_validator_refuses_each_hiding_character(character):
    with pytest.raises(ValidationError) as refused:
        refuse_hidden_text(f"李{character}雷")
    assert refused.value.code == "hidden_text"


@pytest.mark.parametrize(
    "name", ["王小明", "Zoë O'Brien-Smith", "محمد علي", "דוד לוי", "Nguyễn Văn A", "👩\u200d💻 李", "e\u0301"]
)
def test_ordinary_names_in_any_script_pass(name):
    refuse_hidden_text(name)


def test_the_message_is_in_the_readers_language():
    with translation.override("zh-hans"):
        assert str(HIDDEN_TEXT_MESSAGE) == ZH_MESSAGE
    with translation.override("en"):
        assert "line breaks" in str(HIDDEN_TEXT_MESSAGE)


def test_the_control_character_stripping_is_unchanged():
    """Refused, not stripped: the stripping rule still leaves these characters alone."""
    assert strip_control_characters("a\u202eb\u2028c") == "a\u202eb\u2028c"


# Every form that takes a name: (form for `name`, the field holding it).
def signup_form(name):
    data = {
        "name": name,
        "email": "xiaoming@example.org",
        "password1": "a-long-Secret-2026",
        "password2": "a-long-Secret-2026",
        "preferred_language": "zh-hans",
        "accept_privacy_notice": "on",
    }
    return PortalSignupForm(data=data), "name"


def profile_form(name):
    user = User.objects.create_user(email="profile@example.org", password="x-Secret-2026", name="旧名")
    return ProfileForm(data={"name": name, "preferred_language": "zh-hans"}, instance=user), "name"


def admin_new_user_form(name):
    data = {
        "email": "officer@example.org",
        "name": name,
        "preferred_language": "zh-hans",
        "password1": "officer-Secret-2026",
        "password2": "officer-Secret-2026",
    }
    return PortalUserCreationForm(data=data), "name"


def admin_edit_user_form(name):
    user = User.objects.create_user(email="edit@example.org", password="x-Secret-2026", name="旧名")
    data = {"email": "edit@example.org", "name": name, "preferred_language": "zh-hans", "is_active": "on"}
    return PortalUserEditForm(data=data, instance=user), "name"


def registration_form(name):
    return RegistrationForm(data={"name": name, "email": "lilei@example.org"}), "name"


def registration_organisation_form(name):
    data = {"name": "李雷", "email": "lilei@example.org", "organisation": name}
    return RegistrationForm(data=data), "organisation"


def walk_in_form(name):
    return WalkInForm(data={"walk_in-name": name}, prefix="walk_in"), "name"


NAME_FORMS = [
    signup_form,
    profile_form,
    admin_new_user_form,
    admin_edit_user_form,
    registration_form,
    registration_organisation_form,
    walk_in_form,
]


@pytest.mark.parametrize("make_form", NAME_FORMS, ids=lambda make: make.__name__)
@pytest.mark.parametrize("character", HIDING, ids=lambda char: f"U+{ord(char):04X}")
def test_every_name_form_refuses_each_hiding_character(make_form, character):
    with translation.override("zh-hans"):
        form, field = make_form(f"李{character}雷")
        assert not form.is_valid()
        errors = [str(error) for error in form.errors.get(field, [])]
    assert len(errors) == 1
    assert errors[0].endswith("中不能包含换行或文字方向控制字符。")


@pytest.mark.parametrize("make_form", NAME_FORMS, ids=lambda make: make.__name__)
def test_every_name_form_takes_an_ordinary_name(make_form):
    form, field = make_form("王 小明")
    form.is_valid()
    assert field not in form.errors


# Through the views: nothing is saved, the person reads why.


def test_signup_refuses_a_name_with_a_right_to_left_override(client):
    data = signup_form("gpj\u202eexe.李雷")[0].data
    response = client.post("/zh-hans/accounts/signup/", data)

    assert response.status_code == 200
    assert ZH_MESSAGE in response.content.decode()
    assert not User.objects.filter(email="xiaoming@example.org").exists()


def test_an_event_registration_refuses_a_name_with_a_line_separator(client, home_zh):
    page = EventPageFactory(parent=EventIndexPageFactory(parent=home_zh), capacity=10)
    data = {"name": "李雷\u2028王五", "email": "lilei@example.org", "phone": "", "organisation": ""}

    response = client.post(page.url + "register/", data, REMOTE_ADDR="10.0.0.1")

    assert response.status_code in (200, 400)
    assert ZH_MESSAGE in response.content.decode()
    assert not Registration.objects.exists()


def test_the_profile_keeps_the_old_name(client):
    user = User.objects.create_user(email="me@example.org", password="x-Secret-2026", name="旧名")
    client.force_login(user)

    response = client.post("/zh-hans/my/profile/", {"name": "新\u2067名", "preferred_language": "zh-hans"})

    assert ZH_MESSAGE in response.content.decode()
    user.refresh_from_db()
    assert user.name == "旧名"


def test_a_walk_in_with_a_direction_isolate_is_not_added(client):
    from django.urls import reverse

    client.force_login(staff_user(group="Officers"))
    event = EventFactory()

    client.post(
        reverse("events:event_check_in", args=[event.pk]),
        {"action": "walk_in", "walk_in-name": "赵\u2066六"},
    )

    assert not WalkIn.objects.exists()
