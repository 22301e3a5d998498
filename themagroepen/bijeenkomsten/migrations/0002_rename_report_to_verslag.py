from django.db import migrations


class Migration(migrations.Migration):
    """A meeting's write-up is its verslag; "report" is an abuse report (discussies.Report)."""

    dependencies = [("bijeenkomsten", "0001_initial")]

    operations = [
        migrations.RenameField(model_name="occurrence", old_name="report", new_name="verslag"),
        migrations.RenameField(model_name="occurrence", old_name="report_html", new_name="verslag_html"),
    ]
