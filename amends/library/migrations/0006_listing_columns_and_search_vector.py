"""The library at scale: stored card text, the index it is read in, and PostgreSQL's
stored search vector.

Existing statements get their title and excerpt here, computed the way do_publish
computes them for new ones.
"""

from django.db import migrations, models

BATCH = 500


def fill_cards(apps, schema_editor):
    from amends.library.cards import excerpt_of, title_of

    Publication = apps.get_model("library", "Publication")
    rows = Publication._base_manager.only("id", "what_i_did").order_by("id")
    batch = []
    for publication in rows.iterator(chunk_size=BATCH):
        publication.title = title_of(publication.what_i_did)
        publication.excerpt = excerpt_of(publication.what_i_did)
        batch.append(publication)
        if len(batch) >= BATCH:
            Publication._base_manager.bulk_update(batch, ["title", "excerpt"])
            batch = []
    if batch:
        Publication._base_manager.bulk_update(batch, ["title", "excerpt"])


# A stored, generated column: PostgreSQL keeps it in step with search_document, and
# the GIN index over it lets ts_rank read vectors instead of re-parsing the text.
VECTOR = "to_tsvector('english'::regconfig, COALESCE(search_document, ''))"
FORWARD = [
    "DROP INDEX IF EXISTS library_publication_search",
    f"ALTER TABLE library_publication ADD COLUMN search_vector tsvector "
    f"GENERATED ALWAYS AS ({VECTOR}) STORED",
    "CREATE INDEX library_publication_search_vector ON library_publication "
    "USING GIN (search_vector)",
]
BACKWARD = [
    "ALTER TABLE library_publication DROP COLUMN IF EXISTS search_vector",
    f"CREATE INDEX library_publication_search ON library_publication USING GIN ({VECTOR})",
]


def on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


CARD_FIELDS = {"title": 200, "excerpt": 300}


class Migration(migrations.Migration):
    dependencies = [("library", "0005_publication_known_impact")]

    operations = [
        *(
            migrations.AddField("publication", name, models.CharField(default="", max_length=n))
            for name, n in CARD_FIELDS.items()
        ),
        migrations.AddIndex(
            model_name="publication",
            index=models.Index(
                models.F("published_month").desc(),
                models.F("id").desc(),
                condition=models.Q(hidden=False),
                name="library_listed_order",
            ),
        ),
        migrations.RunPython(fill_cards, migrations.RunPython.noop),
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD)),
    ]
