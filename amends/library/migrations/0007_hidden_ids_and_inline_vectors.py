from importlib import import_module

from django.db import migrations, models

# Keep each statement's search vector in its row (compressed), not out of line.
# Every @@ test and every ts_rank read a vector of about 1.3 KB from the TOAST table,
# three page reads per statement tested; inline it is one. The sections and the
# search document, which a search never reads, still move out of line first. A
# vector too large for the row still goes out of line, so nothing is refused.
# Existing rows are rewritten so that their vectors move in (an UPDATE of the
# document regenerates the column; the text is unchanged). The rewrite leaves a dead
# copy of every row behind until VACUUM: on a large library, run VACUUM FULL ANALYZE
# library_publication after migrating (docs/configuration.md), or the planner, seeing
# a table twice its size, may stop walking the listed-order index for tag filters.
FORWARD = [
    "ALTER TABLE library_publication ALTER COLUMN search_vector SET STORAGE MAIN",
    "UPDATE library_publication SET search_document = search_document || ''",
]
BACKWARD = ["ALTER TABLE library_publication ALTER COLUMN search_vector SET STORAGE EXTENDED"]


# The same PostgreSQL-only runner the search vector was added with.
on_postgresql = import_module(
    "amends.library.migrations.0006_listing_columns_and_search_vector"
).on_postgresql

class Migration(migrations.Migration):
    dependencies = [("library", "0006_listing_columns_and_search_vector")]

    operations = [
        migrations.AddIndex(
            model_name="publication",
            index=models.Index(
                fields=["id"], name="library_hidden_ids", condition=models.Q(hidden=True)
            ),
        ),
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD)),
    ]
