"""organizations/imports.py: reading CSV (UTF-8, UTF-8 with BOM, GB18030) and XLSX member lists into a
preview with an outcome per row; refusing bad files with one message; applying all or nothing."""

import io
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook

from organizations import imports
from organizations.imports import (
    ApplyRefused,
    ImportRefused,
    Outcome,
    apply_import,
    import_members,
    save_preview,
)
from organizations.models import MemberImport, Membership
from outbox.models import Message
from tests.accounts.factories import UserFactory
from tests.organizations import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


HEADER = ["姓名", "邮箱", "班级", "学号", "未满14岁"]


def every_kind_rows():
    """One row of every outcome (with the people the `world` fixture makes)."""
    return [
        ["张三", "zhang.san@example.org", "一班", "2026001", ""],  # invite
        ["李四", "Existing.Person@example.org", "一班", "2026002", ""],  # add (case differs)
        ["王五", "member@example.org", "二班", "", ""],  # already a member
        ["张三", "ZHANG.SAN@example.org", "一班", "", ""],  # duplicate in the file
        ["赵六", "not-an-email", "二班", "", ""],  # invalid email
        ["", "nobody@example.org", "二班", "", ""],  # missing name
    ]


EXPECTED = [
    Outcome.INVITE,
    Outcome.ADD,
    Outcome.MEMBER,
    Outcome.DUPLICATE,
    Outcome.INVALID_EMAIL,
    Outcome.MISSING_NAME,
]


@pytest.fixture
def world(organization):
    UserFactory(email="existing.person@example.org", name="李四")
    f.member_of(organization, user=UserFactory(email="member@example.org"))
    return organization


def csv_upload(rows, encoding, name="members.csv", header=HEADER):
    text = "\r\n".join(",".join(row) for row in [header, *rows]) + "\r\n"
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def xlsx_bytes(rows, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def xlsx_upload(rows, name="members.xlsx", header=HEADER):
    return SimpleUploadedFile(name, xlsx_bytes(rows, header))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_preview_gives_every_outcome_in_each_encoding(world, encoding):
    report = import_members(csv_upload(every_kind_rows(), encoding), world)
    assert [row["outcome"] for row in report.rows] == EXPECTED
    assert report.rows[0]["name"] == "张三"
    assert report.rows[0]["group"] == "一班"
    assert report.rows[0]["row"] == 2
    assert report.applicable == 2


def test_xlsx_preview_gives_every_outcome(world):
    rows = every_kind_rows()
    rows[0][3] = 2026001  # a number cell reads as the number's digits
    report = import_members(xlsx_upload(rows), world)
    assert [row["outcome"] for row in report.rows] == EXPECTED
    assert report.rows[0]["number"] == "2026001"


def test_english_headers_in_any_order_and_under_14(organization):
    header = ["Email", "Name", "Under 14", "Group"]
    upload = csv_upload(
        [["a@example.org", "Ann", "yes", "Class 1"], ["b@example.org", "Bo", "", "Class 1"]],
        "utf-8",
        header=header,
    )
    report = import_members(upload, organization)
    assert [(row["name"], row["under_14"]) for row in report.rows] == [("Ann", True), ("Bo", False)]


def test_an_open_invitation_counts_as_already_a_member(organization):
    Membership.objects.create(
        organization=organization, email="Invited@example.org", name="甲", source="import", invite_token="t1"
    )
    report = import_members(
        csv_upload([["甲", "invited@example.org", "一班", "", ""]], "utf-8"), organization
    )
    assert report.rows[0]["outcome"] == Outcome.MEMBER


def test_an_ended_membership_can_be_added_again(organization):
    user = UserFactory(email="back@example.org")
    membership = f.member_of(organization, user=user)
    Membership.objects.filter(pk=membership.pk).update(ended_at=membership.joined_at)
    report = import_members(csv_upload([["回来", "back@example.org", "一班", "", ""]], "utf-8"), organization)
    assert report.rows[0]["outcome"] == Outcome.ADD


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("members.txt", b"name,email,group\n"), "CSV or XLSX"),
        (SimpleUploadedFile("members.pdf", b"%PDF-1.4"), "CSV or XLSX"),
        (SimpleUploadedFile("members.csv", b""), "empty"),
        (SimpleUploadedFile("members.csv", b"  \r\n"), "empty"),
        (SimpleUploadedFile("members.csv", "姓名,邮箱,分组\r\n".encode()), "no people"),
        (SimpleUploadedFile("members.csv", "姓名,分组\r\n张三,一班\r\n".encode()), "missing: email"),
        (SimpleUploadedFile("members.csv", b"a,b,c\r\n1,2,3\r\n"), "missing: name (\u59d3\u540d), email"),
        (SimpleUploadedFile("members.xlsx", b"name,email,group\n"), "XLSX"),
        (SimpleUploadedFile("members.xlsx", b"PK\x03\x04 broken"), "XLSX"),
        (SimpleUploadedFile("members.csv", b"PK\x03\x04" + b"\x00" * 40), "not a CSV"),
    ],
)
def test_a_bad_file_gets_one_clear_message(organization, upload, message):
    with pytest.raises(ImportRefused) as refused:
        import_members(upload, organization)
    assert message in str(refused.value)


def test_a_file_over_the_size_limit_is_refused(organization, monkeypatch):
    monkeypatch.setattr(imports, "MAX_BYTES", 100)
    upload = csv_upload([["张三", f"p{n}@example.org", "一班", "", ""] for n in range(10)], "utf-8")
    with pytest.raises(ImportRefused, match="5 MB"):
        import_members(upload, organization)


def test_a_file_over_the_row_limit_is_refused(organization, monkeypatch):
    monkeypatch.setattr(imports, "MAX_ROWS", 3)
    upload = csv_upload([["张三", f"p{n}@example.org", "一班", "", ""] for n in range(4)], "utf-8")
    with pytest.raises(ImportRefused, match="more than 3 rows"):
        import_members(upload, organization)


def preview(organization, rows, manager):
    report = import_members(csv_upload(rows, "utf-8"), organization)
    return save_preview(report, organization, manager)


def test_confirm_invites_new_people_and_adds_existing_accounts(
    world, manager, django_capture_on_commit_callbacks
):
    member_import = preview(world, every_kind_rows(), manager)
    with django_capture_on_commit_callbacks():
        counts = apply_import(member_import, manager)
    assert counts[Outcome.INVITE] == 1 and counts[Outcome.ADD] == 1
    invited = Membership.objects.get(organization=world, email="zhang.san@example.org")
    assert invited.user is None and invited.invite_token and invited.joined_at is None
    assert (invited.group_label, invited.member_number, invited.source) == ("一班", "2026001", "import")
    added = Membership.objects.get(organization=world, user__email="existing.person@example.org")
    assert added.joined_at is not None and added.is_current
    member_import.refresh_from_db()
    assert member_import.status == MemberImport.Status.APPLIED and member_import.applied_at
    keys = set(Message.objects.values_list("dedupe_key", flat=True))
    assert keys == {f"organizations:invitation:{invited.pk}", f"organizations:added:{added.pk}"}


def test_no_account_is_created_for_an_invited_person(world, manager):
    from django.contrib.auth import get_user_model

    before = get_user_model().objects.count()
    apply_import(preview(world, every_kind_rows(), manager), manager)
    assert get_user_model().objects.count() == before
    assert not get_user_model().objects.filter(email__iexact="zhang.san@example.org").exists()


def test_the_invitation_links_to_sign_up_with_the_email_filled_in(world, manager, client):
    manager.preferred_language = "en"
    manager.save()
    apply_import(preview(world, every_kind_rows(), manager), manager)
    invited = Membership.objects.get(email="zhang.san@example.org")
    message = Message.objects.get(dedupe_key=f"organizations:invitation:{invited.pk}")
    assert message.language == "en" and "Dear 张三," in message.body_text
    link = f"/en/my/organisations/invitation/{invited.invite_token}/"
    assert link in message.body_text and link in message.body_html
    response = client.get(link)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/signup/?email=zhang.san%40example.org")
    signup = client.get(response["Location"])
    assert 'value="zhang.san@example.org"' in signup.content.decode()


def test_the_existing_account_is_told_in_their_language(world, manager):
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(email="existing.person@example.org").update(preferred_language="en")
    apply_import(preview(world, every_kind_rows(), manager), manager)
    message = Message.objects.get(dedupe_key__startswith="organizations:added:")
    assert message.language == "en" and "added you" in message.body_text
    assert message.recipient == "existing.person@example.org"


def test_an_under_14_school_member_waits_for_consent(manager_school):
    school, manager = manager_school
    UserFactory(email="kid@example.org")
    member_import = preview(school, [["小明", "kid@example.org", "初一", "", "是"]], manager)
    apply_import(member_import, manager)
    membership = Membership.objects.get(organization=school, user__email="kid@example.org")
    assert membership.under_14 and membership.joined_at is None


@pytest.fixture
def manager_school(db):
    school = f.SchoolFactory()
    return school, f.manager_of(school).user


def test_confirming_twice_applies_once(world, manager):
    member_import = preview(world, every_kind_rows(), manager)
    apply_import(member_import, manager)
    with pytest.raises(ApplyRefused):
        apply_import(member_import, manager)
    assert Membership.objects.filter(organization=world, source="import").count() == 2


def test_a_discarded_preview_cannot_be_applied(world, manager):
    member_import = preview(world, every_kind_rows(), manager)
    assert imports.discard(member_import)
    with pytest.raises(ApplyRefused):
        apply_import(member_import, manager)
    assert not Membership.objects.filter(source="import").exists()


def test_a_failure_mid_way_leaves_nothing(world, manager):
    """The emails are queued after the memberships are created: failing there rolls everything back."""
    member_import = preview(world, every_kind_rows(), manager)
    failing = mock.patch("organizations.invitations.tell_added", side_effect=RuntimeError("mail store down"))
    with failing, pytest.raises(RuntimeError):
        apply_import(member_import, manager)
    assert not Membership.objects.filter(source="import").exists()
    assert not Message.objects.exists()
    member_import.refresh_from_db()
    assert member_import.status == MemberImport.Status.PREVIEW


def test_someone_added_meanwhile_is_rechecked_at_confirmation(world, manager):
    member_import = preview(world, every_kind_rows(), manager)
    f.member_of(world, user=UserFactory(email="zhang.san@example.org"))
    counts = apply_import(member_import, manager)
    assert counts[Outcome.INVITE] == 0 and counts[Outcome.MEMBER] == 2


def test_apply_runs_in_bounded_queries(organization, manager, django_assert_max_num_queries):
    rows = [[f"人{n}", f"p{n}@example.org", "一班", "", ""] for n in range(60)]
    for n in range(0, 60, 2):
        UserFactory(email=f"p{n}@example.org")
    member_import = preview(organization, rows, manager)
    with django_assert_max_num_queries(25):
        counts = apply_import(member_import, manager)
    assert counts[Outcome.INVITE] == 30 and counts[Outcome.ADD] == 30
