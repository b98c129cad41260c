from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PositionsConfig(AppConfig):
    name = "positions"
    verbose_name = "Positions"

    def ready(self):
        from positions.editorial.roles import ensure_editorial_groups

        post_migrate.connect(ensure_editorial_groups, sender=self)
