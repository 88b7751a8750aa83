"""FTS5 rows keyed by (date, document id) instead of the document id (see
search.backends.date_key): the engine returns matches newest first."""

from django.db import migrations


def rekey(apps, schema_editor):
    from unionwatch.search.backends import get_backend

    get_backend(schema_editor.connection).rekey(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_namekey")]

    operations = [migrations.RunPython(rekey, migrations.RunPython.noop)]
