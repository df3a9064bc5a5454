"""What the search page ranks first and what each result shows: its kind, its date, an excerpt."""

import pytest

from home.models import StandardPage
from home.search import segment
from home.site_search import WordFinder
from tests.home import factories as cf

pytestmark = [pytest.mark.django_db, pytest.mark.engine]  # ranking is the database's full-text search

LONG_BODY = "出国前请了解目的地的安全形势，购买保险，备好常用药品。" * 40


def standard(parent, title, intro="", body_text="", slug=None):
    body = [("paragraph", f"<p>{body_text}</p>")] if body_text else []
    page = StandardPage(title=title, slug=slug or f"p-{abs(hash(title)) % 10**8}", intro=intro, body=body)
    return cf.publish(parent, page)


def slugs(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    return [item["page"].slug for item in response.context["items"]]


def test_english_words_are_stemmed_the_same_when_indexing_and_searching():
    assert segment("Passports SCAMS 12308") == "passport scam 12308"
    assert segment("护照 passports") == "护照 passport"


def test_a_word_in_the_title_outweighs_the_same_word_deep_in_a_long_body(client, home_zh):
    standard(home_zh, "出行须知", body_text=LONG_BODY + "熊猫" + LONG_BODY + "熊猫", slug="deep")
    standard(home_zh, "熊猫须知", body_text=LONG_BODY, slug="titled")
    assert slugs(client, "zh-hans", "熊猫") == ["titled", "deep"]


def test_a_word_in_the_summary_outweighs_the_same_word_deep_in_a_long_body(client, home_zh):
    standard(home_zh, "出行须知", body_text=LONG_BODY + "樱桃" + LONG_BODY, slug="deep")
    standard(home_zh, "行前须知", intro="带樱桃出境要申报", body_text=LONG_BODY, slug="lead")
    assert slugs(client, "zh-hans", "樱桃") == ["lead", "deep"]


def test_awareness_content_comes_before_a_page_that_mentions_the_word_in_passing(client, home_zh):
    index = cf.ContentIndexPageFactory(parent=home_zh)
    standard(home_zh, "出行须知", intro="如遇骆驼挡路请绕行。", body_text=LONG_BODY, slug="passing")
    body = [("paragraph", f"<p>{LONG_BODY[:300]}沙漠里的骆驼很常见。{LONG_BODY[:300]}</p>")]
    article = cf.ArticlePageFactory(parent=index, title="沙漠旅行须知", summary="行前准备", body=body)
    assert slugs(client, "zh-hans", "骆驼") == [article.slug, "passing"]


def test_the_typed_phrase_in_a_title_comes_first(client, home_zh):
    index = cf.ContentIndexPageFactory(parent=home_zh)
    many = cf.ArticlePageFactory(
        parent=index,
        title="野生动物",
        summary="海豚搁浅时，请联系救助机构。海豚救助需要专业人员，救助前先报警。",
    )
    standard(home_zh, "海豚救助站开放日", slug="phrase")
    assert slugs(client, "zh-hans", "海豚救助") == ["phrase", many.slug]


def test_an_english_plural_finds_the_singular(client, home_en):
    standard(home_en, "Renewing a passport", slug="renew")
    assert "renew" in slugs(client, "en", "passports")


def test_each_result_shows_its_kind_date_and_an_excerpt_with_the_words_found(client, home_zh):
    index = cf.ContentIndexPageFactory(parent=home_zh)
    cf.CaseStudyPageFactory(parent=index, title="留学生遭遇电信诈骗", summary="他接到冒充使馆的诈骗电话。")
    html = client.get("/zh-hans/search/", {"q": "诈骗"}).content.decode()
    assert 'class="content-card__kind">真实案例<' in html
    assert "<time " in html
    assert "他接到冒充使馆的<mark>诈骗</mark>电话。" in html


def test_index_and_site_pages_never_show_model_names(client, home_zh):
    cf.ContentIndexPageFactory(parent=home_zh, title="诈骗防范知识")
    standard(home_zh, "诈骗举报", slug="report")
    html = client.get("/zh-hans/search/", {"q": "诈骗"}).content.decode()
    assert 'class="content-card__kind">栏目<' in html
    assert 'class="content-card__kind">网站信息<' in html
    for model_name in ("标准页面", "内容索引页", "Standard page", "Content index page"):
        assert model_name not in html


def test_the_excerpt_escapes_the_page_text(client, home_zh):
    standard(home_zh, "安全提示", intro='<script>alert("x")</script> 警惕诈骗 & 盗抢', slug="script")
    html = client.get("/zh-hans/search/", {"q": "诈骗"}).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 警惕<mark>诈骗</mark> &amp; 盗抢" in html
    assert '<script>alert("x")' not in html


def test_the_excerpt_starts_near_the_first_word_found():
    text = "甲" * 300 + "诈骗" + "乙" * 300
    excerpt = WordFinder("诈骗").excerpt(text)
    assert excerpt.startswith("…") and excerpt.endswith("…")
    assert "<mark>诈骗</mark>" in excerpt
    assert len(excerpt) < 150


def test_the_excerpt_marks_english_words_by_their_stem():
    excerpt = WordFinder("passports").excerpt("Keep a copy of your passport. Passports get stolen.")
    assert excerpt == "Keep a copy of your <mark>passport</mark>. <mark>Passports</mark> get stolen."


def test_the_excerpt_does_not_cut_an_english_word():
    excerpt = WordFinder("scam").excerpt("word " * 10 + "a scam " + "longword " * 40)
    assert excerpt.startswith("…word") or excerpt.startswith("…a ")
    assert excerpt.endswith("longword…")


def test_the_excerpt_reads_like_the_page_no_block_settings_and_paragraphs_apart(client, home_en):
    body = [
        ("heading", {"text": "Keep it safe", "level": "h2"}),
        ("paragraph", "<p>Lock away your jewellery.</p><p>Leave your passport in the hotel safe.</p>"),
    ]
    cf.publish(home_en, StandardPage(title="Hotel tips", slug="hotel-tips", body=body))
    response = client.get("/en/search/", {"q": "lock"})
    [item] = [item for item in response.context["items"] if item["page"].slug == "hotel-tips"]
    assert item["excerpt"] == (
        "Keep it safe <mark>Lock</mark> away your jewellery. Leave your passport in the hotel safe."
    )
