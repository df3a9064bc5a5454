"""Who may do what in the quizzes room, by named permission (DESIGN.md: adjust groups, never recreate).

Officers read the reports and look up result codes; Moderators and Editors keep the question bank
(a question that has been answered cannot be deleted, only retired: quizzes/viewsets.py).
"""

from django.db import migrations

OFFICERS = ["view_reports", "check_result_codes", "view_question", "view_attempt"]
MODERATORS = ["check_result_codes", "add_question", "change_question", "delete_question", "view_question"]
EDITORS = ["add_question", "change_question", "delete_question", "view_question"]


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    # Permissions are normally created after all migrations; these are needed now.
    app_config = apps.get_app_config("quizzes")
    app_config.models_module = True
    create_contenttypes(app_config, verbosity=0, apps=apps)
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Officers", OFFICERS), ("Moderators", MODERATORS), ("Editors", EDITORS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="quizzes", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0001_questions_quizzes_attempts"),
        ("home", "0002_audiences_and_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
