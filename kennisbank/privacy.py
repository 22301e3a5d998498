"""AVG for the redactie's weekly review e-mails (protocol: accounts/privacy.py).

The checks an editor recorded stay in Wagtail's page history like their other edits."""

from kennisbank.review_mail import ReviewMail


def export_user_data(user) -> dict:
    return {
        "controlemails": [
            {
                "week": mail.week,
                "aantal_paginas": mail.page_count,
                "verstuurd_op": mail.sent_at.isoformat() if mail.sent_at else None,
            }
            for mail in ReviewMail.objects.filter(user=user).order_by("week")
        ]
    }


def anonymise_user(user) -> None:
    ReviewMail.objects.filter(user=user).delete()
