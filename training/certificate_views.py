"""Certificates for their owner (a page and the PDF) and verification for anyone.

The owner's page and download are the owner's only: another person's certificate is a 404, as if it
did not exist; the PDF is sent `Cache-Control: private, no-store`. The page says "being prepared" until
the file exists; a download of a certificate never rendered renders it there and then (as emergency
cards are).

Verification: /verify/<code>/ (outside the language prefix: the QR code's address) opens
/<language>/verify/<code>/ in the visitor's language, where the page says whether the certificate is
valid, expired or revoked, with the course, the dates and the holder's name partly masked; nothing
else. Look-ups are rate-limited per address (generously: an exhibition hall shares one) and per
address and code, and the page is never cached or indexed (`private_page`).
"""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import dateformat, translation
from django.utils.translation import pgettext
from django.views.decorators.http import require_safe

from home import public_forms
from home.public_forms import RateLimits, client_address, private_page
from home.reader_language import visitor_language

from .certificates import (
    CJKFontMissingError,
    beijing_date,
    clean_code,
    ensure_rendered,
    file_exists,
    find_certificate,
    mask_name,
)
from .models.certificates import Certificate, format_code

# (count, seconds): per address and code, per code, per address (generous: a school or an exhibition
# hall shares one address). A code has 80 random bits: the limits stop scraping, not guessing.
RATE_LIMITS = RateLimits(
    "certificate-verify", address_and_email=(30, 3600), email=(300, 3600), address=(600, 3600)
)
RETRY_AFTER = 60  # seconds: the worker renders a certificate within moments of the completion


def calendar_date(day):
    """A Beijing calendar date as readers write it: "6 December 2026", "2026年12月6日"."""
    return dateformat.format(day, pgettext("date format", "j F Y")) if day else ""


def own_certificate(request, pk):
    certificates = Certificate.objects.select_related("completion")
    return get_object_or_404(certificates, pk=pk, completion__user=request.user)


def certificate_facts(certificate):
    completion = certificate.completion
    return {
        "course_title": completion.course_title,
        "completed_on": calendar_date(beijing_date(completion.completed_at)),
        "valid_until": calendar_date(completion.valid_until),
        "status": certificate.status,
    }


def certificate_page_response(request, certificate, status=200):
    context = {
        "certificate": certificate,
        "facts": certificate_facts(certificate),
        "ready": file_exists(certificate),
        "verify_url": reverse("certificates:verify", args=[certificate.display_code]),
    }
    response = TemplateResponse(request, "training/certificates/my_certificate.html", context, status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER)
    return response


@require_safe
@login_required
def my_certificate(request, pk):
    """The owner's certificate: its facts, its code, and the PDF, or "being prepared"."""
    return certificate_page_response(request, own_certificate(request, pk))


@require_safe
@login_required
def download_certificate(request, pk):
    certificate = own_certificate(request, pk)
    try:
        certificate = ensure_rendered(certificate)
    except CJKFontMissingError:
        return certificate_page_response(request, certificate, status=503)
    response = FileResponse(
        certificate.file.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"certificate-{certificate.display_code.lower()}.pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


# Verification --------------------------------------------------------------------------------------


@require_safe
def verify_short(request, code):
    """/verify/<code>/, the address on the certificate: the verification page in the visitor's language."""
    cleaned = clean_code(code)
    with translation.override(visitor_language(request)):
        if cleaned:
            url = reverse("certificates:verify", args=[format_code(cleaned)])
        else:
            url = reverse("certificates:verify_form") + "?" + _query(code)
    response = redirect(url)
    response["Vary"] = "Accept-Language, Cookie"
    response["Cache-Control"] = "private, max-age=0"
    return response


def _query(code):
    return urlencode({"code": code[:64]})


def within_rate_limit(request, code):
    return public_forms.within_rate_limit(RATE_LIMITS, client_address(request), code)


@private_page
@require_safe
def verify_form(request):
    """The form to type a code; a typed code goes to its verification page."""
    typed = request.GET.get("code", "")
    if typed.strip():
        cleaned = clean_code(typed)
        if cleaned:
            return redirect("certificates:verify", code=format_code(cleaned))
        return verify_response(request, typed, None, looked_up=True)
    return TemplateResponse(request, "training/certificates/verify.html", {"typed": "", "looked_up": False})


@private_page
@require_safe
def verify(request, code):
    cleaned = clean_code(code)
    if cleaned and code != format_code(cleaned):
        return redirect("certificates:verify", code=format_code(cleaned))
    return verify_response(request, code, cleaned, looked_up=True)


def verify_response(request, typed, cleaned, looked_up):
    context = {"typed": typed[:64], "looked_up": looked_up}
    if not within_rate_limit(request, cleaned or typed[:64]):
        context["rate_limited"] = True
        response = TemplateResponse(request, "training/certificates/verify.html", context, status=429)
        response["Retry-After"] = "600"
        return response
    certificate = find_certificate(cleaned)
    if certificate is None:
        return TemplateResponse(request, "training/certificates/verify.html", context, status=404)
    context["result"] = {
        **certificate_facts(certificate),
        "code": certificate.display_code,
        "name": mask_name(certificate.holder_name),
        "romanised_name": mask_name(certificate.holder_romanised_name),
    }
    return TemplateResponse(request, "training/certificates/verify.html", context)
