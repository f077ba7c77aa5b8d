"""Full-text search over every mention: the folded words of each one, and their index
(PostgreSQL: a GIN expression index; SQLite: an FTS5 table kept by triggers)."""

from django.db import migrations, models

from belvedere.listening.search import drop_index, ensure_index, search_text

BATCH = 2000


def fill(apps, schema_editor):
    Mention = apps.get_model("listening", "Mention")
    rows = Mention.objects.order_by("pk").only("pk", "title", "text")
    last = 0
    while batch := list(rows.filter(pk__gt=last)[:BATCH]):
        for mention in batch:
            mention.search_text = search_text(mention.title, mention.text)
        Mention.objects.bulk_update(batch, ["search_text"])
        last = batch[-1].pk


def create_index(apps, schema_editor):
    ensure_index(schema_editor.connection, rebuild=True)


def remove_index(apps, schema_editor):
    drop_index(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("listening", "0002_insights")]

    operations = [
        migrations.AddField(
            model_name="mention",
            name="search_text",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(create_index, remove_index),
    ]
