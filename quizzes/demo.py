"""Demo quizzes for a new site, in Chinese and English. Idempotent and offline.

Registered with the ``seed_demo_content`` hook (home/demo.py): ``seed_quizzes(stdout)``. It adds the
quiz index under each home page (in the menu), the demo question bank with an English copy of every
question, three quizzes, and a few hundred generated attempts over the last 60 days so the staff
reports show something.

The words are data in ``quizzes/demo_data/``:

- ``questions.json``: the bank. Each question has a stable slug (its translation key is derived from
  it), kind, topic slug (home/demo_data/site.json), difficulty, an optional "learn more" page (a slug
  under the demo "knowledge" index), its text and explanation per language, and its choices: which
  are correct is written once, for every language; the words (and feedback, if any) per language.
  The facts follow the Regulations on Consular Protection and Assistance (in force since 1 September
  2023) and the demo articles.
- ``quizzes.json``: the index page, and each quiz: its rules (the same in both languages, as stored
  on ``QuizPage``), its questions (fixed, by slug) or the topics a random draw takes from, its words
  per language, how many demo attempts to generate and, for some, ``busy_day``: the day (counted
  back from today) of the demo event where many people took it (events/demo_data/events.json).

Questions are found again by translation keys derived from their slugs, quizzes by their slugs, and a
quiz that has any attempt gets no generated ones: a second run changes nothing and keeps editors'
changes. When the data changes a demo quiz, its ``replaces`` lists the values it had before: a quiz
that still has them gets the new ones (both languages, once), one an editor changed keeps the
editor's. Attempts are generated with a seeded ``random.Random`` from one snapshot per quiz and
language, scored by ``quizzes.scoring`` and written with ``bulk_create``.
"""

import random
import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from home.codes import CODE_ALPHABET
from home.demo import DemoSeeder
from home.models import HomePage, Topic

from . import scoring
from .attempts import build_snapshot, draw_questions, with_fresh_tokens
from .models import (
    Answer,
    Attempt,
    Choice,
    Question,
    QuestionKind,
    QuizIndexPage,
    QuizPage,
    QuizQuestion,
    QuizTopic,
)

KEY_NAMESPACE = uuid.UUID("6f1d3c52-7c1e-4f0b-9a57-2b0e6c1f4a10")
KNOWLEDGE_INDEX = "knowledge"  # home/demo_data/knowledge.json: where "learn more" pages live
DEMO_USER_DOMAIN = "@example.org"

DAYS = 60  # generated attempts start within the last DAYS days
ENGLISH_SHARE = 0.3
# Chance that a person of average ability answers right, by difficulty (easy, medium, hard).
FACILITY = {1: 0.88, 2: 0.68, 3: 0.42}


def question_key(slug):
    return uuid.uuid5(KEY_NAMESPACE, f"question:{slug}")


def choice_key(slug, index):
    return uuid.uuid5(KEY_NAMESPACE, f"choice:{slug}:{index}")


def seed_quizzes(stdout):
    """The ``seed_demo_content`` hook: the quiz index, question bank, quizzes and attempts, both languages."""
    QuizSeeder(stdout).run()


class QuizSeeder(DemoSeeder):
    """Runs after home's seeder (the home pages, topics and content pages exist); its page helpers are
    home's."""

    def run(self):
        quizzes = self.pages()
        if quizzes:
            self.attempts(quizzes)

    # --- pages and questions ------------------------------------------------------------------

    @transaction.atomic
    def pages(self):
        """The index, the question bank and the quizzes in both languages; returns [(spec, Chinese page)]."""
        home = HomePage.objects.filter(locale=self.zh, depth=2).first()
        if home is None:
            return []
        data = self.data("quizzes")
        quizzes = data["quizzes"]
        index = self.child_page(home, QuizIndexPage, data["index"])
        pages = {page.slug: page for page in QuizPage.objects.child_of(index)}
        missing = [spec for spec in quizzes if spec["slug"] not in pages]
        questions = self.questions() if missing else {}
        translated = set(
            QuizPage.objects.filter(
                locale=self.en, translation_key__in=[page.translation_key for page in pages.values()]
            ).values_list("translation_key", flat=True)
        )
        for spec in quizzes:
            page = pages.get(spec["slug"])
            if page is None:
                page = pages[spec["slug"]] = self.quiz_page(index, spec, questions)
            if page.translation_key not in translated:
                self.translate(page, spec["en"])
        self.follow_the_data(quizzes, pages)
        return [(spec, pages[spec["slug"]]) for spec in quizzes]

    def follow_the_data(self, specs, pages):
        """A demo quiz still as an earlier demo made it gets what the data says now: each value listed
        under the quiz's "replaces" (rules, and each language's words) that the page still has is
        replaced, and the copy published. A value an editor changed is not the old one: it stays."""
        by_key = {pages[spec["slug"]].translation_key: spec for spec in specs if spec.get("replaces")}
        if not by_key:
            return
        for copy_ in QuizPage.objects.filter(translation_key__in=by_key).select_related("locale"):
            spec = by_key[copy_.translation_key]
            language = copy_.locale.language_code
            old = {**spec["replaces"].get("rules", {}), **spec["replaces"].get(language, {})}
            new = {**spec["rules"], **spec.get(language, {})}
            changed = [name for name, value in old.items() if getattr(copy_, name) == value]
            if not changed or copy_.has_unpublished_changes:
                continue
            for name in changed:
                setattr(copy_, name, new[name])
            copy_.save_revision().publish()
            self.log(f"Brought the demo quiz {copy_.slug} ({language}) up to date: {', '.join(changed)}")

    def questions(self):
        """The demo bank in Chinese and English, made where missing; returns {slug: Chinese question}."""
        keys = {question_key(spec["slug"]): spec for spec in self.data("questions")}
        found = {
            (question.translation_key, question.locale_id): question
            for question in Question.objects.filter(translation_key__in=keys).prefetch_related("choices")
        }
        topics = {topic.slug: topic for topic in Topic.objects.filter(locale=self.zh)}
        pages = self.learn_more_pages()
        chinese = {}
        made = 0
        for key, spec in keys.items():
            question = found.get((key, self.zh.pk))
            if question is None:
                question = self.question(spec, topics.get(spec["topic"]), pages.get(spec["learn_more"]))
                made += 1
            if (key, self.en.pk) not in found:
                self.english_question(question, spec)
            chinese[spec["slug"]] = question
        if made:
            self.log(f"Created {made} demo quiz questions")
        return chinese

    def learn_more_pages(self):
        """{slug: page} of the demo content pages in Chinese ("learn more" links point at the source page,
        as for the question's other facts; a translation is found through its translation key)."""
        home = HomePage.objects.filter(locale=self.zh, depth=2).first()
        knowledge = Page.objects.child_of(home).filter(slug=KNOWLEDGE_INDEX).first()
        if knowledge is None:
            return {}
        slugs = {spec["learn_more"] for spec in self.data("questions") if spec["learn_more"]}
        return {page.slug: page for page in Page.objects.child_of(knowledge).filter(slug__in=slugs)}

    def question(self, spec, topic, learn_more_page):
        """The Chinese question and its choices, from a question of questions.json."""
        question = Question(
            locale=self.zh,
            translation_key=question_key(spec["slug"]),
            kind=spec["kind"],
            text=spec["zh-hans"]["text"],
            explanation=spec["zh-hans"]["explanation"],
            topic=topic,
            difficulty=spec["difficulty"],
            learn_more_page=learn_more_page,
        )
        for order, choice in enumerate(spec["choices"]):
            question.choices.add(
                Choice(
                    locale=self.zh,
                    translation_key=choice_key(spec["slug"], order),
                    text=choice["zh-hans"]["text"],
                    is_correct=choice["correct"],
                    feedback=choice["zh-hans"].get("feedback", ""),
                    sort_order=order,
                )
            )
        question.save()
        return question

    def english_question(self, source, spec):
        """The English copy: the same translation keys (question and each choice) and facts, English text.
        Choices an editor added to the Chinese copy keep their Chinese text until translated."""
        english = {
            choice_key(spec["slug"], order): choice["en"] for order, choice in enumerate(spec["choices"])
        }
        copy_ = Question(
            locale=self.en,
            translation_key=source.translation_key,
            kind=source.kind,
            text=spec["en"]["text"],
            explanation=spec["en"]["explanation"],
            topic=source.topic,
            difficulty=source.difficulty,
            learn_more_page=source.learn_more_page,
            is_retired=source.is_retired,
        )
        for choice in source.choices.all():
            words = english.get(choice.translation_key)
            copy_.choices.add(
                Choice(
                    locale=self.en,
                    translation_key=choice.translation_key,
                    text=words["text"] if words else choice.text,
                    is_correct=choice.is_correct,
                    feedback=words.get("feedback", "") if words else choice.feedback,
                    sort_order=choice.sort_order,
                )
            )
        copy_.save()
        return copy_

    def quiz_page(self, index, spec, questions):
        page = QuizPage(slug=spec["slug"], show_in_menus=False, **spec["rules"], **spec["zh-hans"])
        for order, slug in enumerate(spec.get("questions", [])):
            page.fixed_questions.add(QuizQuestion(question=questions[slug], sort_order=order))
        topics = {
            topic.slug: topic
            for topic in Topic.objects.filter(locale=self.zh, slug__in=spec.get("topics", []))
        }
        for order, slug in enumerate(spec.get("topics", [])):
            page.draw_topics.add(QuizTopic(topic=topics[slug], sort_order=order))
        index.add_child(instance=page)
        page.save_revision().publish()
        self.log(f"Created the quiz {spec['slug']}")
        return page

    # --- attempts -------------------------------------------------------------------------------

    @transaction.atomic
    def attempts(self, quizzes):
        """Generated attempts for each quiz that has none yet (real or demo)."""
        keys = [page.translation_key for _spec, page in quizzes]
        taken = set(Attempt.objects.filter(quiz_key__in=keys).values_list("quiz_key", flat=True).distinct())
        # Each quiz's random numbers are seeded by its place in quizzes.json.
        todo = [
            (number, spec, page)
            for number, (spec, page) in enumerate(quizzes)
            if page.translation_key not in taken
        ]
        if not todo:
            return
        users = list(
            get_user_model()
            .objects.filter(
                email__iendswith=DEMO_USER_DOMAIN, is_staff=False, is_superuser=False, is_active=True
            )
            .order_by("pk")[:5]
        )
        english = {
            page.translation_key: page
            for page in QuizPage.objects.filter(
                locale=self.en, translation_key__in=[page.translation_key for _n, _s, page in todo]
            )
        }
        now = timezone.now()
        for number, spec, page in todo:
            copies = {"zh-hans": page}
            if page.translation_key in english:
                copies["en"] = english[page.translation_key]
            generator = AttemptGenerator(spec, copies, users, now, seed=20260 + number)
            attempts, answers = generator.generate()
            self.save_attempts(attempts, answers)
            self.log(f"Generated {len(attempts)} demo attempts at {spec['slug']}")

    def save_attempts(self, attempts, answers):
        """Write attempts and their answers in bulk; result codes are checked against the table first."""
        codes = [attempt.result_code for attempt in attempts if attempt.result_code]
        clashes = set(Attempt.objects.filter(result_code__in=codes).values_list("result_code", flat=True))
        if clashes:
            used = set(codes)
            spare = random.Random(len(codes))  # noqa: S311 - demo data, not secrets
            for attempt in attempts:
                if attempt.result_code in clashes:
                    attempt.result_code = fresh_code(spare, used | clashes)
                    used.add(attempt.result_code)
        Attempt.objects.bulk_create(attempts, batch_size=200)
        Answer.objects.store_scored(
            (attempt.pk, scored) for attempt, scored in zip(attempts, answers, strict=True)
        )


def fresh_code(rng, used):
    while True:
        code = "".join(rng.choice(CODE_ALPHABET) for _ in range(6))
        if code not in used:
            return code


class _WholePool:
    """Stands in for `random` in `draw_questions` and `build_snapshot`: takes every question of the pool
    (the attempts then draw from it themselves) and leaves orders alone (shuffled per attempt)."""

    def sample(self, population, k):
        return sorted(population)

    def shuffle(self, items):
        pass


class AttemptGenerator:
    """Demo attempts at one quiz, both languages: people of varied ability, some retaking, a few who ran
    out of time or have not finished. Deterministic for a seed, apart from the date it runs."""

    def __init__(self, spec, copies, users, now, seed):
        self.spec = spec
        self.rules = spec["rules"]
        self.copies = copies
        self.users = users
        self.now = now
        self.rng = random.Random(seed)  # noqa: S311 - demo data, not secrets
        self.snapshots = {language: self.snapshot_of(page) for language, page in copies.items()}
        self.used_codes = set()

    @staticmethod
    def snapshot_of(page):
        """Every question the quiz can show, in the page's language, built once (one set of queries)."""
        whole = _WholePool()
        return build_snapshot(page, draw_questions(page, whole), whole)

    def generate(self):
        """([Attempt], [[scoring.ScoredAnswer]]), both in the same order; stored once the attempts are."""
        attempts, answers = [], []
        total = self.spec["attempts"]
        allowed = self.rules["attempts_allowed"] or 3
        person = 0
        while len(attempts) < total:
            person += 1
            ability = self.rng.gauss(0, 0.15)
            language = "en" if "en" in self.copies and self.rng.random() < ENGLISH_SHARE else "zh-hans"
            user = None
            if self.users and (
                self.rules["who_may_take"] == QuizPage.WhoMayTake.SIGNED_IN or self.rng.random() < 0.1
            ):
                user = self.users[person % len(self.users)]
                if any(a.user_id == user.pk for a in attempts):
                    user = None  # one series per demo user and quiz keeps their attempt numbers simple
            token = "" if user else f"demo-{self.rng.getrandbits(64):016x}"
            tries = self.rng.choices([1, 2, 3], weights=[80, 15, 5])[0]
            tries = min(tries, allowed, total - len(attempts))
            started = self.start_time()
            for number in range(1, tries + 1):
                last = number == tries
                attempt, scored = self.attempt(language, user, token, number, started, ability, last)
                attempts.append(attempt)
                answers.append(scored)
                started = started + timedelta(minutes=self.rng.randint(10, 60 * 24 * 3))
                ability += 0.08  # a retake goes better, having read the explanations
        return attempts, answers

    def start_time(self):
        """A daytime start within the last DAYS days, busier on the quiz's event day."""
        if self.spec.get("busy_day") and self.rng.random() < 0.3:
            day = self.spec["busy_day"]
            hour = self.rng.uniform(9.5, 16.5)
        else:
            day = self.rng.randint(1, DAYS - 1)
            hour = self.rng.uniform(8, 23)
        local = timezone.localtime(self.now).replace(hour=0, minute=0, second=0, microsecond=0)
        return local - timedelta(days=day) + timedelta(hours=hour)

    def attempt(self, language, user, token, number, started, ability, last):
        page = self.copies[language]
        snapshot = self.draw(self.snapshots[language])
        limit = self.rules["time_limit_minutes"]
        roll = self.rng.random()
        if last and roll < 0.04:
            status = Attempt.Status.IN_PROGRESS
            if limit:  # still on the clock
                started = self.now - timedelta(minutes=self.rng.uniform(1, limit - 2))
        elif limit and roll < 0.09:
            status = Attempt.Status.EXPIRED
        else:
            status = Attempt.Status.SUBMITTED
        started = (
            min(started, self.now - timedelta(minutes=30))
            if status != Attempt.Status.IN_PROGRESS
            else started
        )
        answers = self.answers(snapshot, ability, skip=0.02 if status == Attempt.Status.SUBMITTED else 0.4)
        attempt = Attempt(
            quiz_key=page.translation_key,
            quiz_page=page,
            quiz_title=page.title,
            language=language,
            user=user,
            guest_token=token,
            number=number,
            status=status,
            started_at=started,
            deadline=started + timedelta(minutes=limit) if limit else None,
            snapshot=snapshot,
            draft=answers,
            pass_mark=self.rules["pass_mark"],
            review=self.rules["review"],
            max_score=len(snapshot),
        )
        if status == Attempt.Status.EXPIRED:
            attempt.passed = False
        if status != Attempt.Status.SUBMITTED:
            return attempt, []
        result = scoring.score(snapshot, answers)
        seconds = self.rng.uniform(40, 60 * (limit or 9)) if limit else self.rng.uniform(60, 540)
        attempt.submitted_at = started + timedelta(seconds=min(seconds, (limit or 60) * 60 - 5))
        attempt.score = result.score
        attempt.max_score = result.max_score
        attempt.percent = result.percent
        attempt.passed = result.passed(attempt.pass_mark)
        attempt.result_code = fresh_code(self.rng, self.used_codes)
        self.used_codes.add(attempt.result_code)
        return attempt, result.answers

    def draw(self, pool):
        """One attempt's questions: a random draw or the fixed list, in the quiz's order rules, with the
        choices shuffled when the quiz says so and tokens new to the attempt, as in build_snapshot."""
        if self.rules["selection"] == QuizPage.Selection.RANDOM:
            questions = self.rng.sample(pool, min(self.rules["draw_count"], len(pool)))
        else:
            questions = list(pool)
            if self.rules["shuffle_questions"]:
                self.rng.shuffle(questions)
        drawn = [{**question, "choices": with_fresh_tokens(question["choices"])} for question in questions]
        if self.rules["shuffle_choices"]:
            for question in drawn:
                self.rng.shuffle(question["choices"])
        return drawn

    def answers(self, snapshot, ability, skip):
        """{question key: [choice ids]}: right with a chance set by the question's difficulty and the
        person's ability; a wrong answer favours the first wrong choice (the usual misconception)."""
        answers = {}
        for question in snapshot:
            if self.rng.random() < skip:
                continue
            choices = question["choices"]
            right = [choice["id"] for choice in choices if choice["correct"]]
            wrong = sorted((choice for choice in choices if not choice["correct"]), key=lambda c: c["key"])
            chance = min(0.98, max(0.05, FACILITY.get(question["difficulty"], 0.68) + ability))
            if self.rng.random() < chance or not wrong:
                answers[question["key"]] = sorted(right)
            elif question["kind"] == QuestionKind.MULTIPLE:
                answers[question["key"]] = self.partly_right(right, wrong)
            else:
                weights = [3] + [1] * (len(wrong) - 1)
                answers[question["key"]] = [self.rng.choices(wrong, weights=weights)[0]["id"]]
        return answers

    def partly_right(self, right, wrong):
        """A wrong multiple-choice answer: most often one right choice missed, else a wrong one added."""
        chosen = set(right)
        if len(right) > 1 and self.rng.random() < 0.6:
            chosen.discard(self.rng.choice(right))
        else:
            chosen.add(self.rng.choice(wrong)["id"])
        return sorted(chosen)
