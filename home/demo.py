"""Bilingual demo content for a new site. Idempotent: what exists already is left as it is.

The words are data: ``<app>/demo_data/<name>.json``, read through ``load_demo_data(app, name)`` (or
``DemoSeeder.data(name)``, for the seeder's own app). In every file a "zh-hans" and an "en" object hold
one language's words; a StreamField body is a list of blocks as Wagtail stores them
(``{"type": ..., "value": ...}``, ids left out). Numbers that are content stay beside the words (how
many days ago a page was published, a quiz's pass mark); the seeders keep how things are built.

Home's files: ``site.json`` (home page, standard pages, topics, the office's settings),
``knowledge.json`` (the "safety knowledge" index and the image library's titles), ``articles.json``,
``cases.json``, ``brochures.json`` and ``videos.json``. Their media (images, PDFs, videos, captions) is
committed in ``home/demo_media/`` and loaded once: a second run finds it by title and adds nothing.
Every case is made up for teaching (``is_illustrative``); ``age`` is how many days ago a piece was first
published, so the index lists a believable mix, newest first.

Other apps add their own demo content through the ``seed_demo_content`` hook: a function taking
``(stdout)`` that is safe to run twice. Demo people have ``@example.org`` addresses
(``DEMO_EMAIL_DOMAIN``) and no mailbox: a seeder that goes through the real functions (registering,
inviting, subscribing) wraps them in ``demo_mail_withdrawn()``, so the emails they queue are withdrawn
before the transaction commits and seeding never delivers mail.
"""

import copy
import functools
import json
import re
import uuid
import zlib
from datetime import timedelta
from pathlib import Path

from django.apps import apps
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtailmedia import get_media_model

import outbox
from accounts.models import AccountSettings

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
# Every room's demo people write from here: the domain reserved for examples, no mailbox behind it.
DEMO_EMAIL_DOMAIN = "@example.org"


def demo_mail_withdrawn():
    """A context manager: the emails queued inside it to demo addresses (``DEMO_EMAIL_DOMAIN``) are
    withdrawn before anything is sent (the outbox delivers only pending messages, after commit)."""
    return outbox.withdrawn_to(DEMO_EMAIL_DOMAIN)


@functools.cache
def load_demo_data(app_label, name):
    """The parsed ``<app>/demo_data/<name>.json`` of an installed app, read once per process.

    What it returns is shared by every caller in the process: read it, never change it (a page gets
    a copy of its words, see ``DemoSeeder.words``).
    """
    path = Path(apps.get_app_config(app_label).path) / "demo_data" / f"{name}.json"
    with path.open(encoding="utf-8") as file:
        return json.load(file)


def rich(html):
    """A paragraph block of a StreamField, for words the data holds as one HTML string."""
    return {"type": "paragraph", "value": html, "id": str(uuid.uuid4())}


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


class DemoSeeder:
    """Home's demo content, and the helpers every app's seeder uses (a subclass in each app's demo.py)."""

    def __init__(self, stdout):
        self.stdout = stdout
        self.zh, _ = Locale.objects.get_or_create(language_code="zh-hans")
        self.en, _ = Locale.objects.get_or_create(language_code="en")

    def log(self, message):
        self.stdout.write(message)

    def data(self, name):
        """``<app>/demo_data/<name>.json`` of the app this seeder's class belongs to."""
        return load_demo_data(apps.get_containing_app_config(type(self).__module__).label, name)

    @staticmethod
    def words(fields):
        """A page's own copy of its words from the data (Wagtail writes block ids into what it is given)."""
        return copy.deepcopy(fields)

    @transaction.atomic
    def run(self):
        site = self.data("site")
        home = self.home_page(site)
        for spec in site["standard_pages"]:
            self.standard_page(home, spec)
        self.topics(site["topics"])
        self.settings(home, site["settings"])
        self.awareness_content(home)

    def home_page(self, site):
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(locale=self.zh, depth=2).first()
        if home is None:
            # A new install's "Welcome to Wagtail" page (a plain Page) makes way; its Site goes with it.
            root.get_children().filter(
                content_type__model="page", content_type__app_label="wagtailcore"
            ).delete()
            home = HomePage(slug="home", locale=self.zh, **self.words(site["home"]["zh-hans"]))
            root.add_child(instance=home)
            home.save_revision().publish()
            self.log("Created the Chinese home page")
        if not Site.objects.filter(is_default_site=True).exists():
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name=site["site_name"],
            )
        self.translate(home, site["home"]["en"])
        return home

    def standard_page(self, home, spec):
        page = self.child_page(home, StandardPage, spec, show_in_menus=spec["show_in_menus"])
        self.refresh(page, spec["zh-hans"])
        english = page.get_translations().filter(locale=self.en).specific().first()
        if english is not None:
            self.refresh(english, spec["en"])
        return page

    def refresh(self, page, fields):
        """A demo page nobody has edited takes the data's current words (a new revision, published):
        a site seeded before the demo text changed gets the new text. A page with any revision made
        by a person (the seeder's have no user) is left as it is, and an unchanged one gets no revision."""
        if page.revisions.exclude(user=None).exists():
            return
        words = self.words(fields)
        if all(self.stored(getattr(page, name)) == value for name, value in words.items()):
            return
        for name, value in words.items():
            setattr(page, name, value)
        page.save_revision().publish()
        self.log(f"Updated {page.slug} ({page.locale.language_code}) to the demo's current text")

    @staticmethod
    def stored(value):
        """A field's value as the demo data writes it: a StreamField as its blocks without their ids."""
        if isinstance(value, StreamValue):
            return [{"type": block["type"], "value": block["value"]} for block in value.raw_data]
        return value

    def child_page(self, parent, model, spec, show_in_menus=True):
        """A page under `parent` (found by its slug, else created and published in Chinese) and its
        English translation. `spec` holds "slug", and the "zh-hans" and "en" field values."""
        page = model.objects.child_of(parent).filter(slug=spec["slug"]).first()
        if page is None:
            page = model(slug=spec["slug"], show_in_menus=show_in_menus, **self.words(spec["zh-hans"]))
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
        for name, value in self.words(fields).items():
            setattr(translated, name, value)
        translated.save_revision().publish()
        self.log(f"Translated {page.slug} into English")

    def topics(self, topics):
        for spec in topics:
            topic = Topic.objects.filter(locale=self.zh, slug=spec["slug"]).first()
            if topic is None:
                topic = Topic.objects.create(locale=self.zh, slug=spec["slug"], name=spec["zh-hans"])
            if not Topic.objects.filter(translation_key=topic.translation_key, locale=self.en).exists():
                english = topic.copy_for_translation(self.en)
                english.name = spec["en"]
                english.save()

    def settings(self, home, office):
        """The office's details, the footer's host organisation and its accessibility and contact pages
        (each only where none is set yet), and the privacy notice sign-up and the footer link to."""
        site = Site.objects.get(root_page=home)
        portal = PortalSettings.for_site(site)
        empty = {name: value for name, value in office.items() if not getattr(portal, name)}
        for name, value in empty.items():
            setattr(portal, name, value)
        pages = {
            "accessibility_page": StandardPage.objects.child_of(home).filter(slug="accessibility").first(),
            "contact_page": StandardPage.objects.child_of(home).filter(slug="contact").first(),
        }
        unset = {name: page for name, page in pages.items() if page and getattr(portal, f"{name}_id") is None}
        for name, page in unset.items():
            setattr(portal, name, page)
        if empty or unset:
            portal.save()
        account_settings = AccountSettings.for_site(site)
        if account_settings.privacy_notice_id is None:
            account_settings.privacy_notice = StandardPage.objects.child_of(home).get(slug="privacy")
            account_settings.save()

    # --- awareness content --------------------------------------------------------------------

    def awareness_content(self, home):
        """The "safety knowledge" index with its articles, cases, brochures and videos, both languages."""
        self.files = {}
        spec = self.data("knowledge")["index"]
        index = ContentIndexPage.objects.child_of(home).filter(slug=spec["slug"]).first()
        if index is None:
            index = ContentIndexPage(slug=spec["slug"], show_in_menus=True, **self.words(spec["zh-hans"]))
            home.add_child(instance=index)
            index.save_revision().publish()
            self.log(f"Created the content index {spec['slug']}")
        self.translate(index, spec["en"])

        self.topics_by_locale = {
            locale.pk: {topic.slug: topic for topic in Topic.objects.filter(locale=locale)}
            for locale in (self.zh, self.en)
        }
        self.audiences = {audience.slug: audience for audience in Audience.objects.all()}
        for spec in self.data("articles"):
            self.content_page(index, ArticlePage, spec, ("title", "summary", "hero_image_alt", "body"))
        for spec in self.data("cases"):
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
        for spec in self.data("brochures"):
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
        for spec in self.data("videos"):
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
            setattr(page, name, self.words(text[name]))
        for name, value in fields.items():
            setattr(page, name, value(text) if callable(value) else value)
        if spec.get("hero"):
            page.hero_image = self.image(spec["hero"])
        page.topics.set([self.topics_by_locale[locale.pk][slug] for slug in spec["topics"]])
        page.audiences.set([self.audiences[slug] for slug in spec["audiences"]])

    def image(self, name):
        """An image from home/demo_media, added to the library once (found again by its title)."""
        return self.library_file(get_image_model(), name, self.image_title(name))

    @staticmethod
    def image_title(name):
        """The image library's title of a file in home/demo_media (home/demo_data/knowledge.json)."""
        return load_demo_data("home", "knowledge")["images"][name]

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
