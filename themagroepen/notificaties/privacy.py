"""AVG for notifications and the e-mail preference (protocol: accounts/privacy.py).

The export names only what the member may still read: a notification about a topic that was
hidden since, or a group they left, is listed without its title (that would be the leak)."""

from themagroepen.notificaties.models import EmailPreference, Notification
from themagroepen.notificaties.services import visible_notifications


def export_user_data(user) -> dict:
    visible = set(visible_notifications(user).values_list("pk", flat=True))
    preference = EmailPreference.objects.filter(user=user).first()
    return {
        "meldingen": [
            {
                "soort": n.kind,
                "titel": n.title if n.pk in visible else None,
                "aangemaakt_op": n.created.isoformat(),
                "gelezen_op": n.read_at.isoformat() if n.read_at else None,
                "per_e_mail_verstuurd_op": n.emailed_at.isoformat() if n.emailed_at else None,
            }
            for n in Notification.objects.filter(recipient=user).order_by("created")
        ],
        "e_mailvoorkeur": preference.get_frequency_display() if preference else None,
    }


def anonymise_user(user) -> None:
    Notification.objects.filter(recipient=user).delete()
    EmailPreference.objects.filter(user=user).delete()
