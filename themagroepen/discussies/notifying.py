"""The one door to the notification service (themagroepen.notificaties)."""


def notify_members(recipients, *, kind, title, url, themagroep=None, actor=None, subject=None) -> int:
    # Imported late: the notificaties app is loaded after this one.
    from themagroepen.notificaties.services import notify

    notified = notify(
        list(recipients), kind=kind, title=title, url=url, themagroep=themagroep, actor=actor, subject=subject
    )
    return len(notified or ())


def has_notified(subject) -> bool:
    from themagroepen.notificaties.services import has_notified

    return has_notified(subject)
