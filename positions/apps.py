from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class PositionsConfig(AppConfig):
    name = "positions"
    verbose_name = "Positions"

    def ready(self):
        from positions.editorial.roles import ensure_editorial_groups
        from positions.editorial.stance_cells import position_deleted, position_saved
        from positions.models import Position

        post_migrate.connect(ensure_editorial_groups, sender=self)
        # Stance cells follow every saved or deleted position, whichever code wrote it.
        post_save.connect(position_saved, sender=Position)
        post_delete.connect(position_deleted, sender=Position)
