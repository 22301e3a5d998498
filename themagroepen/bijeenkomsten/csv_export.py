"""Participants as CSV for beheerders, safe to open in a spreadsheet.

Cells that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) get a
leading apostrophe, so a remark like ``=HYPERLINK(...)`` stays text (CSV injection).
"""

import csv
import io

from kennisplatform.tz import AMSTERDAM
from themagroepen.bijeenkomsten.models import RegistrationStatus

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADER = ["Naam", "E-mailadres", "Status", "Positie wachtlijst", "Opmerking", "Ingeschreven op"]


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def participants_csv(occurrence) -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # so Excel reads UTF-8 (names with ë, ï)
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    registrations = occurrence.registrations.exclude(status=RegistrationStatus.CANCELLED).select_related("user")
    position = 0
    for registration in sorted(
        registrations, key=lambda r: (r.status != RegistrationStatus.CONFIRMED, r.registered_at, r.pk)
    ):
        user = registration.user
        waiting = registration.status == RegistrationStatus.WAITING
        position += waiting
        writer.writerow(
            [
                safe_cell(user.get_full_name() or user.email),
                safe_cell(user.email),
                registration.get_status_display(),
                position if waiting else "",
                safe_cell(registration.remark),
                registration.registered_at.astimezone(AMSTERDAM).strftime("%d-%m-%Y %H:%M"),
            ]
        )
    return buffer.getvalue()
