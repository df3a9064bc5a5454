"""Enrolling on a course and marking lessons done: the rules, apart from the views. Records are keyed on
the course's and lesson's translation keys, so every language copy counts together."""

from .models.records import Enrolment, LessonProgress


def enrol(user, course, source=Enrolment.Source.SELF):
    """The one way onto a course: the learner's enrolment, made now or kept from before (a second call,
    from any source, changes nothing). `source` says who enrolled them (another room passes its own)."""
    enrolment, _created = Enrolment.objects.get_or_create(
        user=user,
        course_key=course.translation_key,
        defaults={"course_page": course, "course_title": course.title, "source": source},
    )
    return enrolment


def enrol_many(users, course, source=Enrolment.Source.SELF):
    """`enrol` for many learners at once (an organisation's members): one INSERT per batch, those
    enrolled already kept as they were (their source too). Returns how many were enrolled now."""
    rows = [
        Enrolment(
            user_id=getattr(user, "pk", user),
            course_key=course.translation_key,
            course_page=course,
            course_title=course.title,
            source=source,
        )
        for user in users
    ]
    if not rows:
        return 0
    before = Enrolment.objects.filter(course_key=course.translation_key).count()
    Enrolment.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    return Enrolment.objects.filter(course_key=course.translation_key).count() - before


def enrolment_of(user, course):
    if user is None or not user.is_authenticated:
        return None
    return Enrolment.objects.filter(user=user, course_key=course.translation_key).first()


def mark_done(user, lesson, course):
    """The lesson is done (once: a second call keeps the first time). Returns the progress record."""
    # get_or_create takes the row another tab made at the same moment (the unique constraint holds).
    progress, _created = LessonProgress.objects.get_or_create(
        user=user, lesson_key=lesson.translation_key, defaults={"course_key": course.translation_key}
    )
    return progress


def done_keys(user, course_key):
    """The translation keys of the course's lessons the learner has done (one query)."""
    return set(
        LessonProgress.objects.filter(user=user, course_key=course_key).values_list("lesson_key", flat=True)
    )
