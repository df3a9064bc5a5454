from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")


class PortalUsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "accounts.viewsets.UserViewSet"
