from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from accounts import organisations, signals  # noqa: F401

        # After the last app migrated (kennisbank loads the gemeenten), fill the organisation list.
        post_migrate.connect(organisations.sync_after_migrate, sender=self, dispatch_uid="accounts-sync-organisations")
