from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("library", "0003_withdrawals")]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="hidden",
            field=models.BooleanField(default=False),
        ),
    ]
