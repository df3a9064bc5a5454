"""Someone else's attempt id, result code or quiz page id: the same answer a missing one gets (404, or
the admin's refusal) and nothing changed in the database.

Complements test_take_views.py (someone else's attempt: GET and POSTs with answers), test_results.py
(someone else's submitted result), test_my_quizzes.py (only one's own attempts are listed) and
test_exhibition.py (the look-up and the poster need a permission). The answer sheet's choice values are
being changed (ids to per-attempt tokens): the POSTs here send no choice at all, only an action.
"""

import datetime
import uuid

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import GroupPagePermission, Page

from quizzes.models import Answer, Attempt, ExhibitionLink
from quizzes.visitors import GUEST_SESSION_KEY
from tests.accounts.factories import staff_user

from . import factories

pytestmark = pytest.mark.django_db

OWNERS_TOKEN = "the-owners-guest-token"
MY_TOKEN = "my-own-guest-token"


# --- helpers ------------------------------------------------------------------------------------


def quiz_url(name, attempt, language="zh-hans"):
    with translation.override(language):
        return reverse(f"quizzes:{name}", args=[attempt.public_id])


def as_guest(client, token=MY_TOKEN):
    session = client.session
    session[GUEST_SESSION_KEY] = token
    session.save()
    return client


def row_of(attempt):
    """Everything a request could change about an attempt, read again from the database."""
    fresh = Attempt.objects.get(pk=attempt.pk)
    return {
        "status": fresh.status,
        "draft": fresh.draft,
        "submitted_at": fresh.submitted_at,
        "score": fresh.score,
        "passed": fresh.passed,
        "result_code": fresh.result_code,
        "prize_given_at": fresh.prize_given_at,
        "deadline": fresh.deadline,
        "user_id": fresh.user_id,
        "guest_token": fresh.guest_token,
        "answers": Answer.objects.filter(attempt_id=attempt.pk).count(),
    }


def some_draft(attempt):
    """A draft as the owner might have saved it (its content is only compared, never interpreted)."""
    return {question["key"]: [question["choices"][0]["id"]] for question in attempt.snapshot}


def with_draft(attempt):
    Attempt.objects.filter(pk=attempt.pk).update(draft=some_draft(attempt))
    attempt.refresh_from_db()
    return attempt


def overdue(attempt):
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - datetime.timedelta(days=1))
    attempt.refresh_from_db()
    return attempt


def visitor_client(request, visitor, make_user):
    """The person asking: a guest with their own token, a guest without any, or someone signed in."""
    client = Client()
    if visitor == "guest with a token":
        as_guest(client)
    elif visitor == "signed in":
        client.force_login(make_user())
    return client


VISITORS = ["guest with a token", "guest without a token", "signed in"]

MISSING = Attempt(public_id=uuid.UUID("00000000-0000-4000-8000-000000000000"), language="zh-hans")

# (client method, URL name, data): every request the answer sheet, autosave and result answer.
ASKED = [
    ("get", "take", {}),
    ("post", "take", {"action": "submit"}),
    ("post", "take", {"action": "save"}),
    ("post", "save", {}),
    ("get", "result", {}),
]


def assert_same_as_missing(client, response, method, name, data, attempt):
    """The response for `attempt` is the one an attempt that does not exist gets (its id aside)."""
    nothing = getattr(client, method)(quiz_url(name, MISSING), data)
    assert (response.status_code, response.get("Location")) == (nothing.status_code, nothing.get("Location"))
    assert response.content.decode().replace(str(attempt.public_id), str(MISSING.public_id)) == (
        nothing.content.decode()
    )


@pytest.fixture
def index(home_zh):
    return factories.QuizIndexPageFactory(parent=home_zh)


@pytest.fixture
def quiz(index):
    return factories.QuizPageFactory(
        parent=index, questions=[factories.QuestionFactory() for _ in range(3)], time_limit_minutes=10
    )


@pytest.fixture
def other_quiz(index):
    return factories.QuizPageFactory(parent=index, questions=[factories.QuestionFactory() for _ in range(2)])


@pytest.fixture
def owner(make_user):
    return make_user()


@pytest.fixture(params=["a signed-in owner", "a guest owner"])
def open_attempt(request, quiz, owner):
    """Someone else's unfinished attempt with saved answers."""
    if request.param == "a signed-in owner":
        started = factories.AttemptFactory(quiz=quiz, user=owner, submit=False)
    else:
        started = factories.AttemptFactory(quiz=quiz, guest_token=OWNERS_TOKEN, submit=False)
    return with_draft(started)


# --- the answer sheet and autosave ---------------------------------------------------------------


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize(
    "data",
    [{"action": "submit"}, {"action": "submit", "confirm": "1"}, {"action": "confirm"}],
    ids=["submit", "submit-anyway", "confirm"],
)
def test_submitting_someone_elses_attempt_is_404_and_it_stays_in_progress_with_its_draft(
    request, make_user, open_attempt, visitor, data
):
    before = row_of(open_attempt)
    client = visitor_client(request, visitor, make_user)

    response = client.post(quiz_url("take", open_attempt), data)

    assert response.status_code == 404
    after = row_of(open_attempt)
    assert after == before
    assert after["status"] == Attempt.Status.IN_PROGRESS
    assert after["draft"] == some_draft(open_attempt)
    assert after["submitted_at"] is None and after["result_code"] is None and after["answers"] == 0


@pytest.mark.parametrize("visitor", VISITORS)
def test_saving_an_empty_answer_set_on_someone_elses_attempt_is_404_and_does_not_clear_its_draft(
    request, make_user, open_attempt, visitor
):
    """For the owner, saving with nothing ticked clears the saved answers: a stranger must not."""
    before = row_of(open_attempt)
    client = visitor_client(request, visitor, make_user)

    responses = [
        client.post(quiz_url("take", open_attempt), {"action": "save"}),
        client.post(quiz_url("take", open_attempt), {}),
        client.post(quiz_url("save", open_attempt), {}),
    ]

    assert [response.status_code for response in responses] == [404, 404, 404]
    assert row_of(open_attempt) == before
    assert row_of(open_attempt)["draft"] == some_draft(open_attempt)


@pytest.mark.parametrize("visitor", VISITORS)
def test_someone_elses_overdue_attempt_is_404_everywhere_and_is_not_closed(
    request, make_user, open_attempt, visitor
):
    """Opening one's own overdue attempt closes it as expired; someone else's must stay as it is."""
    overdue(open_attempt)
    before = row_of(open_attempt)
    client = visitor_client(request, visitor, make_user)

    responses = [
        client.get(quiz_url("take", open_attempt)),
        client.get(quiz_url("result", open_attempt)),
        client.post(quiz_url("take", open_attempt), {"action": "submit"}),
        client.post(quiz_url("save", open_attempt), {}),
    ]

    assert [response.status_code for response in responses] == [404] * 4
    assert row_of(open_attempt) == before
    assert row_of(open_attempt)["status"] == Attempt.Status.IN_PROGRESS


@pytest.mark.parametrize("visitor", VISITORS)
def test_result_page_of_someone_elses_unfinished_attempt_is_404_not_a_redirect_to_its_answer_sheet(
    request, make_user, open_attempt, visitor
):
    before = row_of(open_attempt)
    client = visitor_client(request, visitor, make_user)

    response = client.get(quiz_url("result", open_attempt))

    assert response.status_code == 404
    assert "/quizzes/attempts/" not in response.content.decode()  # no link to its answer sheet
    assert row_of(open_attempt) == before


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize("whose", ["a signed-in owner", "a guest owner"])
def test_answer_sheet_and_autosave_of_someone_elses_submitted_attempt_are_404_and_change_nothing(
    request, make_user, quiz, owner, visitor, whose
):
    """Not the owner's redirect to the result, nor autosave's 409 with the attempt's link."""
    if whose == "a signed-in owner":
        submitted = factories.AttemptFactory(quiz=quiz, user=owner)
    else:
        submitted = factories.AttemptFactory(quiz=quiz, guest_token=OWNERS_TOKEN)
    before = row_of(submitted)
    client = visitor_client(request, visitor, make_user)

    for method, name, data in ASKED:
        response = getattr(client, method)(quiz_url(name, submitted), data)
        assert response.status_code == 404, (method, name, data)
        assert_same_as_missing(client, response, method, name, data, submitted)
    assert row_of(submitted) == before


@pytest.mark.parametrize("visitor", VISITORS)
def test_someone_elses_attempt_answers_exactly_as_a_missing_one_does(
    request, make_user, open_attempt, visitor
):
    """Same status and same page: the answer tells nothing about whether the attempt exists."""
    before = row_of(open_attempt)
    client = visitor_client(request, visitor, make_user)

    for method, name, data in ASKED:
        response = getattr(client, method)(quiz_url(name, open_attempt), data)
        assert_same_as_missing(client, response, method, name, data, open_attempt)
    assert row_of(open_attempt) == before


def test_a_signed_in_person_cannot_reach_a_guest_attempt_through_the_same_guest_token_in_their_session(
    client, quiz, make_user
):
    """Signed in, the attempts are the account's: a guest token left in the session opens nothing."""
    guests = with_draft(factories.AttemptFactory(quiz=quiz, guest_token=OWNERS_TOKEN, submit=False))
    before = row_of(guests)
    client.force_login(make_user())
    as_guest(client, OWNERS_TOKEN)

    responses = [
        client.get(quiz_url("take", guests)),
        client.post(quiz_url("take", guests), {"action": "submit"}),
        client.post(quiz_url("save", guests), {}),
    ]

    assert [response.status_code for response in responses] == [404] * 3
    assert row_of(guests) == before


# --- the result-code look-up: marking a prize given ---------------------------------------------------


def refused(response):
    """Wagtail answers PermissionDenied in its admin with a redirect to the dashboard (or a 403)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


@pytest.fixture
def volunteer(db):
    return staff_user(permissions=["quizzes.check_result_codes"])


def test_marking_a_prize_given_touches_only_the_attempt_with_that_code_whatever_ids_are_posted(
    client, volunteer, quiz, other_quiz, owner
):
    mine = factories.AttemptFactory(quiz=quiz, guest_token="visitor-at-the-stand")
    elsewhere = factories.AttemptFactory(quiz=other_quiz, user=owner)
    before = row_of(elsewhere)
    client.force_login(volunteer)

    client.post(
        reverse("quizzes_result_codes"),
        {
            "code": mine.result_code,
            # Fields the form does not have, naming the attempt at the other quiz: ignored.
            "attempt": elsewhere.pk,
            "attempt_id": elsewhere.pk,
            "pk": elsewhere.pk,
            "public_id": str(elsewhere.public_id),
        },
    )

    assert row_of(mine)["prize_given_at"] is not None
    assert row_of(elsewhere) == before
    assert row_of(elsewhere)["prize_given_at"] is None


@pytest.mark.parametrize("code", ["ZZZZZZ", "000000000000", "K7*2QX", ""])
def test_marking_a_prize_with_an_unknown_or_malformed_code_changes_no_attempt(client, volunteer, quiz, code):
    submitted = factories.AttemptFactory(quiz=quiz, guest_token="someone")
    if code == "ZZZZZZ" and submitted.result_code == code:  # one chance in two billion
        pytest.skip("the random code happened to be ZZZZZZ")
    before = row_of(submitted)
    client.force_login(volunteer)

    response = client.post(reverse("quizzes_result_codes"), {"code": code})

    assert response.status_code == 302
    assert row_of(submitted) == before
    assert not Attempt.objects.filter(prize_given_at__isnull=False).exists()


def test_marking_a_prize_with_the_public_id_of_someone_elses_attempt_instead_of_its_code_marks_nothing(
    client, volunteer, quiz
):
    """The attempt's id (in result URLs) is not its result code."""
    submitted = factories.AttemptFactory(quiz=quiz, guest_token="someone")
    before = row_of(submitted)
    client.force_login(volunteer)

    client.post(reverse("quizzes_result_codes"), {"code": str(submitted.public_id)})
    client.post(reverse("quizzes_result_codes"), {"code": str(submitted.pk)})

    assert row_of(submitted) == before


def test_a_volunteer_without_the_permission_cannot_mark_a_prize_for_an_attempt_at_another_quiz(
    client, make_user, quiz, other_quiz
):
    submitted = factories.AttemptFactory(quiz=other_quiz, guest_token="someone")
    before = row_of(submitted)
    client.force_login(staff_user(group="Editors"))

    assert refused(client.post(reverse("quizzes_result_codes"), {"code": submitted.result_code}))
    assert row_of(submitted) == before


# --- the exhibition page and poster: a page id ---------------------------------------------------


def test_exhibition_page_and_poster_of_a_quiz_outside_ones_pages_are_refused_and_make_no_link(
    client, make_user, home_zh, quiz
):
    """Someone who may edit the quizzes under one index asks for a quiz under another."""
    own_index = factories.QuizIndexPageFactory(parent=home_zh, slug="stand-quizzes", title="展台问答")
    own_quiz = factories.QuizPageFactory(parent=own_index, questions=[factories.QuestionFactory()])
    group = Group.objects.create(name="Stand volunteers")
    GroupPagePermission.objects.create(
        group=group,
        page=Page.objects.get(pk=own_index.pk),
        permission=Permission.objects.get(codename="change_page"),
    )
    user = staff_user()
    user.groups.add(group)
    client.force_login(user)
    assert client.get(reverse("quizzes_exhibition", args=[own_quiz.pk])).status_code == 200

    assert refused(client.get(reverse("quizzes_exhibition", args=[quiz.pk])))
    assert refused(client.get(reverse("quizzes_poster", args=[quiz.pk])))
    assert not ExhibitionLink.objects.filter(quiz_key=quiz.translation_key).exists()


@pytest.mark.parametrize("name", ["quizzes_exhibition", "quizzes_poster"])
def test_exhibition_page_of_a_page_that_is_not_a_quiz_is_404_and_makes_no_link(
    client, make_user, home_zh, name
):
    client.force_login(staff_user(group="Officers"))
    links = ExhibitionLink.objects.count()

    for page_id in (home_zh.pk, 999999):
        response = client.get(reverse(name, args=[page_id]), follow=True)
        assert response.status_code == 404

    assert ExhibitionLink.objects.count() == links
