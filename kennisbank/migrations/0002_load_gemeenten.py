"""Load the 12 provinces and the current municipalities (CBS, 2025) from kennisbank/data/."""

import csv
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify

DATA = Path(__file__).resolve().parent.parent / "data"


def load(apps, schema_editor):
    Provincie = apps.get_model("kennisbank", "Provincie")
    Gemeente = apps.get_model("kennisbank", "Gemeente")
    by_code = {}
    with open(DATA / "provincies.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            provincie, _ = Provincie.objects.update_or_create(
                code=row["code"], defaults={"name": row["naam"], "slug": slugify(row["naam"])}
            )
            by_code[provincie.code] = provincie
    with open(DATA / "gemeenten.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            Gemeente.objects.update_or_create(
                cbs_code=row["cbs_code"],
                defaults={
                    "name": row["naam"],
                    "slug": slugify(row["naam"]),
                    "provincie": by_code[row["provincie_code"]],
                },
            )


class Migration(migrations.Migration):
    dependencies = [("kennisbank", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
