"""Admin registrations and hooks of the training room."""

from wagtail import hooks

from accounts.sections import CONTENT_PAGE_LINKS, MY_PORTAL_SECTIONS
from home.demo import SEED_DEMO_CONTENT

from .certificate_admin import certificate_admin_urls
from .content_links import content_page_links
from .demo import seed_training
from .my_learning import my_portal_sections
from .viewsets import TrainingViewSetGroup, completion_admin_urls

# A course on an article's or case's topics, under it (training/content_links.py).
hooks.register(CONTENT_PAGE_LINKS, content_page_links)
# "My learning" first in My portal (training/my_learning.py).
hooks.register(MY_PORTAL_SECTIONS, my_portal_sections)
# Two demo courses and a demo learner for `manage.py seed_demo` (training/demo.py).
hooks.register(SEED_DEMO_CONTENT, seed_training)

# Staff screens about completions (training/admin_views.py, permission training.view_completions).
hooks.register("register_admin_urls", completion_admin_urls)
# Finding and revoking certificates (training/certificate_admin.py, training.revoke_certificate).
hooks.register("register_admin_urls", certificate_admin_urls)


@hooks.register("register_admin_viewset")
def register_training_viewsets():
    return TrainingViewSetGroup()
