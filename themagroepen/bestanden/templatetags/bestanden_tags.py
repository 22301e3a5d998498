from django import template

from kennisplatform import access
from themagroepen.bestanden.models import GroupFile

register = template.Library()


@register.simple_tag
def recent_files(themagroep, user, limit=5):
    """The files of the group's library this person may read, most recently changed first."""
    files = access.filter_readable(GroupFile.objects.filter(themagroep=themagroep), user)
    return list(files.select_related("themagroep").order_by("-updated", "-pk")[:limit])
