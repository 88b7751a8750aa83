"""Filter values (country, level, types, persons, organisations) as tags in the engine,
so filters are applied with the words instead of by checking lists of ids afterwards."""

from django.db import migrations

CHUNK = 2000


def add_tags(apps, schema_editor):
    from unionwatch.search.backends import get_backend
    from unionwatch.search.index import entry_tags

    backend = get_backend(schema_editor.connection)
    backend.add_tags_column(schema_editor)
    SearchEntry = apps.get_model("search", "SearchEntry")
    SearchFacet = apps.get_model("search", "SearchFacet")
    last = -1
    while True:
        entries = list(SearchEntry.objects.filter(pk__gt=last).order_by("pk")
                       .values_list("pk", "country", "confidentiality")[:CHUNK])
        if not entries:
            return
        facets: dict[int, list[tuple[str, str]]] = {}
        for entry_id, kind, value in SearchFacet.objects.filter(
                entry_id__in=[pk for pk, _, _ in entries]).values_list("entry_id", "kind", "value"):
            facets.setdefault(entry_id, []).append((kind, value))
        backend.retag([(pk, entry_tags(country, level, facets.get(pk, [])))
                       for pk, country, level in entries])
        last = entries[-1][0]


class Migration(migrations.Migration):
    dependencies = [("search", "0004_fts_date_keys")]

    operations = [migrations.RunPython(add_tags, migrations.RunPython.noop)]
