"""App URLs of the quizzes room (inside the language prefix). Results are keyed by the attempt."""

from django.urls import path

app_name = "quizzes"

urlpatterns = []

from . import result_views  # noqa: E402

urlpatterns += [
    path("quizzes/results/<uuid:public_id>/", result_views.result, name="result"),
    path("my/quizzes/", result_views.my_quizzes, name="my_quizzes"),
]

from . import views as taking_views  # noqa: E402

urlpatterns += [
    path("quizzes/attempts/<uuid:public_id>/", taking_views.take, name="take"),
    path("quizzes/attempts/<uuid:public_id>/save/", taking_views.save, name="save"),
]
