"""Who may do what in the destinations room, by named permission (DESIGN.md: adjust groups, never recreate).

Officers keep destinations' facts and publish safety alerts at once; Moderators publish alerts at once
too and follow the alert emails; Editors may see the facts their pages show.
"""

from django.db import migrations

OFFICERS = [
    "add_destination",
    "change_destination",
    "view_destination",
    "view_changenote",
    "publish_alert_at_once",
    "view_alertsubscription",
    "view_alertfanout",
    "change_alertfanout",
    "view_alertdelivery",
]
MODERATORS = [
    "view_destination",
    "publish_alert_at_once",
    "view_alertsubscription",
    "view_alertfanout",
    "change_alertfanout",
    "view_alertdelivery",
]
EDITORS = ["view_destination"]


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    # Permissions are normally created after all migrations; these are needed now.
    app_config = apps.get_app_config("destinations")
    app_config.models_module = True
    create_contenttypes(app_config, verbosity=0, apps=apps)
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Officers", OFFICERS), ("Moderators", MODERATORS), ("Editors", EDITORS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="destinations", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("destinations", "0001_destinations_and_alerts"),
        ("home", "0002_audiences_and_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
