"""The one door to the notification service (themagroepen.notificaties)."""


def notify_members(recipients, *, kind, title, url, themagroep=None, actor=None, subject=None):
    # Imported late: the notificaties app is loaded after this one.
    from themagroepen.notificaties.services import notify

    notify(list(recipients), kind=kind, title=title, url=url, themagroep=themagroep, actor=actor, subject=subject)
