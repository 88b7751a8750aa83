"""Violation types denormalised on the search entry (facet counts read one row each)."""

from django.db import migrations, models

CHUNK = 2000


def fill(apps, schema_editor):
    SearchEntry = apps.get_model("search", "SearchEntry")
    SearchFacet = apps.get_model("search", "SearchFacet")
    last = -1
    while True:
        ids = list(SearchEntry.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:CHUNK])
        if not ids:
            return
        types: dict[int, set[str]] = {}
        facets = SearchFacet.objects.filter(entry_id__in=ids, kind="type")
        for entry_id, value in facets.values_list("entry_id", "value"):
            types.setdefault(entry_id, set()).add(value)
        rows = [SearchEntry(pk=pk, types=" ".join(sorted(values))[:1000]) for pk, values in types.items()]
        SearchEntry.objects.bulk_update(rows, ["types"], batch_size=500)
        last = ids[-1]


class Migration(migrations.Migration):
    dependencies = [("search", "0005_fts_tags")]

    operations = [
        migrations.AddField("searchentry", "types", models.CharField(blank=True, default="", max_length=1000)),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
