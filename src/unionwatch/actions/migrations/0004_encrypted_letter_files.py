# Letter files are encrypted at rest from here on; the data step seals files already stored.

from pathlib import Path

from django.db import migrations, models

import unionwatch.documents.crypto
from unionwatch.documents.crypto import EncryptionKeyError, decrypt, document_storage, encrypt


def seal_files(apps, schema_editor):
    Intervention = apps.get_model("actions", "Intervention")
    storage = document_storage()
    for name in Intervention.objects.exclude(file="").values_list("file", flat=True):
        path = Path(storage.path(name))
        if not path.exists():
            continue
        data = path.read_bytes()
        try:
            decrypt(data)
            continue  # already sealed (a rerun)
        except EncryptionKeyError:
            pass
        path.write_bytes(encrypt(data))


class Migration(migrations.Migration):

    dependencies = [
        ('actions', '0003_intervention_replies'),
    ]

    operations = [
        migrations.AlterField(
            model_name='intervention',
            name='file',
            field=models.FileField(blank=True, storage=unionwatch.documents.crypto.document_storage, upload_to='interventions/%Y/'),
        ),
        migrations.RunPython(seal_files, migrations.RunPython.noop),
    ]
