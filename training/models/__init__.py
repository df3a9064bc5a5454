"""Training room models: the course pages (pages.py) and what learners make (records.py)."""

from .certificates import Certificate, TrainingSettings
from .pages import CourseEvent, CourseIndexPage, CoursePage, LessonPage
from .records import Completion, Enrolment, LessonProgress
from .trips import Trip

__all__ = [
    "Certificate",
    "Completion",
    "CourseEvent",
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "LessonPage",
    "LessonProgress",
    "TrainingSettings",
    "Trip",
]
