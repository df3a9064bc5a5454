"""Staff screens' permission checks, shared by every room: a view that needs one named permission,
an admin menu item shown only to its holders, and a viewset whose menu entry is such an item."""

from django.core.exceptions import PermissionDenied
from django.utils.functional import lazy
from django.utils.translation import gettext
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.widgets import AdminSnippetChooser


def has_permission(user, permission):
    """`permission`: one name, or a tuple of names any one of which will do."""
    permissions = (permission,) if isinstance(permission, str) else permission
    return any(user.has_perm(name) for name in permissions)


def require_perm(user, permission):
    if not has_permission(user, permission):
        raise PermissionDenied


class PermissionMenuItem(MenuItem):
    """Shown to holders of `permission`: one name, or a tuple of names any one of which will do."""

    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return has_permission(request.user, self.permission)


class PermissionViewSet(ViewSet):
    """A staff screen whose menu entry only holders of `permission` see (one name, or a tuple of names
    any one of which will do; its views check it too)."""

    permission = ""

    def get_menu_item(self, order=None):
        return PermissionMenuItem(
            self.menu_label,
            self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
            permission=self.permission,
        )


def in_editors_language(message, model):
    """Wagtail's "Choose %(object)s" texts, put into words when the screen is drawn."""
    return lazy(lambda: gettext(message) % {"object": model._meta.verbose_name}, str)()


class SnippetChooserInEditorsLanguage(AdminSnippetChooser):
    """A snippet chooser whose texts follow each editor's language.

    Wagtail words its snippet chooser once, when the first form that holds it is built, in the
    language of whoever asked first; every later editor then read "Choose another topic" in it.
    """

    def __init__(self, model=None, **kwargs):
        super().__init__(model=model, **kwargs)
        self.choose_one_text = in_editors_language("Choose %(object)s", self.model)
        self.choose_another_text = in_editors_language("Choose another %(object)s", self.model)
        self.link_to_chosen_text = in_editors_language("Edit this %(object)s", self.model)


class SnippetChooserViewSetInEditorsLanguage(SnippetChooserViewSet):
    base_widget_class = SnippetChooserInEditorsLanguage
