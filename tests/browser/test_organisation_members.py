"""The members part in Chromium, in Chinese at 360 px: a school's manager opens the members page, a
member awaiting a guardian's consent and records it, makes a join link; a pupil enters the code and
joins. axe finds no serious or critical violation and no page scrolls sideways."""

import pytest

from organizations import joining
from organizations.models import Membership
from tests.accounts.factories import DEFAULT_PASSWORD, UserFactory
from tests.browser.test_organisation_journey import check, submit
from tests.organizations import factories as f

pytestmark = pytest.mark.browser

WIDTH = 360


def sign_in(page, user, next_url):
    page.goto(f"/zh-hans/accounts/login/?next={next_url}")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    submit(page, "main form button[type=submit]")


def test_manager_records_consent_and_a_pupil_joins_by_code(page_at, site_url):
    school = f.SchoolFactory(name="第一中学")
    manager = f.manager_of(school, user=UserFactory(email="office@example.org", name="国际处王老师")).user
    pupil = UserFactory(email="pupil@example.org", name="小明")
    waiting = Membership.objects.create(
        organization=school, user=pupil, email=pupil.email, name="小明", source="join-link", under_14=True
    )
    base = f"/zh-hans/my/organisations/{school.pk}/members/"

    page = page_at(WIDTH, "zh-hans")
    sign_in(page, manager, base)
    assert page.url.endswith(base), page.url
    assert "小明" in page.inner_text("main")
    check(page, "the members page", WIDTH)

    page.goto(f"{base}{waiting.pk}/")
    check(page, "a member awaiting consent", WIDTH)
    page.fill("input[name=guardian_name]", "王女士")
    page.check("input[name=confirmed]")
    submit(page, "main form button:has-text('记录同意')")
    waiting.refresh_from_db()
    assert waiting.is_current and waiting.guardian_name == "王女士"

    page.goto(f"{base}join-links/")
    page.fill("input[name=group_label]", "初一（2）班")
    submit(page, "main form button:has-text('生成链接')")
    link = joining.usable_link(code=school.join_links.get().code)
    check(page, "the join links", WIDTH)

    newcomer = UserFactory(email="new.pupil@example.org", name="小红")
    other = page_at(WIDTH, "zh-hans")
    sign_in(other, newcomer, "/zh-hans/my/organisations/join/")
    check(other, "the join code form", WIDTH)
    other.fill("input[name=code]", link.code)
    submit(other, "main form button[type=submit]")
    check(other, "the join page", WIDTH)
    submit(other, "main form button[type=submit]")
    membership = Membership.objects.get(organization=school, user=newcomer)
    assert membership.is_current and membership.group_label == "初一（2）班"
