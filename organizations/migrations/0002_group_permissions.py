"""Who may do what in the organisations room, by named permission (DESIGN.md: adjust groups, never
recreate): Officers approve organisations, open any organisation's dashboard and handle service requests."""

from django.db import migrations

OFFICERS = ["approve_organization", "view_all", "handle_service_request"]


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    # Permissions are normally created after all migrations; these are needed now.
    app_config = apps.get_app_config("organizations")
    app_config.models_module = True
    create_contenttypes(app_config, verbosity=0, apps=apps)
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Officers")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="organizations", codename__in=OFFICERS))


class Migration(migrations.Migration):
    dependencies = [
        ("organizations", "0001_initial"),
        ("home", "0002_audiences_and_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
