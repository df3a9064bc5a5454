from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("outbox", "0004_message_next_try_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="message",
            name="composer",
            field=models.CharField(blank=True, default="", max_length=100, verbose_name="composer"),
        ),
        migrations.AddField(
            model_name="message",
            name="composer_arguments",
            field=models.JSONField(blank=True, default=dict, verbose_name="composer's arguments"),
        ),
    ]
