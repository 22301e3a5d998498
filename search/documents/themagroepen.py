"""Themagroepen: name, short description and public introduction (hidden groups: members only)."""

from . import register
from .base import Adapter, plain_text, text_of


@register
class ThemagroepAdapter(Adapter):
    model = "themagroepen.Themagroep"
    type = "themagroep"

    def documents(self, groep):
        intro = plain_text(groep.introduction_html) if groep.introduction_html else groep.introduction
        return [
            self.doc(
                groep,
                title=groep.name,
                body=text_of([groep.description, intro]),
                url=groep.get_absolute_url(),
                date=groep.created_at,
            )
        ]
