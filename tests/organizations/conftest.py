import pytest

from tests.organizations import factories as f


@pytest.fixture
def organization(db):
    return f.OrganizationFactory()


@pytest.fixture
def manager(organization):
    return f.manager_of(organization).user
