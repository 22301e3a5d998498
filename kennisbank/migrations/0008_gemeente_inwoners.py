"""Population per gemeente (column ``inwoners`` of kennisbank/data/gemeenten.csv).

Approximately the CBS figures of 1 January 2024, rounded to thousands (hundreds below 10,000),
filled in only where the size class is certain; empty means unknown (see docs/NOTES.md).
"""

import csv
from pathlib import Path

from django.db import migrations, models

DATA = Path(__file__).resolve().parent.parent / "data"


def load_inwoners(apps, schema_editor):
    Gemeente = apps.get_model("kennisbank", "Gemeente")
    with open(DATA / "gemeenten.csv", encoding="utf-8") as handle:
        figures = {row["cbs_code"]: int(row["inwoners"]) if row["inwoners"] else None for row in csv.DictReader(handle)}
    gemeenten = list(Gemeente.objects.filter(cbs_code__in=figures))
    for gemeente in gemeenten:
        gemeente.inwoners = figures[gemeente.cbs_code]
    Gemeente.objects.bulk_update(gemeenten, ["inwoners"])


class Migration(migrations.Migration):
    dependencies = [("kennisbank", "0007_review_lifecycle")]
    operations = [
        migrations.AddField(
            model_name="gemeente",
            name="inwoners",
            field=models.PositiveIntegerField(
                blank=True,
                help_text="Volgens het CBS op 1 januari 2024, afgerond; leeg als onbekend.",
                null=True,
                verbose_name="inwoners",
            ),
        ),
        migrations.RunPython(load_inwoners, migrations.RunPython.noop),
    ]
