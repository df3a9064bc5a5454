"""Writing an email: rendering its templates in the recipient's language, and the one shape of its
subject, headers and attachments as a `Message` stores them. Used when an email is queued
(outbox/sending.py) and when one queued to be written when sent is written (outbox/composing.py)."""

import base64

from django.conf import settings
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import translation
from django.utils.module_loading import import_string

from .models import Message

SUBJECT_MAX_LENGTH = Message._meta.get_field("subject").max_length


def clean_subject(subject):
    """One line (a header cannot hold a newline), at most as long as the column."""
    subject = " ".join(str(subject).split())
    if len(subject) > SUBJECT_MAX_LENGTH:
        subject = subject[: SUBJECT_MAX_LENGTH - 1] + "…"
    return subject


def clean_headers(headers):
    """Header values on one line each (a newline would start another header)."""
    return {str(name): " ".join(str(value).split()) for name, value in (headers or {}).items()}


def attachment(filename, content, mimetype):
    """An attachment as stored in `Message.attachments` (JSON: the content in base64)."""
    if isinstance(content, str):
        content = content.encode()
    return {
        "filename": str(filename),
        "mimetype": str(mimetype),
        "content_base64": base64.b64encode(bytes(content)).decode("ascii"),
    }


def clean_attachments(attachments):
    """`(filename, content, mimetype)` tuples or stored dicts, as stored dicts."""
    cleaned = []
    for item in attachments or ():
        if isinstance(item, dict):
            base64.b64decode(item["content_base64"], validate=True)  # refuse what could not be sent
            cleaned.append(
                {
                    "filename": str(item["filename"]),
                    "mimetype": str(item["mimetype"]),
                    "content_base64": item["content_base64"],
                }
            )
        else:
            filename, content, mimetype = item
            cleaned.append(attachment(filename, content, mimetype))
    return cleaned


def render_text(template_name, context):
    """Render a plain-text template without HTML escaping (`O'Brien`, not `O&#x27;Brien`)."""
    template = get_template(template_name)
    django_template = getattr(template, "template", None)
    if django_template is None:  # not the Django template language
        return template.render(context)
    return django_template.render(Context(context, autoescape=False))


def site_names(language):
    """The office's and the portal's names in `language`: `settings.OUTBOX_SITE_NAMES` (a dotted path to
    a function of the language, giving the site settings' names) over the `PORTAL_NAME` setting."""
    with translation.override(language):
        names = {"portal_name": str(settings.PORTAL_NAME), "office_name": str(settings.PORTAL_NAME)}
        path = getattr(settings, "OUTBOX_SITE_NAMES", "")
        if path:
            names.update(import_string(path)(language))
    return names


def email_context(context, language):
    """What every email template may use: the portal's address and names (office, portal), the language."""
    return {
        "portal_base_url": settings.PORTAL_BASE_URL,
        **site_names(language),
        "language": language,
        **(context or {}),
    }


def render_email(template, context, language):
    """(subject, body_text, body_html) for `template` rendered in `language`."""
    context = email_context(context, language)
    with translation.override(language):
        subject = render_text(f"{template}_subject.txt", context)
        body_text = render_text(f"{template}.txt", context)
        try:
            html_template = get_template(f"{template}.html")
        except TemplateDoesNotExist:
            body_html = ""
        else:
            body_html = html_template.render(context)
    return clean_subject(subject), body_text, body_html
