"""Joining and confirming an upload at the same moment (PostgreSQL: real concurrent connections)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from organizations import imports, joining
from organizations.models import Membership
from tests.accounts.factories import UserFactory
from tests.concurrency import CONCURRENT, at_once
from tests.organizations import factories as f

pytestmark = [*CONCURRENT, pytest.mark.engine]


def test_one_person_joining_twice_at_once_gets_one_membership():
    organization = f.OrganizationFactory()
    link = joining.create_link(organization)
    person = UserFactory()
    results = at_once(lambda: joining.join(link, person), 4)
    assert sum(created for _membership, created in results) == 1
    assert Membership.objects.filter(organization=organization, user=person).count() == 1


def test_confirming_an_upload_twice_at_once_applies_it_once():
    organization = f.OrganizationFactory()
    manager = f.manager_of(organization).user
    text = "name,email,group\r\n" + "".join(f"P{n},p{n}@example.org,A\r\n" for n in range(20))
    report = imports.import_members(
        SimpleUploadedFile("m.csv", io.BytesIO(text.encode()).getvalue()), organization
    )
    member_import = imports.save_preview(report, organization, manager)

    def confirm():
        try:
            return imports.apply_import(member_import, manager)
        except imports.ApplyRefused:
            return None

    results = at_once(confirm, 3)
    assert sum(result is not None for result in results) == 1
    assert Membership.objects.filter(organization=organization, source="import").count() == 20
