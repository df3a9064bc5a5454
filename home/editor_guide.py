"""The editor's guide in the admin (/admin/guide/) and its panel on the dashboard.

A short page in the editor's admin language: what each page type is for, the page address (pinyin
slugs, home/slugs.py), moderation, translation, publishing a safety alert at once, exhibition posters
and result codes. What it says about a button names the button with the admin's own words: Wagtail's
labels are looked up in Wagtail's catalogues (and the project's overrides) at request time, so the
guide says what the screen says.
"""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

# Wagtail's own labels of the buttons and tabs the guide mentions (msgids of Wagtail's catalogue; passed
# to gettext as values so that the project's catalogue does not take a second copy of them).
WAGTAIL_LABELS = {
    "save_draft": "Save draft",
    "publish": "Publish",
    "submit": "Submit for moderation",
    "approve": "Approve",
    "request_changes": "Request changes",
    "translate": "Translate",
    "sync_translations": "Sync translated pages",
    "promote": "Promote",
}


def wagtail_labels():
    return {name: gettext(msgid) for name, msgid in WAGTAIL_LABELS.items()}


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    """For everyone who may use the admin."""

    template_name = "home/admin/editor_guide.html"
    page_title = _("Editor's guide")
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["labels"] = wagtail_labels()
        return context


class EditorGuidePanel(Component):
    """On the dashboard, above the other panels: where the guide is."""

    name = "editor_guide"
    template_name = "home/admin/editor_guide_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        return {"guide_url": reverse("home_editor_guide")}
