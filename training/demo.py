"""Demo training for a new site, in Chinese and English. Idempotent and offline.

Registered with the ``seed_demo_content`` hook (home/demo.py): ``seed_training(stdout)``. It adds the
course index under the home page (in the menu) and two courses of five lessons each, with English
translations made as home's demo makes them (``copy_for_translation``, then the English words):

- students going abroad to study: final quiz the demo "pre-departure-students", no expiry;
- employees posted overseas: final quiz "consular-protection-basics", valid 24 months.

The words are data: ``training/demo_data/courses.json`` (the index, each course's rules and words per
language, its lessons with bodies using the training blocks: checklists and "check your
understanding" questions). The facts follow the Regulations on Consular Protection and Assistance
(in force since 1 September 2023), the Foreign Ministry's figures (12308 answered 530,000 calls in
2023; 80,000 cases a year) and the demo quizzes, whose questions the lessons prepare for.

It also makes a demo learner (``learner@example.org``, password ``DEMO_LEARNER_PASSWORD``, printed by
``make run``) who went through the real functions: enrolled (``training.enrolment.enrol``), marked
every lesson of one course done, took its final quiz (``quizzes.attempts.start_attempt`` /
``submit_attempt``) and completed it (``training.completion.record_completion``), and is halfway
through the other. Emails are withdrawn (``home.demo.demo_mail_withdrawn``); the certificate is issued
with the completion and its render queued for the worker when the transaction commits, never rendered
here. Runs after the quizzes' seeder (the final quizzes exist, and their generated attempts were made
before the learner existed). A second run finds the index, courses, lessons, translations and the
learner and changes nothing: a handful of queries.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Page

from home.demo import DemoSeeder, demo_mail_withdrawn
from home.models import Audience, HomePage
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.models import QuizPage
from quizzes.visitors import Owner

from .completion import record_completion
from .enrolment import enrol, mark_done
from .models import CourseIndexPage, CoursePage, LessonPage

DEMO_LEARNER_PASSWORD = "learner-demo-2026"  # noqa: S105 - a local demo account, printed on purpose


def seed_training(stdout):
    """The ``seed_demo_content`` hook: the course index, two courses and a demo learner, both languages."""
    TrainingSeeder(stdout).run()


class TrainingSeeder(DemoSeeder):
    def run(self):
        courses = self.pages()
        if courses:
            self.learner(courses)

    # --- pages ----------------------------------------------------------------------------------

    @transaction.atomic
    def pages(self):
        """The index, the courses and their lessons in both languages; returns {slug: Chinese course}."""
        home = HomePage.objects.filter(locale=self.zh, depth=2).first()
        if home is None:
            return {}
        data = self.data("courses")
        index = self.child_page(home, CourseIndexPage, data["index"])
        courses = {page.slug: page for page in CoursePage.objects.child_of(index)}
        lessons = {}
        for lesson in LessonPage.objects.descendant_of(index).filter(locale=self.zh):
            lessons[(lesson.path[: -LessonPage.steplen], lesson.slug)] = lesson
        keys = [page.translation_key for page in courses.values()] + [
            page.translation_key for page in lessons.values()
        ]
        translated = set(
            Page.objects.filter(locale=self.en, translation_key__in=keys).values_list(
                "translation_key", flat=True
            )
        )
        quizzes = None
        for spec in data["courses"]:
            course = courses.get(spec["slug"])
            if course is None:
                quizzes = quizzes or self.final_quizzes(data["courses"])
                course = courses[spec["slug"]] = self.course_page(index, spec, quizzes)
            if course.translation_key not in translated:
                quizzes = quizzes or self.final_quizzes(data["courses"])
                self.translate_course(course, spec, quizzes)
            for lesson_spec in spec["lessons"]:
                lesson = lessons.get((course.path, lesson_spec["slug"]))
                if lesson is None:
                    lesson = LessonPage(slug=lesson_spec["slug"], **self.words(lesson_spec["zh-hans"]))
                    course.add_child(instance=lesson)
                    lesson.save_revision().publish()
                if lesson.translation_key not in translated:
                    self.translate(lesson, lesson_spec["en"])
        return courses

    def final_quizzes(self, specs):
        """{(slug, language): quiz page} of the demo quizzes the courses end with."""
        slugs = {spec["final_quiz"] for spec in specs}
        return {
            (quiz.slug, quiz.locale.language_code): quiz
            for quiz in QuizPage.objects.filter(slug__in=slugs).select_related("locale")
        }

    def course_page(self, index, spec, quizzes):
        quiz = quizzes.get((spec["final_quiz"], "zh-hans"))
        if quiz is None:
            self.log(f"The demo quiz {spec['final_quiz']} is missing: {spec['slug']} has no final quiz")
        course = CoursePage(
            slug=spec["slug"],
            final_quiz=quiz,
            validity_months=spec["validity_months"] if quiz is not None else None,
            estimated_minutes=spec["estimated_minutes"],
            **self.words(spec["zh-hans"]),
        )
        course.audiences = list(Audience.objects.filter(slug__in=spec["audiences"]))
        index.add_child(instance=course)
        course.save_revision().publish()
        self.log(f"Created the course {spec['slug']}")
        return course

    def translate_course(self, course, spec, quizzes):
        """The English course, ending with the English copy of its quiz where there is one."""
        translated = course.copy_for_translation(self.en)
        for name, value in self.words(spec["en"]).items():
            setattr(translated, name, value)
        english_quiz = quizzes.get((spec["final_quiz"], "en"))
        if english_quiz is not None:
            translated.final_quiz = english_quiz
        translated.save_revision().publish()
        self.log(f"Translated the course {course.slug} into English")

    # --- the demo learner -----------------------------------------------------------------------

    @transaction.atomic
    def learner(self, courses):
        """The demo learner: one course completed through the real functions, the other half done.
        Made once: a learner already there (whatever has become of them) is left as they are."""
        spec = self.data("courses")["learner"]
        User = get_user_model()  # noqa: N806
        if User.objects.filter(email__iexact=spec["email"]).exists():
            return
        completed, halfway = courses.get(spec["completed"]), courses.get(spec["halfway"])
        if completed is None or halfway is None:
            return
        with demo_mail_withdrawn():
            user = User.objects.create_user(
                email=spec["email"],
                password=DEMO_LEARNER_PASSWORD,
                name=spec["name"],
                romanised_name=spec["romanised_name"],
                preferred_language=spec["preferred_language"],
            )
            user.emailaddress_set.create(email=spec["email"], verified=True, primary=True)
            self.complete(user, completed)
            lessons = list(LessonPage.objects.child_of(halfway).order_by("path"))
            enrol(user, halfway)
            for lesson in lessons[: (len(lessons) + 1) // 2]:
                mark_done(user, lesson, halfway)
        self.log(
            f"Created the demo learner {spec['email']} (password {DEMO_LEARNER_PASSWORD}): "
            f"{spec['completed']} completed, {spec['halfway']} half done"
        )

    def complete(self, user, course):
        """Enrol, do every lesson, pass the final quiz (one answer wrong: a believable score)."""
        enrol(user, course)
        for lesson in LessonPage.objects.child_of(course).order_by("path"):
            mark_done(user, lesson, course)
        quiz = course.final_quiz
        if quiz is not None:
            attempt, _started = start_attempt(quiz.specific, Owner(user=user))
            answers = {
                question["key"]: [choice["token"] for choice in question["choices"] if choice["correct"]]
                for question in attempt.snapshot
            }
            last = attempt.snapshot[-1]
            answers[last["key"]] = [next(c["token"] for c in last["choices"] if not c["correct"])]
            submit_attempt(attempt, answers)
        # The quiz signal records it too once the transaction commits; this call is the same, idempotent.
        return record_completion(user, course)
