"""AVG for the group library (protocol: accounts/privacy.py).

Files and folders stay after an account is deleted: the group relies on them, and they show
"Verwijderd lid" as their uploader from then on. The export lists what the member uploaded.
"""

from themagroepen.bestanden.models import FileVersion, Folder


def export_user_data(user) -> dict:
    versions = FileVersion.objects.filter(uploader=user).select_related("groupfile__themagroep")
    return {
        "geuploade_bestanden": [
            {
                "themagroep": v.groupfile.themagroep.name,
                "bestand": v.groupfile.name,
                "versie": v.number,
                "bestandsnaam": v.filename,
                "grootte": v.size,
                "geupload_op": v.created.isoformat(),
            }
            for v in versions.order_by("created", "pk")
        ],
        "aangemaakte_mappen": [
            {"themagroep": f.themagroep.name, "naam": f.name, "aangemaakt_op": f.created.isoformat()}
            for f in Folder.objects.filter(created_by=user).select_related("themagroep").order_by("created", "pk")
        ],
    }
