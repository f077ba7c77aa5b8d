"""Full-text search infrastructure, per database vendor.

PostgreSQL: the unaccent extension, three text-search configurations that fold accents before
stemming (belvedere_fr, belvedere_en, belvedere_simple), a GIN index on the post vectors.
SQLite: an FTS5 table (rowid = post id) with the unicode61 tokenizer folding diacritics and the
Porter stemmer.
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

PG_CONFIGS = {
    "belvedere_fr": ("french", "french_stem"),
    "belvedere_en": ("english", "english_stem"),
    "belvedere_simple": ("simple", "simple"),
}
FTS5 = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS forum_post_fts USING fts5("
    "title, body, tokenize = 'porter unicode61 remove_diacritics 2')"
)


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for name, (parent, stem) in PG_CONFIGS.items():
            schema_editor.execute(
                f"DO $$ BEGIN CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{parent}); "
                "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
            )
            schema_editor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR "
                f"hword, hword_part, word WITH unaccent, {stem}"
            )
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS forum_postsearch_vector_gin "
            "ON forum_postsearch USING gin (vector)"
        )
    elif vendor == "sqlite":
        schema_editor.execute(FTS5)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS forum_postsearch_vector_gin")
        for name in PG_CONFIGS:
            schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
    elif vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS forum_post_fts")


class Migration(migrations.Migration):
    dependencies = [("forum", "0002_tracking")]

    operations = [
        UnaccentExtension(),
        migrations.RunPython(forwards, backwards),
    ]
