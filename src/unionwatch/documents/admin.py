from django.contrib import admin

from unionwatch.documents.models import Document


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("title", "date", "kind", "country", "language", "confidentiality", "ingested_at")
    list_filter = ("kind", "confidentiality", "language", "country")
    search_fields = ("sha256",)  # title and file name are encrypted: no lookups on them
    readonly_fields = ("sha256", "ingested_at", "extraction")
