"""Admin menu items whose labels their apps put into words once per process.

Wagtail's help menu ("What's new in Wagtail 8.0", "Editor Guide") and wagtail-localize's reports entry
("Translations") call gettext when the menu is first built, so every editor afterwards sees them in the
language of whoever opened the admin first. These hooks word them again for each request, in the
editor's language (the override catalogue has their Chinese), on a copy: the built menu is shared.
"""

import copy

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.utils.version import get_main_version


def _help_labels():
    return {
        f"whats-new-in-wagtail-{get_main_version(include_patch=False)}": gettext(
            "What's new in Wagtail %(version)s"
        )
        % {"version": get_main_version(include_patch=False)},
        "editor-guide": gettext("Editor Guide"),
    }


def _relabelled(menu_items, label_for):
    for index, item in enumerate(menu_items):
        label = label_for(item)
        if label and label != item.label:
            menu_items[index] = copy.copy(item)
            menu_items[index].label = label


@hooks.register("construct_help_menu")
def help_menu_in_editors_language(request, menu_items):
    labels = _help_labels()
    _relabelled(menu_items, lambda item: labels.get(item.name))


@hooks.register("construct_reports_menu")
def reports_menu_in_editors_language(request, menu_items):
    try:
        translations_report = reverse("wagtail_localize:translations_report")
    except NoReverseMatch:
        return
    _relabelled(menu_items, lambda item: gettext("Translations") if item.url == translations_report else None)
