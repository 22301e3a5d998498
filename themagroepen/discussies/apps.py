from django.apps import AppConfig


class DiscussiesConfig(AppConfig):
    name = "themagroepen.discussies"
    label = "discussies"
    verbose_name = "Discussies"

    def ready(self):
        from kennisplatform import access
        from themagroepen.discussies import models, signals  # noqa: F401

        for model in (
            models.Topic,
            models.Reply,
            models.PostRevision,
            models.Attachment,
            models.Reaction,
            models.Report,
            models.KennisbankProposal,
        ):
            access.register(model)
