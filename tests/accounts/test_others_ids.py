"""Someone else's account through an id or a key: the profile form (ids posted alongside), a password
reset link made for one account with another's id, an email confirmation key opened while signed in as
someone else. Nothing of the other account changes, and nobody gains anything of it.
"""

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from tests.accounts.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "another-Secret-horse-42"


def row_of(user):
    fresh = User.objects.get(pk=user.pk)
    return {
        "email": fresh.email,
        "name": fresh.name,
        "preferred_language": fresh.preferred_language,
        "password": fresh.password,
        "is_staff": fresh.is_staff,
        "is_superuser": fresh.is_superuser,
        "addresses": sorted(
            EmailAddress.objects.filter(user=fresh).values_list("email", "verified", "primary")
        ),
    }


def test_the_profile_form_changes_only_the_signed_in_person_whatever_ids_are_posted(client, make_user):
    me = make_user(name="原名", email="me@example.org")
    other = make_user(name="别人", email="other@example.org")
    before = row_of(other)
    client.force_login(me)

    response = client.post(
        "/en/my/profile/",
        {
            "name": "新名字",
            "preferred_language": "en",
            # Not fields of the form: ignored.
            "id": other.pk,
            "pk": other.pk,
            "user": other.pk,
            "email": "other@example.org",
            "is_staff": "on",
        },
    )

    assert response.status_code == 302
    mine = row_of(me)
    assert (mine["name"], mine["preferred_language"], mine["email"]) == ("新名字", "en", "me@example.org")
    assert not mine["is_staff"]
    assert row_of(other) == before


def signed_up(make_user, email):
    """An account as sign-up leaves it: with its address recorded (allauth records it otherwise on the
    first password reset key made or checked for it)."""
    user = make_user(email=email)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def reset_url(uid_user, key):
    with translation.override("en"):
        return reverse(
            "account_reset_password_from_key", kwargs={"uidb36": user_pk_to_url_str(uid_user), "key": key}
        )


def test_a_password_reset_key_made_for_one_account_does_not_reset_another(client, make_user):
    requester = signed_up(make_user, "requester@example.org")
    victim = signed_up(make_user, "victim@example.org")
    before = [row_of(requester), row_of(victim)]
    key = default_token_generator.make_token(requester)  # what the requester's email carries

    shown = client.get(reset_url(victim, key), follow=True)
    posted = client.post(
        reset_url(victim, key), {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}, follow=True
    )

    assert shown.status_code == posted.status_code == 200
    assert posted.context.get("token_fail") is True
    assert [row_of(requester), row_of(victim)] == before
    assert User.objects.get(pk=victim.pk).check_password(DEFAULT_PASSWORD)
    assert "_auth_user_id" not in client.session


def test_a_password_reset_link_with_someone_elses_id_answers_as_a_made_up_key_does(client, make_user):
    requester = signed_up(make_user, "requester@example.org")
    victim = signed_up(make_user, "victim@example.org")
    key = default_token_generator.make_token(requester)

    theirs = client.get(reset_url(victim, key))
    made_up = client.get(reset_url(victim, "abc-0123456789abcdef"))

    assert theirs.status_code == made_up.status_code
    assert theirs.context.get("token_fail") is made_up.context.get("token_fail") is True


def test_opening_someone_elses_email_confirmation_key_while_signed_in_gives_the_address_to_nobody_else(
    client, make_user
):
    owner = make_user(email="owner@example.org")
    address = EmailAddress.objects.create(user=owner, email="owner@example.org", verified=False, primary=True)
    someone = make_user(email="someone@example.org")
    EmailAddress.objects.create(user=someone, email="someone@example.org", verified=True, primary=True)
    someone_before = row_of(someone)
    key = EmailConfirmationHMAC(address).key
    client.force_login(someone)

    with translation.override("en"):
        client.post(reverse("account_confirm_email", args=[key]))

    assert row_of(someone) == someone_before
    assert not EmailAddress.objects.filter(user=someone, email__iexact="owner@example.org").exists()
    assert list(
        EmailAddress.objects.filter(email__iexact="owner@example.org").values_list("user_id", flat=True)
    ) == [owner.pk]


def test_a_made_up_email_confirmation_key_verifies_no_address(client, make_user):
    owner = make_user(email="owner@example.org")
    address = EmailAddress.objects.create(user=owner, email="owner@example.org", verified=False, primary=True)
    key = EmailConfirmationHMAC(address).key
    tampered = key[:-2] + ("AA" if not key.endswith("AA") else "BB")

    with translation.override("en"):
        client.post(reverse("account_confirm_email", args=[tampered]))
        client.post(reverse("account_confirm_email", args=[str(address.pk)]))

    assert EmailAddress.objects.get(pk=address.pk).verified is False
