"""Training room models: the course pages (pages.py) and what learners make (records.py)."""

from .pages import CourseEvent, CourseIndexPage, CoursePage, LessonPage
from .records import Completion, Enrolment, LessonProgress

__all__ = [
    "Completion",
    "CourseEvent",
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "LessonPage",
    "LessonProgress",
]
