import pytest

from tests.accounts.factories import UserFactory
from tests.training import factories as f


@pytest.fixture
def index(home_zh):
    return f.CourseIndexPageFactory(parent=home_zh)


@pytest.fixture
def quiz(home_zh):
    return f.final_quiz(home_zh)


@pytest.fixture
def course(index, quiz):
    return f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=2)


@pytest.fixture
def learner(db):
    return UserFactory()
