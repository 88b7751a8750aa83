# Evidence sentences and values quote documents (restricted ones included): from here on
# they are encrypted at rest. The data step seals rows written before this migration.

from django.db import migrations

import unionwatch.documents.crypto
from unionwatch.documents.crypto import open_str, seal_str

CHUNK = 2000


def _convert(apps, schema_editor, transform):
    table = apps.get_model("facts", "Evidence")._meta.db_table
    connection = schema_editor.connection
    last = 0
    while True:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, sentence, value FROM {table} WHERE id > %s ORDER BY id LIMIT %s",
                [last, CHUNK])
            rows = cursor.fetchall()
            if not rows:
                return
            cursor.executemany(
                f"UPDATE {table} SET sentence = %s, value = %s WHERE id = %s",
                [(transform(open_str(s or "")), transform(open_str(v or "")), pk)
                 for pk, s, v in rows])
        last = rows[-1][0]


def seal(apps, schema_editor):
    _convert(apps, schema_editor, seal_str)


def unseal(apps, schema_editor):
    _convert(apps, schema_editor, lambda text: text)


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
        migrations.RunPython(seal, unseal),
    ]
