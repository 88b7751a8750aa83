# Evidence sentences and values quote documents (restricted ones included): from here on
# they are encrypted at rest. The data step seals rows written before this migration.

from django.db import migrations

import unionwatch.documents.crypto
from unionwatch.documents.crypto import rewrite_columns, seal_legacy, unseal


def seal(apps, schema_editor):
    table = apps.get_model("facts", "Evidence")._meta.db_table
    rewrite_columns(schema_editor.connection, table, ["sentence", "value"], seal_legacy)


def unseal_all(apps, schema_editor):
    table = apps.get_model("facts", "Evidence")._meta.db_table
    rewrite_columns(schema_editor.connection, table, ["sentence", "value"], unseal)


class Migration(migrations.Migration):

    dependencies = [
        ('facts', '0003_review_marks'),
    ]

    operations = [
        migrations.AlterField(
            model_name='evidence',
            name='sentence',
            field=unionwatch.documents.crypto.SealedTextField(blank=True),
        ),
        migrations.AlterField(
            model_name='evidence',
            name='value',
            field=unionwatch.documents.crypto.SealedTextField(blank=True, help_text='The value as written here.'),
        ),
        migrations.RunPython(seal, unseal_all),
    ]
