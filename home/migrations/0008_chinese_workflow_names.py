"""The moderation workflow and its one task get Chinese names.

Wagtail's migrations named both "Moderators approval", so the Chinese admin read "提交给Moderators
approval" and "等待 Moderators approval". Names are one field (not translated), so they are Chinese: the
buttons read "提交审核" and the status "等待审核员审核" (the override catalogue words the sentences
around them, locale/overrides). A workflow or task an administrator has renamed keeps its name.
"""

from django.db import migrations

OLD_NAME = "Moderators approval"
WORKFLOW_NAME = "审核"
TASK_NAME = "审核员审核"


def rename(apps, names):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    workflow_from, workflow_to, task_from, task_to = names
    Workflow.objects.filter(name=workflow_from).update(name=workflow_to)
    Task.objects.filter(name=task_from).update(name=task_to)


def to_chinese(apps, schema_editor):
    rename(apps, (OLD_NAME, WORKFLOW_NAME, OLD_NAME, TASK_NAME))


def to_english(apps, schema_editor):
    rename(apps, (WORKFLOW_NAME, OLD_NAME, TASK_NAME, OLD_NAME))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_footer_settings"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_chinese, to_english)]
