# Each destination of a subscription gets its own optional end date (a trip's): the many-to-many
# moves onto a through model, FollowedDestination, and every existing row is copied as followed for good.

import django.db.models.deletion
from django.db import migrations, models

BATCH = 2000


def copy_to_followed(apps, schema_editor):
    AlertSubscription = apps.get_model("destinations", "AlertSubscription")
    FollowedDestination = apps.get_model("destinations", "FollowedDestination")
    old = AlertSubscription.destinations.through.objects.order_by("pk")
    rows = old.values_list("alertsubscription_id", "destination_id")
    batch = []
    for subscription_id, destination_id in rows.iterator(chunk_size=BATCH):
        batch.append(FollowedDestination(subscription_id=subscription_id, destination_id=destination_id))
        if len(batch) == BATCH:
            FollowedDestination.objects.bulk_create(batch)
            batch = []
    FollowedDestination.objects.bulk_create(batch)


def copy_back(apps, schema_editor):
    AlertSubscription = apps.get_model("destinations", "AlertSubscription")
    FollowedDestination = apps.get_model("destinations", "FollowedDestination")
    through = AlertSubscription.destinations.through
    rows = FollowedDestination.objects.order_by("pk").values_list("subscription_id", "destination_id")
    batch = []
    for subscription_id, destination_id in rows.iterator(chunk_size=BATCH):
        batch.append(through(alertsubscription_id=subscription_id, destination_id=destination_id))
        if len(batch) == BATCH:
            through.objects.bulk_create(batch)
            batch = []
    through.objects.bulk_create(batch)


class Migration(migrations.Migration):

    dependencies = [
        ("destinations", "0004_alert_confirmation_tokens"),
    ]

    operations = [
        migrations.AddField(
            model_name="alertconfirmation",
            name="ends_on",
            field=models.DateField(blank=True, null=True, verbose_name="until"),
        ),
        migrations.CreateModel(
            name="FollowedDestination",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "ends_on",
                    models.DateField(
                        blank=True,
                        help_text="Empty: followed for good, not only for a trip.",
                        null=True,
                        verbose_name="until",
                    ),
                ),
                (
                    "destination",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="followers",
                        to="destinations.destination",
                    ),
                ),
                (
                    "subscription",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="followed",
                        to="destinations.alertsubscription",
                    ),
                ),
            ],
            options={
                "verbose_name": "followed destination",
                "verbose_name_plural": "followed destinations",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("subscription", "destination"), name="followed_destination_once_per_subscription"
                    )
                ],
            },
        ),
        migrations.RunPython(copy_to_followed, copy_back),
        migrations.RemoveField(model_name="alertsubscription", name="destinations"),
        migrations.AddField(
            model_name="alertsubscription",
            name="destinations",
            field=models.ManyToManyField(
                blank=True,
                related_name="subscriptions",
                through="destinations.FollowedDestination",
                to="destinations.destination",
                verbose_name="destinations",
            ),
        ),
    ]
