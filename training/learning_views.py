"""'My learning': the signed-in person's courses in progress, completions and certificates
(training/my_learning.py). Signed-in pages are `Cache-Control: private` (accounts' middleware)."""

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from .my_learning import my_learning_context


@require_safe
@login_required
def my_learning(request):
    return TemplateResponse(request, "training/my_learning.html", my_learning_context(request))
