"""Safety quizzes' models: the question bank (bank.py), quiz pages (pages.py), and what people did
(attempts.py). The pages hand requests to quizzes/views.py, so what that module imports reads the
submodules it needs, never this package (which imports the pages); everything else may use this."""

from .attempts import Answer, Attempt, ExhibitionLink, Review
from .bank import Choice, Difficulty, Question, QuestionKind
from .pages import QuizIndexPage, QuizPage, QuizQuestion, QuizTopic

__all__ = [
    "Answer",
    "Attempt",
    "Choice",
    "Difficulty",
    "ExhibitionLink",
    "Question",
    "QuestionKind",
    "QuizIndexPage",
    "QuizPage",
    "QuizQuestion",
    "QuizTopic",
    "Review",
]
