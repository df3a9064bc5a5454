"""A read-only list of sent and pending emails under Settings, for people who may view them."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Message


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Messages are created by code: people (superusers too) may look at them, never change them."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action == "view"])


# Registered before anything asks for the policy of Message (Wagtail would create a default one).
register_permission_policy(Message, ViewOnlyPermissionPolicy(Message))


class MessageViewSet(ModelViewSet):
    model = Message
    icon = "mail"
    menu_label = _("Email outbox")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["subject_as_listed", "recipient", "status", "tries", "next_try_at", "created_at"]
    list_filter = ["status", "language"]
    search_fields = ["recipient", "subject"]
    inspect_view_fields = [
        "recipient",
        "language",
        "subject",
        "status",
        "tries",
        "last_error",
        "dedupe_key",
        "headers",
        "created_at",
        "last_tried_at",
        "next_try_at",
        "sent_at",
        "body_text",
        "body_html",
    ]
    # No add or edit view is reachable (the policy allows "view" only); Wagtail still wants a form.
    form_fields = []


@hooks.register("register_admin_viewset")
def register_message_viewset():
    return MessageViewSet("outbox")
