"""Admin registrations and hooks of the training room."""

from wagtail import hooks

from .viewsets import TrainingViewSetGroup, completion_admin_urls

# Staff screens about completions (training/admin_views.py, permission training.view_completions).
hooks.register("register_admin_urls", completion_admin_urls)


@hooks.register("register_admin_viewset")
def register_training_viewsets():
    return TrainingViewSetGroup()
