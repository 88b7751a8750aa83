"""The engine-specific part of the index: an FTS5 table on SQLite, a GIN index on PostgreSQL."""

from django.db import migrations


def create(apps, schema_editor):
    from unionwatch.search.backends import get_backend

    get_backend(schema_editor.connection).create_schema(schema_editor)


def drop(apps, schema_editor):
    from unionwatch.search.backends import get_backend

    get_backend(schema_editor.connection).drop_schema(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
