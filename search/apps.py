from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Zoeken"

    def ready(self):
        from . import signals

        signals.connect()
        self._forget_synonyms_on_change()

    @staticmethod
    def _forget_synonyms_on_change():
        from django.db.models.signals import post_delete, post_save

        from .analysis import synonyms
        from .models import Synoniemgroep

        def forget(**kwargs):
            synonyms.forget()

        post_save.connect(forget, sender=Synoniemgroep, dispatch_uid="search-synonyms-save", weak=False)
        post_delete.connect(forget, sender=Synoniemgroep, dispatch_uid="search-synonyms-delete", weak=False)
