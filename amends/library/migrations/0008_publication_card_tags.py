"""A card's tags, stored with the row; existing statements get theirs from the tags table."""

from django.db import migrations, models


def fill_card_tags(apps, schema_editor):
    Publication = apps.get_model("library", "Publication")
    Through = Publication.tags.through
    # Ordered by the Tag table's group and label, as cards.card_tags orders them.
    rows = Through.objects.order_by("publication_id", "tag__group", "tag__label")
    slugs: dict[int, list[str]] = {}
    for publication_id, slug in rows.values_list("publication_id", "tag__slug").iterator():
        slugs.setdefault(publication_id, []).append(slug)
    batch = []
    for publication in Publication._base_manager.filter(pk__in=slugs).only("id").iterator():
        publication.card_tags = " ".join(slugs[publication.pk])
        batch.append(publication)
        if len(batch) == 1000:
            Publication._base_manager.bulk_update(batch, ["card_tags"])
            batch = []
    if batch:
        Publication._base_manager.bulk_update(batch, ["card_tags"])


class Migration(migrations.Migration):
    dependencies = [("library", "0007_hidden_ids_and_inline_vectors")]

    operations = [
        migrations.AddField(
            "publication", "card_tags", models.CharField(default="", max_length=400)
        ),
        migrations.RunPython(fill_card_tags, migrations.RunPython.noop),
    ]
