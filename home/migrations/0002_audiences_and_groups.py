"""The fixed audiences, and the editorial groups: adjust Wagtail's Editors and Moderators, add Officers.

Wagtail's own migrations already create Editors (add, edit pages), Moderators (also publish) and the
default moderation workflow on the root page; this only tops them up and never creates them twice.
"""

from django.db import migrations

AUDIENCES = ["community", "employees", "students", "travellers"]

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]

CONTENT_PERMISSIONS = {
    # app_label: [codenames] editors and moderators both need to write content
    "home": ["add_topic", "change_topic", "delete_topic"],
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
    "wagtailmedia": ["add_media", "change_media"],
}
MODERATOR_ONLY_PERMISSIONS = {"home": ["change_portalsettings"]}
OFFICER_PERMISSIONS = {"wagtailadmin": ["access_admin"], "outbox": ["view_message"]}


def _permissions(Permission, by_app):
    wanted = []
    for app_label, codenames in by_app.items():
        wanted += list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))
    return wanted


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    # Permissions are normally created after all migrations; this one needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, verbosity=0, apps=apps)
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Audience = apps.get_model("home", "Audience")
    for order, slug in enumerate(AUDIENCES):
        Audience.objects.update_or_create(slug=slug, defaults={"sort_order": order})

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    editors, _ = Group.objects.get_or_create(name="Editors")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    officers, _ = Group.objects.get_or_create(name="Officers")

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for group, codenames in ((editors, EDITOR_PAGE_PERMISSIONS), (moderators, MODERATOR_PAGE_PERMISSIONS)):
            for permission in Permission.objects.filter(
                content_type__app_label="wagtailcore", codename__in=codenames
            ):
                GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
        # An editor writes and submits for moderation; only moderators publish.
        GroupPagePermission.objects.filter(
            group=editors, permission__codename__in=["publish_page", "bulk_delete_page"]
        ).delete()

    access_admin = _permissions(Permission, {"wagtailadmin": ["access_admin"]})
    content = _permissions(Permission, CONTENT_PERMISSIONS)
    editors.permissions.add(*access_admin, *content)
    moderators.permissions.add(*access_admin, *content, *_permissions(Permission, MODERATOR_ONLY_PERMISSIONS))
    officers.permissions.add(*_permissions(Permission, OFFICER_PERMISSIONS))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("accounts", "0002_account_settings"),
        ("outbox", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailmedia", "0005_alter_media_options"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
