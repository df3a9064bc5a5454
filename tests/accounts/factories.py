import factory
from django.contrib.auth.models import Group, Permission
from wagtail.users.models import UserProfile

from accounts.models import User

DEFAULT_PASSWORD = "correct-horse-battery-9"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Sequence(lambda n: f"测试用户 {n}")
    preferred_language = "zh-hans"
    password = DEFAULT_PASSWORD

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class.objects.create_user(*args, **kwargs)


def staff_user(group=None, permissions=(), admin_language="en", **fields):
    """A member of staff with Wagtail admin access: in the named `group` (Officers, Moderators,
    Editors...) and holding `permissions` ("app_label.codename"), the admin in
    `admin_language` (English by default, so assertions read English strings; "zh-hans" for the
    Chinese admin an editor sees). Fetched again, so Django's permission cache is fresh."""
    fields.setdefault("is_staff", True)
    if admin_language:
        fields.setdefault("preferred_language", admin_language)
    user = UserFactory(**fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    for name in ("wagtailadmin.access_admin", *permissions):
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    if admin_language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = admin_language
        profile.save()
    return User.objects.get(pk=user.pk)
