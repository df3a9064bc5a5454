from django.db import migrations


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    from django.contrib.contenttypes.management import create_contenttypes

    # Permissions are normally created after all migrations; these are needed now.
    for label in ("home", "wagtailsearchpromotions"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_contenttypes(app_config, verbosity=0, apps=apps)
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.get(content_type__app_label="home", codename="view_unansweredsearch")
    promotions = Permission.objects.filter(
        content_type__app_label="wagtailsearchpromotions",
        codename__in=["add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"],
    )
    for name in ("Editors", "Moderators"):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(view, *promotions)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_unanswered_searches"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
