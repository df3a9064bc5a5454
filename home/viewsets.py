from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Topic
from .staff import SnippetChooserViewSetInEditorsLanguage


class TopicViewSet(SnippetViewSet):
    chooser_viewset_class = SnippetChooserViewSetInEditorsLanguage
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]
