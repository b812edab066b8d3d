"""A second full-text index on SQLite, of the newest listed statements only (search.py
says why: bm25 counts every statement holding each word of a query before it ranks)."""

from django.db import migrations

# search.RECENT_STATEMENTS when this migration was written.
RECENT_STATEMENTS = 5000


def create_recent_index(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    # The same tokenizer as library_search, so that both read a query alike.
    schema_editor.execute(
        "CREATE VIRTUAL TABLE library_search_recent USING fts5("
        "document, tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    schema_editor.execute(
        "INSERT INTO library_search_recent (rowid, document) SELECT id, search_document"
        " FROM library_publication WHERE NOT hidden ORDER BY id DESC LIMIT %s",
        [RECENT_STATEMENTS],
    )


def drop_recent_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS library_search_recent")


class Migration(migrations.Migration):
    dependencies = [("library", "0008_publication_card_tags")]

    operations = [migrations.RunPython(create_recent_index, drop_recent_index)]
