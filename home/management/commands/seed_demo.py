import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from wagtail import hooks

from home.demo import SEED_DEMO_CONTENT, DemoSeeder

DEFAULT_ADMIN_EMAIL = "admin@example.org"
DEFAULT_ADMIN_PASSWORD = "consular-demo-2026"  # noqa: S105 - a local demo account, printed on purpose


class Command(BaseCommand):
    help = (
        "Create the bilingual demo site (pages, topics, settings) and a local admin account. "
        "Safe to run twice."
    )

    def handle(self, *args, **options):
        DemoSeeder(self.stdout).run()
        for seed in hooks.get_hooks(SEED_DEMO_CONTENT):
            seed(self.stdout)
        email = os.environ.get("DEMO_ADMIN_EMAIL", DEFAULT_ADMIN_EMAIL)
        password = os.environ.get("DEMO_ADMIN_PASSWORD", DEFAULT_ADMIN_PASSWORD)
        User = get_user_model()  # noqa: N806
        if not User.objects.filter(email__iexact=email).exists():
            User.objects.create_superuser(email=email, password=password, name="管理员 Admin")
            self.stdout.write(f"Created the admin account {email}")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
