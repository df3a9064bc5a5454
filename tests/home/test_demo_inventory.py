"""What `seed_demo` builds, counted: the page tree, the records, a sample of titles and texts.

The expected values were taken from a run of `seed_demo` before the demo words moved from Python
literals into `<app>/demo_data/*.json`, so this test says the move changed nothing that is built.
Attempts are generated with seeded random number generators: their statuses and scores are the
same on every run; only their dates follow the day it runs, and dates are not counted here.

seed_demo runs twice, once for the module, inside a transaction rolled back at the end (the
session's demo site, built by tests/conftest.py, stays as it was). The tests that a second run adds
nothing live here too, so that they share those two runs (about 8 s of CPU each).
"""

import io
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Sum
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Revision
from wagtailmedia.models import Media

from destinations.models import ChangeNote, ConsularContact, Destination
from events.models import Event, Invitation, Registration
from home.models import HomePage, PortalSettings, Topic
from quizzes.models import Answer, Attempt, Choice, Question

pytestmark = pytest.mark.django_db  # pytest-django creates the test database only for marked tests

EXPECTED_PAGES = {
    "alertindexpage/en": 1,
    "alertindexpage/zh-hans": 1,
    "articlepage/en": 13,
    "articlepage/zh-hans": 13,
    "brochurepage/en": 3,
    "brochurepage/zh-hans": 3,
    "casestudypage/en": 8,
    "casestudypage/zh-hans": 8,
    "contentindexpage/en": 1,
    "contentindexpage/zh-hans": 1,
    "courseindexpage/en": 1,
    "courseindexpage/zh-hans": 1,
    "coursepage/en": 2,
    "coursepage/zh-hans": 2,
    "destinationindexpage/en": 1,
    "destinationindexpage/zh-hans": 1,
    "destinationpage/en": 24,
    "destinationpage/zh-hans": 24,
    "eventindexpage/en": 1,
    "eventindexpage/zh-hans": 1,
    "eventpage/en": 11,
    "eventpage/zh-hans": 11,
    "homepage/en": 1,
    "homepage/zh-hans": 1,
    "lessonpage/en": 10,
    "lessonpage/zh-hans": 10,
    "page/zh-hans": 1,
    "quizindexpage/en": 1,
    "quizindexpage/zh-hans": 1,
    "quizpage/en": 3,
    "quizpage/zh-hans": 3,
    "safetyalertpage/en": 5,
    "safetyalertpage/zh-hans": 5,
    "standardpage/en": 4,
    "standardpage/zh-hans": 4,
    "videopage/en": 2,
    "videopage/zh-hans": 2,
}

EXPECTED_RECORDS = {
    "questions/zh-hans": 35,
    "questions/en": 35,
    "choices": 220,
    "choices with feedback": 114,
    "topics/zh-hans": 9,
    "topics/en": 9,
    "destinations": 24,
    "consular contacts": 42,
    "change notes": 4,
    "events": 11,
    # 5 for the upcoming full lecture; the rest are past events' attendance (events/demo_data, #15.5)
    "registrations": 1405,
    "registrations waitlisted": 8,
    "invitations": 2,
    # 310 generated, the demo learner's final quiz (training/demo.py) and the final quizzes of ten
    # demo members who completed the courses their organisations assigned (organizations/demo.py)
    "attempts": 321,
    "attempts in English": 92,
    "attempts submitted": 304,
    "attempts expired": 4,
    "attempts in progress": 13,
    "attempts passed": 210,
    "attempts' total score": 2307,
    "answers": 3150,
}

EXPECTED_TEXTS = {
    "homepage/zh-hans/first": "首页",
    "homepage/en/first": "Home",
    "standardpage/zh-hans/about": "关于我们",
    "standardpage/en/about": "About us",
    "standardpage/zh-hans/contact": "联系我们",
    "standardpage/en/contact": "Contact us",
    "contentindexpage/zh-hans/knowledge": "安全知识",
    "contentindexpage/en/knowledge": "Safety knowledge",
    "articlepage/zh-hans/phone-scams": "防范电信诈骗：接到“使馆来电”先挂断、再核实",
    "articlepage/en/phone-scams": "Phone scams: hang up on “embassy calls”, then check",
    "casestudypage/zh-hans/first": "留学生地铁上被盗护照，使馆指导补办证件",
    "casestudypage/en/first": "A student's passport stolen on the metro: the embassy guides him "
    "through a new one",
    "brochurepage/zh-hans/first": "海外安全出行手册（中英双语）",
    "brochurepage/en/first": "Travel safety abroad (Chinese and English)",
    "videopage/zh-hans/first": "记住这个号码：12308",
    "videopage/en/first": "Remember this number: 12308",
    "quizindexpage/zh-hans/quizzes": "安全知识问答",
    "quizindexpage/en/quizzes": "Safety quizzes",
    "quizpage/zh-hans/pre-departure-students": "出国留学行前安全测验",
    "quizpage/en/pre-departure-students": "Pre-departure quiz for students",
    "eventindexpage/zh-hans/events": "活动",
    "eventindexpage/en/events": "Events",
    "eventpage/zh-hans/emergency-skills-lecture": "专家讲座：海外突发事件应急技能",
    "eventpage/en/emergency-skills-lecture": "Expert lecture: emergency skills abroad",
    "destinationindexpage/zh-hans/destinations": "目的地安全",
    "destinationindexpage/en/destinations": "Destinations",
    "destinationpage/zh-hans/th": "泰国",
    "destinationpage/en/th": "Thailand",
    "alertindexpage/zh-hans/alerts": "安全提醒",
    "alertindexpage/en/alerts": "Safety alerts",
    "safetyalertpage/zh-hans/demo-sudan-do-not-travel": "提醒中国公民暂勿前往苏丹",
    "safetyalertpage/en/demo-sudan-do-not-travel": "Chinese citizens: do not travel to Sudan for now",
    "safetyalertpage/zh-hans/demo-kenya-elections": "选举期间谨慎前往肯尼亚",
    "safetyalertpage/en/demo-kenya-elections": "Travel with caution to Kenya during the elections",
    "question/zh-hans/0": "在境外遇到紧急情况，想拨打外交部全球领事保护与服务应急呼叫中心，应该拨哪个号码？",
    "question/zh-hans/1": "12308 热线只在北京时间工作日的办公时间有人接听。",
    "question/zh-hans/last": "按照我国海关规定，出境时携带外币现钞折合超过多少美元，须向海关申报？",
    "explanation/zh-hans/last": "我国规定，出入境携带外币现钞折合超过 5000 美元，或人民币现钞超过 2 万元的，"
    "须向海关申报。目的国也有自己的规定，例如进出欧盟携带 1 万欧元及以上现金须申报。",
    "choice/zh-hans/last": ("2 万美元", "2 万是人民币现钞的申报门槛（2 万元），外币是折合 5000 美元。"),
    "topic/zh-hans/first": "人身安全",
    "question/en/0": "You are abroad and in an emergency. Which number reaches the Global Emergency "
    "Call Centre for Consular Protection and Services?",
    "question/en/1": "The 12308 hotline is answered only during office hours on working days, Beijing time.",
    "question/en/last": "Under Chinese customs rules, above what amount of foreign currency cash (in "
    "US dollars) must you declare it when leaving China?",
    "explanation/en/last": "China requires you to declare foreign cash worth more than 5,000 US "
    "dollars, or more than 20,000 yuan in renminbi notes, when entering or "
    "leaving. Your destination has its own rules: the EU, for example, "
    "requires a declaration for 10,000 euros or more.",
    "choice/en/last": (
        "20,000 US dollars",
        "20,000 is the limit for renminbi notes (20,000 yuan); for foreign cash it is 5,000 US dollars.",
    ),
    "topic/en/first": "Personal safety",
    "settings/office_address_zh": "北京市东城区示例路 1 号 外事办公室",
    "settings/office_address_en": "Foreign Affairs Office, 1 Example Road, Dongcheng District, Beijing",
}


def inventory():
    """{"pages": {model/language: count}, "records": {name: count}, "texts": {what: words}}."""
    pages = Counter(
        f"{model}/{language}"
        for model, language in Page.objects.values_list("content_type__model", "locale__language_code")
    )
    attempts = Attempt.objects.all()
    records = {
        "questions/zh-hans": Question.objects.filter(locale__language_code="zh-hans").count(),
        "questions/en": Question.objects.filter(locale__language_code="en").count(),
        "choices": Choice.objects.count(),
        "choices with feedback": Choice.objects.exclude(feedback="").count(),
        "topics/zh-hans": Topic.objects.filter(locale__language_code="zh-hans").count(),
        "topics/en": Topic.objects.filter(locale__language_code="en").count(),
        "destinations": Destination.objects.count(),
        "consular contacts": ConsularContact.objects.count(),
        "change notes": ChangeNote.objects.count(),
        "events": Event.objects.count(),
        "registrations": Registration.objects.count(),
        "registrations waitlisted": Registration.objects.filter(
            status=Registration.Status.WAITLISTED
        ).count(),
        "invitations": Invitation.objects.count(),
        "attempts": attempts.count(),
        "attempts in English": attempts.filter(language="en").count(),
        "attempts submitted": attempts.filter(status=Attempt.Status.SUBMITTED).count(),
        "attempts expired": attempts.filter(status=Attempt.Status.EXPIRED).count(),
        "attempts in progress": attempts.filter(status=Attempt.Status.IN_PROGRESS).count(),
        "attempts passed": attempts.filter(passed=True).count(),
        "attempts' total score": attempts.aggregate(total=Sum("score"))["total"],
        "answers": Answer.objects.count(),
    }
    counts = {
        model.__name__: model.objects.count()
        for model in (Page, Revision, Topic, HomePage, Image, Document, Media)
    }
    return {
        "pages": dict(sorted(pages.items())),
        "records": records,
        "texts": texts(),
        "counts": counts,
        "first video's file exists": Path(Media.objects.first().file.path).exists(),
    }


SAMPLE_PAGES = [
    # (page model, slug): one page of each kind, its title in both languages
    ("homepage", None),
    ("standardpage", "about"),
    ("standardpage", "contact"),
    ("contentindexpage", "knowledge"),
    ("articlepage", "phone-scams"),
    ("casestudypage", None),
    ("brochurepage", None),
    ("videopage", None),
    ("quizindexpage", "quizzes"),
    ("quizpage", "pre-departure-students"),
    ("eventindexpage", "events"),
    ("eventpage", "emergency-skills-lecture"),
    ("destinationindexpage", "destinations"),
    ("destinationpage", "th"),
    ("alertindexpage", "alerts"),
    ("safetyalertpage", "demo-sudan-do-not-travel"),
    ("safetyalertpage", "demo-kenya-elections"),
]


def texts():
    found = {}
    for model, slug in SAMPLE_PAGES:
        for language in ("zh-hans", "en"):
            pages = Page.objects.filter(content_type__model=model, locale__language_code=language)
            page = pages.get(slug=slug) if slug else pages.order_by("path").first()
            found[f"{model}/{language}/{slug or 'first'}"] = page.title
    for language in ("zh-hans", "en"):
        questions = Question.objects.filter(locale__language_code=language).order_by("pk")
        for number, question in enumerate(questions[:2]):
            found[f"question/{language}/{number}"] = question.text
        last = questions.last()
        found[f"question/{language}/last"] = last.text
        found[f"explanation/{language}/last"] = last.explanation
        choice = Choice.objects.filter(question=last).exclude(feedback="").order_by("sort_order").first()
        found[f"choice/{language}/last"] = (choice.text, choice.feedback)
        found[f"topic/{language}/first"] = (
            Topic.objects.filter(locale__language_code=language).order_by("pk").first().name
        )
    portal = PortalSettings.objects.get()
    found["settings/office_address_zh"] = portal.office_address_zh
    found["settings/office_address_en"] = portal.office_address_en
    return found


@pytest.fixture(scope="module")
def runs(django_db_setup, django_db_blocker):
    """(inventory after seed_demo, inventory after a second seed_demo), then everything rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        first = inventory()
        call_command("seed_demo", stdout=io.StringIO())
        second = inventory()
        transaction.set_rollback(True)
    return first, second


def test_seed_demo_builds_the_expected_pages_in_each_language(runs):
    first, _second = runs
    assert first["pages"] == EXPECTED_PAGES


def test_seed_demo_builds_the_expected_records(runs):
    first, _second = runs
    assert first["records"] == EXPECTED_RECORDS


def test_seed_demo_writes_the_expected_words(runs):
    first, _second = runs
    assert first["texts"] == EXPECTED_TEXTS


def test_a_second_seed_demo_builds_nothing_new(runs):
    first, second = runs
    assert second == first


def test_seed_demo_twice_changes_nothing(runs):
    first, second = runs
    assert [second["counts"][name] for name in ("Page", "Revision", "Topic")] == [
        first["counts"][name] for name in ("Page", "Revision", "Topic")
    ]


def test_seed_demo_twice_adds_no_pages_or_files(runs):
    first, second = runs
    names = ("Page", "HomePage", "Image", "Document", "Media")
    assert {name: second["counts"][name] for name in names} == {name: first["counts"][name] for name in names}
    assert second["first video's file exists"]
