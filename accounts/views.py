from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .adapter import set_language_cookie
from .forms import ProfileForm
from .sections import MY_PORTAL_SECTIONS, collect_sections


@login_required
def my_portal(request):
    sections = collect_sections(MY_PORTAL_SECTIONS, request)
    return render(request, "accounts/my_portal.html", {"sections": sections})


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        translation.activate(user.preferred_language)
        messages.success(request, _("Your profile has been saved."))
        response = redirect(reverse("my_portal"))
        set_language_cookie(response, user.preferred_language)
        return response
    return render(request, "accounts/profile.html", {"form": form})
