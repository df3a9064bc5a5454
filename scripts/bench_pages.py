"""The pages the load benchmarks run against, built by the demo seeders' own page builders.

The benchmarks never import the test suite (``tests/``): what they need is an event or a quiz page,
and the demo seeders (home/demo.py, events/demo.py, quizzes/demo.py) already build those pages,
published in both languages, from plain specs. This module only says which page each benchmark
wants, as a variation of a demo spec. Call it with Django set up (``local_server.setup_django``).
"""

import io

EVENT_SPEC_LEFT_OUT = ("opens_days_before", "closes_days_before", "registrations", "invitations", "photo")


def demo_home():
    """The demo home tree (home/demo.py); returns the Chinese home page."""
    from home.demo import DemoSeeder
    from home.models import HomePage

    DemoSeeder(io.StringIO()).run()
    return HomePage.objects.get(locale__language_code="zh-hans", depth=2)


def event_pages(home, capacity):
    """An event index and two lectures tomorrow 14:00–16:00 Beijing time, registration open until the
    start: one with `capacity` places, one without a limit (for requests one at a time)."""
    from django.utils import timezone

    from events.demo import EventSeeder
    from events.models import EventIndexPage, EventType

    seeder = EventSeeder(io.StringIO())
    demo = seeder.data("events")
    index = seeder.child_page(home, EventIndexPage, demo["index"] | {"slug": "bench-events"})
    lecture = next(
        spec for spec in demo["events"] if spec["type"] == EventType.LECTURE and not spec.get("is_private")
    )
    lecture = {key: value for key, value in lecture.items() if key not in EVENT_SPEC_LEFT_OUT}
    today = timezone.localdate()

    def page(slug, title, places):
        spec = lecture | {
            "slug": slug,
            "day": 1,
            "start": "14:00",
            "end": "16:00",
            "registration_required": True,
            "capacity": places,
            "zh-hans": lecture["zh-hans"] | {"title": title},
        }
        return seeder.event_page(index, spec, today)

    return page("bench-lecture", "基准测试讲座", capacity), page("bench-warm-up", "基准测试：单个请求", None)


def quiz_page(home, questions):
    """A quiz index and a quiz anyone may take, as often as they like, of the first `questions` questions
    of the demo bank (Chinese), choices shuffled."""
    from quizzes.demo import QuizSeeder
    from quizzes.models import QuizIndexPage, QuizPage

    seeder = QuizSeeder(io.StringIO())
    demo_questions = seeder.data("questions")
    if not 0 < questions <= len(demo_questions):
        raise SystemExit(f"--questions: between 1 and {len(demo_questions)} (the demo question bank)")
    demo = seeder.data("quizzes")
    index = seeder.child_page(home, QuizIndexPage, demo["index"] | {"slug": "bench-quizzes"})
    bank = {spec["slug"]: seeder.question(spec, None, None) for spec in demo_questions[:questions]}
    basics = demo["quizzes"][0]
    spec = basics | {
        "slug": "bench-quiz",
        "questions": list(bank),
        "rules": basics["rules"]
        | {
            "selection": QuizPage.Selection.FIXED,
            "shuffle_choices": True,
            "attempts_allowed": 0,
            "time_limit_minutes": None,
            "who_may_take": QuizPage.WhoMayTake.ANYONE,
        },
        "zh-hans": basics["zh-hans"] | {"title": "基准测试：安全知识问答"},
    }
    return seeder.quiz_page(index, spec, bank)
