"""A course leads on from an article on its topics (its final quiz's), through the content_page_links
hook: under the article, in the article's language; none when no course shares a topic."""

import pytest

from home.models import Topic
from tests.home import factories as cf
from tests.quizzes.factories import QuestionFactory, QuizIndexPageFactory, QuizPageFactory
from tests.training import factories as f

pytestmark = pytest.mark.django_db


def leads_on(html):
    if 'class="leads-on"' not in html:
        return ""
    start = html.index('class="leads-on"')
    return html[start : html.index("</section>", start)]


def article_on(home, topic):
    article = cf.ArticlePageFactory(parent=cf.ContentIndexPageFactory(parent=home))
    article.topics.set([topic])
    article.save_revision().publish()
    return article


@pytest.fixture
def course_on_fraud(home_zh, zh, index):
    fraud = Topic.objects.get(locale=zh, slug="fraud-and-scams")
    quiz = QuizPageFactory(
        parent=QuizIndexPageFactory(parent=home_zh), questions=[QuestionFactory(topic=fraud)]
    )
    return f.CoursePageFactory(parent=index, final_quiz=quiz, title="防范电信诈骗行前课", lessons=1)


def test_an_article_on_the_courses_topic_leads_on_to_it(client, home_zh, zh, course_on_fraud):
    article = article_on(home_zh, Topic.objects.get(locale=zh, slug="fraud-and-scams"))
    cards = leads_on(client.get(article.url).content.decode())
    assert "防范电信诈骗行前课" in cards and course_on_fraud.url in cards


def test_an_article_on_another_topic_does_not(client, home_zh, zh, course_on_fraud):
    article = article_on(home_zh, Topic.objects.get(locale=zh, slug="health"))
    assert "防范电信诈骗行前课" not in leads_on(client.get(article.url).content.decode())
