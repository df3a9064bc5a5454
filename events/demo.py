"""Demo events for a new site, in Chinese and English. Idempotent and offline.

Registered with the ``seed_demo_content`` hook (home/demo.py): ``seed_events(stdout)``. It adds the
events index under each home page and eleven events of every type in Beijing districts: upcoming ones
(dated from the day it runs, Beijing time), past ones with an after-event report, one lecture that is
full with a waitlist, one invitation-only company visit and online sessions. What exists already is
left as it is, so a second run changes nothing and keeps editors' changes.

The events are data: ``events/demo_data/events.json`` holds the index's words and each event's facts
(the same in every language) and words per language. ``day`` counts from the day seeding runs
(negative: past), ``start`` and ``end`` are Beijing wall-clock times ("HH:MM") on that day, ``position``
is the Amap "longitude,latitude" of the venue, ``photo`` a file in home/demo_media for the report,
``registrations`` the demo people registered, in that order (beyond ``capacity`` they wait),
``invitations`` the addresses invited to a private event, ``attendance`` (past events) how many
registered, were checked in and walked in, as the event's report tells it, and ``topics`` (slugs of
home/demo_data/site.json) what the event is about: articles and cases on them show it to their readers.
A demo event made before events had topics gets them on the next run (once: one with topics is left
as the editors have it).

The demo registrations go through ``events.registration.register`` like any other, so they use
``@example.org`` addresses, and the emails they queue are withdrawn before the transaction commits:
seeding never delivers mail.

A past event's people cannot register any more (registration closed when it started): its
registrations are written as they stood when it began (confirmed up to the capacity, then waiting),
then checked in with ``events.checkin.check_in`` as at the door, and the walk-ins written; the times
are then moved to the event's day. So the staff report's "attended" for each past event is the number
its after-event report gives (``report_says``; "about 600" may be 600, "almost 900" 886), and where
the report counts organisations, the people checked in come from that many.
"""

import datetime
from urllib.parse import quote

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.images import get_image_model

from home.demo import DEMO_EMAIL_DOMAIN, DemoSeeder, demo_mail_withdrawn, rich
from home.models import Audience, HomePage, Topic

from .checkin import check_in
from .invitations import invite
from .models import Event, EventIndexPage, EventPage, Invitation, Registration, WalkIn
from .registration import register
from .sync import event_for

# Demo people for past events' attendance: names made from these, in turn (every tenth in English).
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN_NAMES = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛"]
GIVEN_NAMES += ["明", "超", "秀英", "霞", "平", "刚", "桂英", "晨", "思远", "雨桐", "子涵", "浩然"]
ENGLISH_NAMES = ["Emma Chen", "Li Wei", "Daniel Wang", "Sophie Zhang", "Lucas Liu", "Mia Zhao"]


def amap(position, name):
    """An Amap marker link (Amap opens in mainland China, Google Maps does not)."""
    return f"https://uri.amap.com/marker?position={position}&name={quote(name)}"


def seed_events(stdout):
    """The ``seed_demo_content`` hook: the events index and demo events, in both languages."""
    EventSeeder(stdout).run()


class EventSeeder(DemoSeeder):
    """Runs after home's seeder (the home pages exist); its page helpers are home's."""

    def run(self):
        pages = self.pages()
        self.people(pages)

    @transaction.atomic
    def pages(self):
        """The index and the event pages in both languages; returns {slug: Chinese page}."""
        home = HomePage.objects.filter(locale=self.zh, depth=2).first()
        if home is None:
            return {}
        data = self.data("events")
        index = self.child_page(home, EventIndexPage, data["index"])
        pages = {page.slug: page for page in EventPage.objects.child_of(index)}
        translated = set(
            EventPage.objects.filter(
                locale=self.en, translation_key__in=[page.translation_key for page in pages.values()]
            ).values_list("translation_key", flat=True)
        )
        today = timezone.localdate()
        for spec in data["events"]:
            page = pages.get(spec["slug"])
            if page is None:
                page = pages[spec["slug"]] = self.event_page(index, spec, today)
            if page.translation_key not in translated:
                self.translate(page, self.text(spec, "en"))
                self.log(f"Translated the event {spec['slug']} into English")
        self.topics_where_missing(pages, data["events"])
        return pages

    def topics_where_missing(self, pages, specs):
        """Each copy of a demo event that has no topics gets the demo's, in its own language, and is
        published again; a copy with a draft waiting is left for its editor."""
        slugs = {spec["slug"]: spec.get("topics", []) for spec in specs}
        keys = {page.translation_key: slug for slug, page in pages.items()}
        copies = EventPage.objects.filter(translation_key__in=keys, topics__isnull=True, live=True)
        topics = {}
        for topic in Topic.objects.filter(slug__in={slug for names in slugs.values() for slug in names}):
            topics.setdefault(topic.locale_id, {})[topic.slug] = topic
        for page in copies.filter(has_unpublished_changes=False):
            names = slugs[keys[page.translation_key]]
            if not names:
                continue
            page.topics.set(
                [topics[page.locale_id][name] for name in names if name in topics.get(page.locale_id, {})]
            )
            page.save_revision().publish()
            self.log(f"Filed the event {page.slug} ({page.locale.language_code}) under its topics")

    @transaction.atomic
    def people(self, pages):
        """Registrations, invitations and past events' attendance, in a transaction of their own
        after the pages' commits: what publishing a page does on commit (telling registrants of a
        change) finds nobody yet."""
        specs = self.data("events")["events"]
        keys = [page.translation_key for page in pages.values()]
        with_people = set(
            Event.objects.filter(
                Q(registrations__isnull=False) | Q(walk_ins__isnull=False), translation_key__in=keys
            )
            .values_list("translation_key", flat=True)
            .distinct()
        )
        for spec in specs:
            page = pages.get(spec["slug"])
            if page is None:
                continue
            if spec.get("registrations") and page.translation_key not in with_people:
                self.registrations(page, spec["registrations"])
            if spec.get("attendance") and page.translation_key not in with_people:
                self.attendance(page, spec["attendance"])
            if spec.get("invitations"):
                self.invitations(page, spec["invitations"])

    # --- events ---------------------------------------------------------------------------------

    def event_page(self, index, spec, today):
        day = today + datetime.timedelta(days=spec["day"])
        starts = at(day, spec["start"])
        page = EventPage(
            slug=spec["slug"],
            event_type=spec["type"],
            starts_at=starts,
            ends_at=at(day, spec["end"]),
            district=spec["district"],
            map_url=amap(spec["position"], spec["zh-hans"]["venue"]) if spec.get("position") else "",
            online_url=spec.get("online_url", ""),
            registration_required=spec.get("registration_required", True),
            capacity=spec.get("capacity"),
            is_private=spec.get("is_private", False),
            **self.text(spec, "zh-hans"),
        )
        if "opens_days_before" in spec:
            page.registration_opens_at = starts - datetime.timedelta(days=spec["opens_days_before"])
        if "closes_days_before" in spec:
            page.registration_closes_at = starts - datetime.timedelta(days=spec["closes_days_before"])
        page.audiences = list(Audience.objects.filter(slug__in=spec["audiences"]))
        page.topics = list(Topic.objects.filter(locale=self.zh, slug__in=spec.get("topics", [])))
        index.add_child(instance=page)
        page.save_revision().publish()
        self.log(f"Created the event {spec['slug']}")
        return page

    def text(self, spec, language):
        """The fields one language's page has in its own words."""
        text = spec[language]
        report = []
        if text.get("report"):
            report.append(rich(text["report"]))
            image = self.image(spec.get("photo"))
            if image is not None:
                report.append(image_block(image, text["photo_alt"], text["caption"]))
        return {
            "title": text["title"],
            "summary": text["summary"],
            "venue": text["venue"],
            "address": text["address"],
            "speakers": [speaker(person["name"], person["role"]) for person in text["speakers"]],
            "body": [rich(text["body"])],
            "report": report,
        }

    def image(self, name):
        """A photo from the demo images home/demo.py loaded (none when they are not there)."""
        if not name:
            return None
        return get_image_model().objects.filter(title=self.image_title(name)).first()

    def registrations(self, page, people):
        """Demo registrations, once: none are added to an event that has any (kept or cancelled)."""
        event = event_for(page)
        with demo_mail_withdrawn():
            for person in people:
                register(event, name=person["name"], email=person["email"], language=person["language"])
        self.log(f"Registered {len(people)} demo people for {page.slug}")

    def attendance(self, page, numbers):
        """A past event's registrations, check-ins and walk-ins, once: nothing is added to an event
        that has any registration or walk-in."""
        event = event_for(page)
        organisations = numbers.get("organisations") or [""]
        people = [demo_person(page.slug, number) for number in range(numbers["registered"])]
        registrations = Registration.objects.bulk_create(
            Registration(
                event=event,
                name=name,
                email=email,
                language=language,
                organisation=organisations[number % len(organisations)],
                status=Registration.Status.CONFIRMED
                if event.capacity is None or number < event.capacity
                else Registration.Status.WAITLISTED,
            )
            for number, (name, email, language) in enumerate(people)
        )
        for registration in registrations[: numbers["checked_in"]]:
            check_in(registration)
        # Walk-ins are rows with a name and no rule to keep: written at once (600 at an exhibition).
        WalkIn.objects.bulk_create(
            WalkIn(event=event, name=demo_person(f"{page.slug}-walk-in", number)[0])
            for number in range(numbers["walk_ins"])
        )
        # As it happened: registered in the week before, checked in as it began.
        Registration.objects.filter(event=event).update(
            created_at=event.starts_at - datetime.timedelta(days=7)
        )
        Registration.objects.filter(event=event, checked_in_at__isnull=False).update(
            checked_in_at=event.starts_at - datetime.timedelta(minutes=15)
        )
        WalkIn.objects.filter(event=event).update(
            checked_in_at=event.starts_at + datetime.timedelta(minutes=30)
        )
        attended = numbers["checked_in"] + numbers["walk_ins"]
        self.log(f"Recorded {numbers['registered']} registrations and {attended} attending {page.slug}")

    def invitations(self, page, emails):
        """Demo invitations to a private event, once: none when the event has any."""
        if Invitation.objects.filter(event__translation_key=page.translation_key).exists():
            return
        with demo_mail_withdrawn():
            invite(event_for(page), emails, language="zh-hans")
        self.log(f"Invited {len(emails)} demo people to {page.slug}")


def at(day, hour_minute):
    """An aware datetime at a Beijing wall-clock time ("HH:MM") on `day` (the site's time zone)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.fromisoformat(hour_minute)))


def demo_person(prefix, number):
    """(name, email, language) of demo person `number`: Chinese names, every tenth in English."""
    if number % 10 == 9:
        name, language = ENGLISH_NAMES[number // 10 % len(ENGLISH_NAMES)], "en"
    else:
        surname = SURNAMES[number % len(SURNAMES)]
        name, language = surname + GIVEN_NAMES[number * 7 % len(GIVEN_NAMES)], "zh-hans"
    return name, f"demo-{prefix}-{number + 1}{DEMO_EMAIL_DOMAIN}", language


def speaker(name, role):
    return {"type": "speaker", "value": {"name": name, "role": role}}


def image_block(image, alt_text, caption):
    return {"type": "image", "value": {"image": image.pk, "alt_text": alt_text, "caption": caption}}
