"""Who may do what in the events room, by named permission (DESIGN.md: adjust groups, never recreate).

Officers check people in and manage registrations; Moderators manage registrations and invite;
Editors see events.
"""

from django.db import migrations

OFFICERS = [
    "check_in",
    "manage_registrations",
    "view_event",
    "view_registration",
    "add_invitation",
    "view_invitation",
    "view_walkin",
]
MODERATORS = ["manage_registrations", "view_event", "view_registration", "add_invitation", "view_invitation"]
EDITORS = ["view_event"]


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    # Permissions are normally created after all migrations; these are needed now.
    app_config = apps.get_app_config("events")
    app_config.models_module = True
    create_contenttypes(app_config, verbosity=0, apps=apps)
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Officers", OFFICERS), ("Moderators", MODERATORS), ("Editors", EDITORS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="events", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_events_and_registrations"),
        ("home", "0002_audiences_and_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
