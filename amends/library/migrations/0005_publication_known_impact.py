from django.db import migrations


class Migration(migrations.Migration):
    """The section about what the harm did is known_impact, apart from impact statements."""

    dependencies = [
        ("library", "0004_publication_hidden"),
    ]

    operations = [
        migrations.RenameField(
            model_name="publication",
            old_name="impact",
            new_name="known_impact",
        ),
    ]
