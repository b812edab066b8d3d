"""Create the full-text index for this database.

The tag vocabulary is not seeded here: LibraryConfig.ready() syncs it after every migrate.
"""

from django.db import migrations


def create_search_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        # Porter stemming so that "pressured" finds "pressure"; remove_diacritics so
        # that a reader's "naive" finds "naïve".
        schema_editor.execute(
            "CREATE VIRTUAL TABLE library_search USING fts5("
            "document, tokenize = 'porter unicode61 remove_diacritics 2')"
        )
    elif vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX library_publication_search ON library_publication "
            "USING GIN (to_tsvector('english'::regconfig, COALESCE(search_document, '')))"
        )


def drop_search_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS library_search")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS library_publication_search")


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]

    operations = [
        migrations.RunPython(create_search_index, drop_search_index),
    ]
