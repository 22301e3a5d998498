"""Editors maintain synonyms and place-name aliases as a snippet (Fragmenten > Synoniemen en plaatsnamen)."""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synoniemgroep


class SynoniemgroepViewSet(SnippetViewSet):
    model = Synoniemgroep
    icon = "search"
    menu_label = "Synoniemen"
    list_display = ["termen", "soort"]
    list_filter = ["soort"]
    search_fields = ["termen"]
    panels = [FieldPanel("soort"), FieldPanel("termen")]


register_snippet(SynoniemgroepViewSet)
