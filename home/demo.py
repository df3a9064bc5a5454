"""Bilingual demo content for a new site. Idempotent: what exists already is left as it is.

The awareness content (articles, real-life cases, brochures, videos) is data in ``home.demo_content``;
its files (images, PDFs, videos, captions) are committed in ``home/demo_media/`` and loaded once:
a second run finds them by title and adds nothing.

Other apps add their own demo content through the ``seed_demo_content`` hook: a function taking
``(stdout)`` that is safe to run twice.
"""

import re
import zlib
from datetime import timedelta
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtailmedia import get_media_model

from accounts.models import AccountSettings

from . import demo_content
from .demo_content import callout, faq, heading, rich
from .models import (
    ArticlePage,
    Audience,
    BrochurePage,
    CaseStudyPage,
    ContentIndexPage,
    HomePage,
    PortalSettings,
    StandardPage,
    Topic,
    VideoPage,
)

SEED_DEMO_CONTENT = "seed_demo_content"
DEMO_MEDIA = Path(__file__).resolve().parent / "demo_media"


PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")  # a page, not the /Pages tree


def pdf_page_count(data):
    """Pages in a PDF, counted from its page objects, also those inside compressed object streams."""
    count = len(PAGE_OBJECT.findall(data))
    for stream in re.finditer(rb"/Type\s*/ObjStm.*?stream\r?\n", data, re.DOTALL):
        try:
            count += len(PAGE_OBJECT.findall(zlib.decompressobj().decompress(data[stream.end() :])))
        except zlib.error:
            continue
    return count


HOME = {
    "zh-hans": {
        "title": "首页",
        "hero_title": "领事保护进万家",
        "hero_text": "出国前了解目的地安全形势，学会应对紧急情况。遇到危险，请第一时间联系中国驻当地使领馆或拨打 12308。",
        "body": [
            callout(
                "emergency",
                "海外遇险怎么办？",
                "<ol><li>确保人身安全，远离危险区域。</li><li>拨打当地报警或急救电话。</li>"
                "<li>联系中国驻当地使领馆，或拨打外交部全球领事保护与服务应急呼叫中心 12308"
                "（境外拨打 +86-10-12308）。</li></ol>",
            ),
        ],
    },
    "en": {
        "title": "Home",
        "hero_title": "Consular Protection for All",
        "hero_text": "Know how safe your destination is before you go, and what to do in an emergency. "
        "In danger, contact the Chinese embassy or consulate at once, or call 12308.",
        "body": [
            callout(
                "emergency",
                "In trouble abroad?",
                "<ol><li>Get yourself to safety, away from danger.</li><li>Call the local police or ambulance.</li>"
                "<li>Contact the Chinese embassy or consulate, or call the Global Emergency Call Centre for "
                "Consular Protection and Services, 12308 (from abroad +86-10-12308).</li></ol>",
            ),
        ],
    },
}

STANDARD_PAGES = [
    {
        "slug": "about",
        "show_in_menus": True,
        "zh-hans": {
            "title": "关于我们",
            "intro": "“领事保护进万家”活动由本市外事办公室发起，走进社区、企业和学校，普及领事保护知识。",
            "body": [
                rich(
                    "<p>我们在社区举办领事保护宣传展览，邀请专家开展海外安全与应急技能讲座，"
                    "走进有海外业务的企业了解需求并提供“服务包”，在校园开展出国留学行前安全培训。</p>"
                ),
                rich(
                    "<p>通过安全知识问答、宣传册发放和视频宣传，提升公众的自我保护意识和应对海外风险的能力。</p>"
                ),
            ],
        },
        "en": {
            "title": "About us",
            "intro": "The “Consular Protection for All” campaign of the city's Foreign Affairs Office brings "
            "consular protection knowledge to communities, companies and schools.",
            "body": [
                rich(
                    "<p>We hold consular protection exhibitions in communities, invite experts to lecture on "
                    "safety abroad and emergency skills, visit companies with overseas operations to offer "
                    "“service packages”, and run pre-departure safety training on campuses.</p>"
                ),
                rich(
                    "<p>Safety knowledge quizzes, brochures and videos help the public protect themselves and "
                    "respond to risks abroad.</p>"
                ),
            ],
        },
    },
    {
        "slug": "privacy",
        "show_in_menus": False,
        "zh-hans": {
            "title": "隐私声明",
            "intro": "本声明说明我们收集哪些个人信息、为何收集以及如何保护。",
            "body": [
                heading("我们收集的信息"),
                rich("<p>注册账户时的姓名、电子邮箱和首选语言；您参加测验、课程和活动的记录。</p>"),
                heading("我们如何使用"),
                rich("<p>仅用于提供培训、活动报名和安全提醒服务，不用于其他目的，不向第三方出售。</p>"),
                heading("您的权利"),
                rich("<p>您可以随时在“我的”中查看和修改个人资料，或联系我们删除账户。</p>"),
            ],
        },
        "en": {
            "title": "Privacy notice",
            "intro": "This notice explains what personal information we collect, why, and how we protect it.",
            "body": [
                heading("What we collect"),
                rich(
                    "<p>Your name, email address and preferred language when you sign up; records of the "
                    "quizzes, courses and events you take part in.</p>"
                ),
                heading("How we use it"),
                rich(
                    "<p>Only to provide training, event registration and safety alerts; never for other "
                    "purposes, and never sold to anyone.</p>"
                ),
                heading("Your rights"),
                rich(
                    "<p>You can see and change your profile in “My portal” at any time, or contact us to "
                    "delete your account.</p>"
                ),
            ],
        },
    },
    {
        "slug": "accessibility",
        "show_in_menus": False,
        "zh-hans": {
            "title": "无障碍声明",
            "intro": "我们希望每个人都能使用本网站，包括使用读屏软件、键盘或小屏幕手机的用户。",
            "body": [
                rich(
                    "<p>本网站按照 WCAG 2.2 AA 级标准设计：所有表单字段都有标签，可全程使用键盘操作，"
                    "颜色对比度符合要求，在 360 像素宽的手机屏幕上也能正常使用。</p>"
                ),
                rich("<p>如果您在使用中遇到困难，请通过“联系我们”页面告诉我们。</p>"),
            ],
        },
        "en": {
            "title": "Accessibility statement",
            "intro": "We want everyone to be able to use this site, including people using screen readers, "
            "a keyboard or a small phone screen.",
            "body": [
                rich(
                    "<p>The site is built to WCAG 2.2 level AA: every form field has a label, everything works "
                    "from the keyboard, colours have enough contrast, and pages work on a 360-pixel-wide phone.</p>"
                ),
                rich("<p>If something does not work for you, please tell us through the contact page.</p>"),
            ],
        },
    },
    {
        "slug": "contact",
        "show_in_menus": True,
        "zh-hans": {
            "title": "联系我们",
            "intro": "如在海外遇到紧急情况，请直接拨打 12308；其他咨询请联系外事办公室。",
            "body": [
                callout(
                    "emergency",
                    "紧急求助",
                    "<p>外交部全球领事保护与服务应急呼叫中心：12308（24 小时），境外拨打 +86-10-12308。</p>",
                ),
                faq(
                    "常见问题",
                    [
                        (
                            "护照在国外丢失怎么办？",
                            "<p>先向当地警方报案并取得报案证明，再联系中国驻当地使领馆申请旅行证或补发护照。</p>",
                        ),
                        (
                            "领事保护能帮我做什么？",
                            "<p>使领馆可以提供联络、咨询和协助，但不能代替当事人处理私人事务或干涉司法。</p>",
                        ),
                    ],
                ),
            ],
        },
        "en": {
            "title": "Contact us",
            "intro": "In an emergency abroad, call 12308 directly; for other questions, contact the Foreign "
            "Affairs Office.",
            "body": [
                callout(
                    "emergency",
                    "Emergency help",
                    "<p>Global Emergency Call Centre for Consular Protection and Services: 12308 (24 hours); "
                    "from abroad +86-10-12308.</p>",
                ),
                faq(
                    "Frequently asked questions",
                    [
                        (
                            "What if I lose my passport abroad?",
                            "<p>Report it to the local police and get a report, then ask the Chinese embassy or "
                            "consulate for a travel document or a new passport.</p>",
                        ),
                        (
                            "What can consular protection do for me?",
                            "<p>Embassies and consulates can contact, advise and assist you, but cannot handle "
                            "private matters for you or interfere in court cases.</p>",
                        ),
                    ],
                ),
            ],
        },
    },
]

TOPICS = [
    ("personal-safety", "人身安全", "Personal safety"),
    ("mental-health", "心理健康", "Mental health"),
    ("fraud-and-scams", "防范诈骗", "Fraud and scams"),
    ("lost-documents", "证件遗失", "Lost documents"),
    ("detention-and-legal-trouble", "拘押与法律纠纷", "Detention and legal trouble"),
    ("disasters-and-evacuation", "自然灾害与撤离", "Natural disasters and evacuation"),
    ("health", "卫生健康", "Health"),
    ("traffic", "交通安全", "Traffic safety"),
    ("entry-and-exit", "出入境", "Entry and exit"),
]


class DemoSeeder:
    def __init__(self, stdout):
        self.stdout = stdout
        self.zh, _ = Locale.objects.get_or_create(language_code="zh-hans")
        self.en, _ = Locale.objects.get_or_create(language_code="en")

    def log(self, message):
        self.stdout.write(message)

    @transaction.atomic
    def run(self):
        home = self.home_page()
        for spec in STANDARD_PAGES:
            self.standard_page(home, spec)
        self.topics()
        self.settings(home)
        self.awareness_content(home)

    def home_page(self):
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(locale=self.zh, depth=2).first()
        if home is None:
            # A new install's "Welcome to Wagtail" page (a plain Page) makes way; its Site goes with it.
            root.get_children().filter(
                content_type__model="page", content_type__app_label="wagtailcore"
            ).delete()
            home = HomePage(slug="home", locale=self.zh, **HOME["zh-hans"])
            root.add_child(instance=home)
            home.save_revision().publish()
            self.log("Created the Chinese home page")
        if not Site.objects.filter(is_default_site=True).exists():
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="领事保护进万家",
            )
        self.translate(home, HOME["en"])
        return home

    def standard_page(self, home, spec):
        return self.child_page(home, StandardPage, spec, show_in_menus=spec["show_in_menus"])

    def child_page(self, parent, model, spec, show_in_menus=True):
        """A page under `parent` (found by its slug, else created and published in Chinese) and its
        English translation. `spec` holds "slug", and the "zh-hans" and "en" field values."""
        page = model.objects.child_of(parent).filter(slug=spec["slug"]).first()
        if page is None:
            page = model(slug=spec["slug"], show_in_menus=show_in_menus, **spec["zh-hans"])
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.log(f"Created page {spec['slug']}")
        self.translate(page, spec["en"])
        return page

    def translate(self, page, fields):
        """The English translation of a page, created once with its English text and published."""
        if page.get_translations().filter(locale=self.en).exists():
            return
        translated = page.copy_for_translation(self.en)
        for name, value in fields.items():
            setattr(translated, name, value)
        translated.save_revision().publish()
        self.log(f"Translated {page.slug} into English")

    def topics(self):
        for slug, name_zh, name_en in TOPICS:
            topic = Topic.objects.filter(locale=self.zh, slug=slug).first()
            if topic is None:
                topic = Topic.objects.create(locale=self.zh, slug=slug, name=name_zh)
            if not Topic.objects.filter(translation_key=topic.translation_key, locale=self.en).exists():
                english = topic.copy_for_translation(self.en)
                english.name = name_en
                english.save()

    def settings(self, home):
        site = Site.objects.get(root_page=home)
        portal = PortalSettings.for_site(site)
        if not portal.office_address_zh:
            portal.office_address_zh = "北京市东城区示例路 1 号 外事办公室"
            portal.office_address_en = "Foreign Affairs Office, 1 Example Road, Dongcheng District, Beijing"
            portal.office_phone = "+861065190000"
            portal.office_phone_display = "010-6519 0000"
            portal.office_email = "consular@example.org"
            portal.save()
        account_settings = AccountSettings.for_site(site)
        if account_settings.privacy_notice_id is None:
            account_settings.privacy_notice = StandardPage.objects.child_of(home).get(slug="privacy")
            account_settings.save()

    # --- awareness content --------------------------------------------------------------------

    def awareness_content(self, home):
        """The "safety knowledge" index with its articles, cases, brochures and videos, both languages."""
        self.files = {}
        spec = demo_content.INDEX
        index = ContentIndexPage.objects.child_of(home).filter(slug=spec["slug"]).first()
        if index is None:
            index = ContentIndexPage(slug=spec["slug"], show_in_menus=True, **spec["zh-hans"])
            home.add_child(instance=index)
            index.save_revision().publish()
            self.log(f"Created the content index {spec['slug']}")
        self.translate(index, spec["en"])

        self.topics_by_locale = {
            locale.pk: {topic.slug: topic for topic in Topic.objects.filter(locale=locale)}
            for locale in (self.zh, self.en)
        }
        self.audiences = {audience.slug: audience for audience in Audience.objects.all()}
        for spec in demo_content.ARTICLES:
            self.content_page(index, ArticlePage, spec, ("title", "summary", "hero_image_alt", "body"))
        for spec in demo_content.CASES:
            self.content_page(
                index,
                CaseStudyPage,
                spec,
                ("title", "summary", "hero_image_alt", "what_happened", "what_went_wrong", "how_help_came"),
                country=spec["country"],
                year=spec["year"],
                is_illustrative=True,
                lessons=lambda text: [("lesson", lesson) for lesson in text["lessons"]],
            )
        for spec in demo_content.BROCHURES:
            document = self.document(spec["pdf"], spec["zh-hans"]["document_title"])
            with document.file.open("rb") as pdf:
                page_count = pdf_page_count(pdf.read())
            self.content_page(
                index,
                BrochurePage,
                spec,
                ("title", "summary", "hero_image_alt", "description"),
                document=document,
                cover_image=self.image(spec["cover"]),
                brochure_language=spec["language"],
                page_count=page_count,
            )
        for spec in demo_content.VIDEOS:
            poster = self.image(spec["poster"])
            self.content_page(
                index,
                VideoPage,
                spec,
                ("title", "summary", "hero_image_alt", "transcript"),
                video=self.video(spec),
                poster=poster,
                hero_image=poster,
                captions=lambda text: self.document(text["captions"], text["captions_title"]),
            )

    def content_page(self, index, model, spec, text_fields, **fields):
        """One piece of content under the index, then its English translation; each made once.

        ``fields`` are the same in both languages, unless a value is a function: it is then called
        with the language's text (the captions of a video, the lessons of a case).
        """
        page = model.objects.child_of(index).filter(slug=spec["slug"]).first()
        if page is None:
            page = model(slug=spec["slug"], first_published_at=timezone.now() - timedelta(days=spec["age"]))
            self.fill(page, self.zh, spec, text_fields, fields)
            index.add_child(instance=page)
            page.save_revision().publish()
            self.log(f"Created {model.kind} {spec['slug']}")
        if not page.get_translations().filter(locale=self.en).exists():
            translated = page.copy_for_translation(self.en)
            translated.first_published_at = page.first_published_at
            self.fill(translated, self.en, spec, text_fields, fields)
            translated.save_revision().publish()
            self.log(f"Translated {spec['slug']} into English")
        return page

    def fill(self, page, locale, spec, text_fields, fields):
        text = spec[locale.language_code]
        for name in text_fields:
            setattr(page, name, text[name])
        for name, value in fields.items():
            setattr(page, name, value(text) if callable(value) else value)
        if spec.get("hero"):
            page.hero_image = self.image(spec["hero"])
        page.topics.set([self.topics_by_locale[locale.pk][slug] for slug in spec["topics"]])
        page.audiences.set([self.audiences[slug] for slug in spec["audiences"]])

    def image(self, name):
        """An image from home/demo_media, added to the library once (found again by its title)."""
        return self.library_file(get_image_model(), name, demo_content.IMAGES[name])

    def document(self, name, title):
        """A document (brochure PDF, WebVTT captions) from home/demo_media, added once."""
        return self.library_file(get_document_model(), name, title)

    def library_file(self, model, name, title):
        """A file from home/demo_media in Wagtail's image or document library, found again by its title."""
        key = (model._meta.label, name)
        if key not in self.files:
            found = model.objects.filter(title=title).first()
            if found is None:
                with open(DEMO_MEDIA / name, "rb") as file:
                    found = model.objects.create(title=title, file=File(file, name=name))
            self.files[key] = found
        return self.files[key]

    def video(self, spec):
        """A video from home/demo_media with its poster as thumbnail, added once."""
        title = spec["zh-hans"]["media_title"]
        Media = get_media_model()  # noqa: N806
        media = Media.objects.filter(title=title, type="video").first()
        if media is None:
            with (
                open(DEMO_MEDIA / spec["video"], "rb") as file,
                open(DEMO_MEDIA / spec["poster"], "rb") as poster,
            ):
                media = Media.objects.create(
                    title=title,
                    type="video",
                    file=File(file, name=spec["video"]),
                    thumbnail=File(poster, name=spec["poster"]),
                    width=spec["width"],
                    height=spec["height"],
                    duration=spec["duration"],
                )
        return media
