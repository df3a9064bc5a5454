"""Text as people send it, without the control characters that break the database or garble a page.

PostgreSQL refuses a NUL byte in text (a query or a row holding one is a server error), and the other
C0 and C1 control characters (U+0001–U+001F, U+007F, U+0080–U+009F) mean nothing in a name, an email
address or a search: they come from pasting, broken clients or probing.

`home.middleware.ControlCharactersMiddleware` passes every query parameter and every public form
field through `strip_control_characters` before any view reads them, keeping tabs and line breaks
(a textarea may hold them). Our forms mix in `ControlCharactersStripped`, which also turns them into
one space in a single-line field, so that the words on either side stay apart (and cleans the admin's
forms, which the middleware leaves alone). What arrives in a URL path (a code, a token) is not a
parameter: a view reading one calls `strip_control_characters` itself.

Names refuse, rather than lose, the characters that hide or rearrange text (`refuse_hidden_text`, the
validator of every name field): line and paragraph separators (U+2028, U+2029, and the line breaks a
single-line field should never hold) and the bidirectional embeddings, overrides and isolates
(U+202A–U+202E, U+2066–U+2069), which can make a name in a list, an email or an export show other text
than it holds (a right-to-left override turns "gpj.exe" round). They are not control characters to the
rule above: the person is told and retypes the name.

Undecodable bytes need nothing here: Django decodes query strings and form bodies with
errors="replace", so they arrive as U+FFFD, which any database stores.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

# C0 and C1 control characters and DEL, except tab, line feed and carriage return.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_TABS_AND_LINE_BREAKS = re.compile(r"[\t\n\r]+")
# Line breaks and separators, and the bidirectional embeddings, overrides and isolates.
HIDDEN_TEXT_CHARACTERS = re.compile(r"[\n\r\x0b\x0c\x85\u2028\u2029\u202a-\u202e\u2066-\u2069]")
HIDDEN_TEXT_MESSAGE = gettext_lazy(
    "A name cannot contain line breaks or characters that change the direction of text."
)


def strip_control_characters(value, keep_line_breaks=False):
    """`value` without control characters; tabs and line breaks kept, or turned into one space.

    Anything but a string (None, a number, an uploaded file) is returned as it is.
    """
    if not isinstance(value, str):
        return value
    if value.isprintable():  # nothing to take out (nearly every value); a C-speed check
        return value
    if not keep_line_breaks:
        value = _TABS_AND_LINE_BREAKS.sub(" ", value)
    return _CONTROL_CHARACTERS.sub("", value)


def stripped_data(data, multi_line=()):
    """Submitted form data (a QueryDict, or a plain dict as tests pass) with every value passed through
    `strip_control_characters`; the keys in `multi_line` keep their line breaks. A QueryDict with
    nothing to strip (nearly every request) is returned as it is, else a copy: the original is never
    changed."""

    def strip(key, value):
        return strip_control_characters(value, keep_line_breaks=key in multi_line)

    if hasattr(data, "lists"):  # QueryDict, MultiValueDict: every value of a repeated key
        changed = {}
        for key, values in data.lists():
            stripped = [strip(key, value) for value in values]
            if stripped != values:
                changed[key] = stripped
        if not changed:
            return data
        copy = data.copy()
        for key, values in changed.items():
            copy.setlist(key, values)
        return copy
    return {
        key: [strip(key, item) for item in value] if isinstance(value, list | tuple) else strip(key, value)
        for key, value in data.items()
    }


class ControlCharactersStripped:
    """For a public Django form (mix in before `forms.Form`): control characters leave the submitted
    data before any field sees it; fields shown as a textarea keep their tabs and line breaks.

    The form validates and re-displays the stripped text, so the person sees what would be saved.
    """

    def full_clean(self):
        if self.is_bound:
            multi_line = {
                self.add_prefix(name)
                for name, field in self.fields.items()
                if isinstance(field.widget, forms.Textarea)
            }
            self.data = stripped_data(self.data, multi_line)
        super().full_clean()


class RefuseHiddenText:
    """A validator for a name field: refuses line and paragraph separators and direction controls
    (HIDDEN_TEXT_CHARACTERS) with `message`, in the reader's language; nothing is silently removed."""

    def __init__(self, message=HIDDEN_TEXT_MESSAGE):
        self.message = message

    def __call__(self, value):
        if isinstance(value, str) and HIDDEN_TEXT_CHARACTERS.search(value):
            raise ValidationError(self.message, code="hidden_text")


# The validator of every person's name.
refuse_hidden_text = RefuseHiddenText()
