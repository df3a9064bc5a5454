"""home.staff's permission check: one named permission, or any one of several."""

import pytest
from django.core.exceptions import PermissionDenied

from home.staff import has_permission, require_perm
from tests.accounts.factories import UserFactory, staff_user

pytestmark = pytest.mark.django_db

EITHER = ("organizations.approve_organization", "organizations.view_all")


def test_one_name_or_any_of_several():
    reader = staff_user(permissions=["organizations.view_all"])
    assert has_permission(reader, "organizations.view_all")
    assert not has_permission(reader, "organizations.approve_organization")
    assert has_permission(reader, EITHER)
    require_perm(reader, EITHER)


def test_holding_none_of_them_is_refused():
    nobody = UserFactory()
    assert not has_permission(nobody, EITHER)
    with pytest.raises(PermissionDenied):
        require_perm(nobody, EITHER)
