from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "unionwatch.search"
    label = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from unionwatch.facts.models import Organization, Person, Place

        for model in (Person, Organization, Place):
            post_save.connect(_names_saved, sender=model, dispatch_uid=f"namekeys-save-{model.__name__}")
            post_delete.connect(_entity_deleted, sender=model,
                                dispatch_uid=f"namekeys-delete-{model.__name__}")


def _names_saved(sender, instance, created, update_fields=None, raw=False, **_kwargs) -> None:
    # Resolution finds candidates through these keys (facts/keys.py): keep them current.
    if raw or (update_fields is not None and not {"name", "aliases"} & set(update_fields)):
        return
    from unionwatch.facts.keys import refresh

    refresh(instance)


def _entity_deleted(sender, instance, **_kwargs) -> None:
    from unionwatch.facts.keys import forget

    forget(instance)
