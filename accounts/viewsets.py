"""The Wagtail admin's user screens, with our one "name" field instead of first and last names."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import check_name_field
from .models import User

PORTAL_USER_FIELDS = {"email", "name", "preferred_language", "is_superuser", "groups"}


class PortalUserCreationForm(UserCreationForm):
    first_name = None
    last_name = None
    name = forms.CharField(label=_("Name"), max_length=150)

    class Meta(UserCreationForm.Meta):
        model = User
        fields = PORTAL_USER_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        check_name_field(self)


class PortalUserEditForm(UserEditForm):
    first_name = None
    last_name = None
    name = forms.CharField(label=_("Name"), max_length=150)

    class Meta(UserEditForm.Meta):
        model = User
        fields = PORTAL_USER_FIELDS | {"is_active"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        check_name_field(self)


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return PortalUserEditForm if for_update else PortalUserCreationForm
