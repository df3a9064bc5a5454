"""Who may do what in the training room, by named permission (DESIGN.md: adjust groups, never recreate).

Officers see course completions and revoke certificates (the certificate screens come later; the
permission is declared now, on Completion)."""

from django.db import migrations

OFFICERS = ["view_completions", "revoke_certificate"]


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    # Permissions are normally created after all migrations; these are needed now.
    app_config = apps.get_app_config("training")
    app_config.models_module = True
    create_contenttypes(app_config, verbosity=0, apps=apps)
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Officers")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="training", codename__in=OFFICERS))


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_initial"),
        ("home", "0002_audiences_and_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
