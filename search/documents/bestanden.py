"""Files in a group's library: members of the group only, found by their name, description and
the text of their newest version (extracted as for kennisbank documents)."""

from search.extract import document_text

from . import register
from .base import Adapter, text_of


@register
class GroupFileAdapter(Adapter):
    model = "bestanden.GroupFile"
    type = "bestand"
    # A new version brings new text; a renamed folder changes where its files say they live.
    follows = {
        "bestanden.fileversion": lambda version: [version.groupfile],
        "bestanden.folder": lambda folder: folder.files.all(),
    }

    def queryset(self):
        return super().queryset().select_related("themagroep", "folder")

    def documents(self, groupfile):
        version = groupfile.current
        if version is None:
            return []
        where = groupfile.themagroep.name + (f" › {groupfile.folder.name}" if groupfile.folder else "")
        return [
            self.doc(
                groupfile,
                title=groupfile.name,
                body=text_of([groupfile.description, version.filename, document_text(version)]),
                url=groupfile.get_absolute_url(),
                context=where,
                date=groupfile.updated,
            )
        ]
