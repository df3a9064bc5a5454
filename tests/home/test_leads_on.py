"""Content leads on to learning: under an article or case, the quiz and the next event on its topics and,
for a case, its country's destination page; each room adds its card through the content_page_links
hook, so home imports none of them; warm, the cards cost no query."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail import hooks

from accounts.sections import CONTENT_PAGE_LINKS, Section
from home.models import Topic
from tests.destinations.factories import (
    DestinationFactory,
    DestinationIndexPageFactory,
    DestinationPageFactory,
)
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import translate
from tests.home import factories as cf
from tests.quizzes.factories import QuestionFactory, QuizIndexPageFactory, QuizPageFactory

pytestmark = pytest.mark.django_db

FACTORIES = cf.CONTENT_PAGE_FACTORIES


def topic(locale, slug):
    return Topic.objects.get(locale=locale, slug=slug)


def filed_under(page, topics):
    page.topics.set(topics)
    page.save_revision().publish()
    return page


def leads_on(html):
    """The "learn more and take part" section of a page, or "" when it has none."""
    if 'class="leads-on"' not in html:
        return ""
    start = html.index('class="leads-on"')
    return html[start : html.index("</section>", start)]


def in_days(days, hour=14):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


@pytest.fixture
def index(home_zh):
    return cf.ContentIndexPageFactory(parent=home_zh)


@pytest.fixture
def quiz_index(home_zh):
    return QuizIndexPageFactory(parent=home_zh)


@pytest.fixture
def event_index(home_zh):
    return EventIndexPageFactory(parent=home_zh)


@pytest.fixture
def fraud(zh):
    return topic(zh, "fraud-and-scams")


@pytest.fixture
def health(zh):
    return topic(zh, "health")


# A case's destination


def test_a_case_links_to_the_destination_page_of_its_country(client, home_zh, index):
    destinations = DestinationIndexPageFactory(parent=home_zh)
    france = DestinationPageFactory(
        parent=destinations, destination=DestinationFactory(country="FR"), title="法国"
    )
    case = cf.CaseStudyPageFactory(parent=index, country="FR")

    section = leads_on(client.get(case.url).content.decode())

    assert f'<a href="{france.url}">法国</a>' in section
    assert "事发地" in section and "紧急电话" in section


def test_a_case_from_a_country_without_a_destination_page_shows_no_destination(client, home_zh, index):
    destinations = DestinationIndexPageFactory(parent=home_zh)
    DestinationPageFactory(parent=destinations, destination=DestinationFactory(country="FR"))
    case = cf.CaseStudyPageFactory(parent=index, country="NZ")

    html = client.get(case.url).content.decode()

    assert "事发地" not in html and "/destinations-test/" not in html


def test_an_english_case_links_to_the_english_destination_page_else_the_chinese_one(
    client, home_zh, index, en
):
    destinations = DestinationIndexPageFactory(parent=home_zh)
    france = DestinationPageFactory(parent=destinations, destination=DestinationFactory(country="FR"))
    france_en = translate(france, title="France")
    japan = DestinationPageFactory(parent=destinations, destination=DestinationFactory(country="JP"))
    case_fr = translate(cf.CaseStudyPageFactory(parent=index, country="FR"))
    case_jp = translate(cf.CaseStudyPageFactory(parent=index, country="JP"))

    assert f'<a href="{france_en.url}">France</a>' in leads_on(client.get(case_fr.url).content.decode())
    assert f'href="{japan.url}"' in leads_on(client.get(case_jp.url).content.decode())


# A quiz and an event on the same topics


@pytest.mark.parametrize("kind", FACTORIES)
def test_content_shows_a_quiz_and_the_next_upcoming_event_on_its_topics(
    client, index, quiz_index, event_index, fraud, health, kind
):
    page = filed_under(FACTORIES[kind](parent=index), [fraud])
    on_fraud = QuizPageFactory(parent=quiz_index, title="防骗测验", selection="random", topics=[fraud])
    QuizPageFactory(parent=quiz_index, title="健康测验", questions=[QuestionFactory(topic=health)])
    EventPageFactory(parent=event_index, title="已结束的防骗讲座", starts_at=in_days(-3), topics=[fraud])
    EventPageFactory(parent=event_index, title="较晚的防骗讲座", starts_at=in_days(20), topics=[fraud])
    sooner = EventPageFactory(
        parent=event_index, title="下周的防骗讲座", starts_at=in_days(7), topics=[fraud]
    )
    EventPageFactory(parent=event_index, title="明天的健康讲座", starts_at=in_days(1), topics=[health])

    section = leads_on(client.get(page.url).content.decode())

    assert f'<a href="{on_fraud.url}">防骗测验</a>' in section and "健康测验" not in section
    assert f'<a href="{sooner.url}">下周的防骗讲座</a>' in section
    assert "较晚" not in section and "已结束" not in section and "健康讲座" not in section


def test_a_quiz_takes_its_topics_from_its_fixed_questions(client, index, quiz_index, fraud):
    page = filed_under(cf.ArticlePageFactory(parent=index), [fraud])
    quiz = QuizPageFactory(parent=quiz_index, title="防骗测验", questions=[QuestionFactory(topic=fraud)])

    assert f'href="{quiz.url}"' in leads_on(client.get(page.url).content.decode())


def test_the_quiz_most_about_the_topics_comes_first_and_sign_in_is_said(client, index, quiz_index, zh, fraud):
    safety = topic(zh, "personal-safety")
    page = filed_under(cf.ArticlePageFactory(parent=index), [fraud, safety])
    QuizPageFactory(parent=quiz_index, title="只考防骗", selection="random", topics=[fraud])
    QuizPageFactory(
        parent=quiz_index,
        title="行前测验",
        selection="random",
        topics=[fraud, safety, topic(zh, "health")],
        who_may_take="signed-in",
    )
    exact = QuizPageFactory(
        parent=quiz_index,
        title="防骗与人身安全",
        selection="random",
        topics=[fraud, safety],
        who_may_take="signed-in",
    )

    section = leads_on(client.get(page.url).content.decode())

    assert f'<a href="{exact.url}">防骗与人身安全</a>' in section
    assert "需登录" in section


def test_english_content_shows_the_english_quiz_and_event(client, index, quiz_index, event_index, fraud, en):
    page = translate(filed_under(cf.ArticlePageFactory(parent=index), [fraud]))
    quiz_en = translate(
        QuizPageFactory(parent=quiz_index, selection="random", topics=[fraud]), title="Fraud quiz"
    )
    event_en = translate(
        EventPageFactory(parent=event_index, starts_at=in_days(5), topics=[fraud]), title="Fraud talk"
    )

    section = leads_on(client.get(page.url).content.decode())

    assert f'<a href="{quiz_en.url}">Fraud quiz</a>' in section
    assert f'<a href="{event_en.url}">Fraud talk</a>' in section
    assert "Test what you know" in section and "Come to an event" in section


def test_content_without_a_shared_topic_shows_no_section(
    client, index, quiz_index, event_index, fraud, health
):
    page = filed_under(cf.ArticlePageFactory(parent=index), [health])
    QuizPageFactory(parent=quiz_index, selection="random", topics=[fraud])
    EventPageFactory(parent=event_index, starts_at=in_days(5), topics=[fraud])

    assert leads_on(client.get(page.url).content.decode()) == ""


def test_a_newly_published_quiz_appears_although_the_links_are_cached(client, index, quiz_index, fraud):
    page = filed_under(cf.ArticlePageFactory(parent=index), [fraud])
    assert leads_on(client.get(page.url).content.decode()) == ""

    quiz = QuizPageFactory(parent=quiz_index, selection="random", topics=[fraud])

    assert f'href="{quiz.url}"' in leads_on(client.get(page.url).content.decode())


def test_another_room_adds_a_card_by_registering_one_function(client, index, fraud):
    """What a new room (courses) does: register a function; home's templates need no change."""
    page = filed_under(cf.ArticlePageFactory(parent=index), [fraud])

    def course(request, subject):
        if fraud.translation_key not in subject.topic_keys:
            return None
        return Section(
            order=25, title="学一门课", template_name="home/tests/section.html", context={"note": "C"}
        )

    with hooks.register_temporarily(CONTENT_PAGE_LINKS, course):
        section = leads_on(client.get(page.url).content.decode())

    assert "学一门课" in section and '<p class="test-home-section">C</p>' in section


# Queries: the cards come from the site cache, whatever the number of quizzes and events


def add_quizzes_and_events(quiz_index, event_index, topics, count, start):
    for number in range(start, start + count):
        QuizPageFactory(parent=quiz_index, selection="random", topics=topics, title=f"测验 {number}")
        EventPageFactory(
            parent=event_index, starts_at=in_days(3 + number), topics=topics, title=f"讲座 {number}"
        )


def warm_count(client, url):
    client.get(url)  # the first request builds the cached lists (and renditions, Wagtail's caches)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    return len(queries.captured_queries), html


@pytest.mark.parametrize("kind", ["article", "case"])
def test_content_pages_stay_within_15_queries_with_3_or_30_quizzes_and_events(
    client, home_zh, index, quiz_index, event_index, fraud, kind, django_assert_max_num_queries
):
    destinations = DestinationIndexPageFactory(parent=home_zh)
    DestinationPageFactory(parent=destinations, destination=DestinationFactory(country="FR"))
    page = filed_under(FACTORIES[kind](parent=index), [fraud])
    add_quizzes_and_events(quiz_index, event_index, [fraud], 3, start=0)
    few, html = warm_count(client, page.url)
    assert "测验" in leads_on(html) and "讲座" in leads_on(html)

    add_quizzes_and_events(quiz_index, event_index, [fraud], 27, start=3)
    client.get(page.url)
    with django_assert_max_num_queries(15), CaptureQueriesContext(connection) as queries:
        client.get(page.url)
    assert len(queries.captured_queries) == few
