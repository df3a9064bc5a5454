"""A crisis cannot wait for a moderation queue: holders of a named permission publish alerts at once."""

import pytest
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from destinations.levels import RiskLevel
from destinations.models import (
    AlertIndexPage,
    ChangeNote,
    DestinationIndexPage,
    DestinationPage,
    SafetyAlertPage,
)
from home.models import HomePage
from tests.accounts.factories import staff_user

from .factories import (
    AlertIndexPageFactory,
    AlertSubscriptionFactory,
    DestinationFactory,
    DestinationIndexPageFactory,
    DestinationPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def alerts(home_zh):
    return AlertIndexPageFactory(parent=home_zh)


def add_alert_form(place, title="当地发生骚乱", action="action-publish"):
    data = nested_form_data(
        {
            "title": title,
            "slug": "riots",
            "level": str(RiskLevel.DO_NOT_TRAVEL),
            "valid_from": "2026-11-30 09:00",
            "valid_until": "",
            "summary": "暂勿前往。",
            "body": streamfield([("paragraph", rich_text("<p>请暂勿前往。</p>"))]),
            "source": "中国驻法国使馆",
            "source_url": "",
            "comments": {
                "TOTAL_FORMS": "0",
                "INITIAL_FORMS": "0",
                "MIN_NUM_FORMS": "0",
                "MAX_NUM_FORMS": "1000",
            },
        }
    )
    data["destinations"] = [str(place.pk)]
    data[action] = action
    return data


def add_url(parent):
    return f"/admin/pages/add/destinations/safetyalertpage/{parent.pk}/"


@pytest.mark.parametrize("group_name", ["Officers", "Moderators"])
def test_named_permission_publishes_an_alert_at_once(client, make_user, alerts, group_name):
    place = DestinationFactory(country="FR")
    client.force_login(staff_user(group=group_name, admin_language="zh-hans"))
    response = client.post(add_url(alerts), add_alert_form(place))
    assert response.status_code == 302
    alert = SafetyAlertPage.objects.get(slug="riots")
    assert alert.live
    assert alert.current_workflow_state is None
    assert list(alert.destinations.all()) == [place]


def test_editor_cannot_publish_an_alert_without_moderation(client, make_user, alerts):
    place = DestinationFactory(country="FR")
    client.force_login(staff_user(group="Editors", admin_language="zh-hans"))
    client.post(add_url(alerts), add_alert_form(place))
    assert not SafetyAlertPage.objects.filter(slug="riots", live=True).exists()


def test_permission_to_publish_alerts_does_not_reach_other_pages(make_user, alerts, about_zh):
    officer = staff_user(group="Officers", admin_language="zh-hans")
    assert alerts.permissions_for_user(officer).can_add_subpage()
    assert not about_zh.permissions_for_user(officer).can_publish()
    assert not about_zh.permissions_for_user(officer).can_edit()


def test_alert_must_end_after_it_starts(client, make_user, alerts):
    place = DestinationFactory(country="FR")
    client.force_login(staff_user(group="Officers", admin_language="zh-hans"))
    data = add_alert_form(place)
    data["valid_until"] = "2026-11-29 09:00"
    response = client.post(add_url(alerts), data)
    assert response.status_code == 200
    assert not SafetyAlertPage.objects.filter(slug="riots").exists()


def test_deleting_a_destination_page_keeps_subscriptions_and_history(home_zh):
    place = DestinationFactory(country="FR")
    page = DestinationPageFactory(parent=DestinationIndexPageFactory(parent=home_zh), destination=place)
    ChangeNote.objects.create(destination=place, summary_zh="更新紧急电话", risk_level=place.risk_level)
    subscriber = AlertSubscriptionFactory(destinations=[place])
    page.unpublish()
    page.delete()
    assert ChangeNote.objects.filter(destination=place).count() == 1
    assert list(subscriber.destinations.all()) == [place]


def test_a_destination_has_one_page_per_language(home_zh):
    from django.core.exceptions import ValidationError

    place = DestinationFactory(country="FR")
    index = DestinationIndexPageFactory(parent=home_zh)
    DestinationPageFactory(parent=index, destination=place)
    duplicate = DestinationPage(
        title="法国2", slug="fr2", destination=place, summary="x", locale=index.locale
    )
    with pytest.raises(ValidationError):
        duplicate.clean()


class TestPageTree(WagtailPageTestCase):
    def test_page_types_are_declared(self):
        self.assertAllowedParentPageTypes(DestinationIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(DestinationIndexPage, {DestinationPage})
        self.assertAllowedParentPageTypes(DestinationPage, {DestinationIndexPage})
        self.assertAllowedSubpageTypes(DestinationPage, set())
        self.assertAllowedParentPageTypes(AlertIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(AlertIndexPage, {SafetyAlertPage})
        self.assertAllowedParentPageTypes(SafetyAlertPage, {AlertIndexPage})
        self.assertAllowedSubpageTypes(SafetyAlertPage, set())


def test_officers_find_the_alert_index_in_the_page_explorer(client, make_user, alerts):
    client.force_login(staff_user(group="Officers", admin_language="zh-hans"))
    response = client.get(f"/admin/pages/{alerts.pk}/")
    assert response.status_code == 200
    assert f"/admin/pages/{alerts.pk}/add_subpage/" in response.content.decode()
