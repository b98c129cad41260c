"""Recompute every stance cell from the positions, e.g. after rows were loaded with SQL."""

from django.core.management.base import BaseCommand

from positions.stance_cells import rebuild_cells


class Command(BaseCommand):
    help = (
        "Recompute the parties × topics stance cells (latest published position and counts) "
        "from the positions. Saves through the desk, the API and the dataset import keep them "
        "in step already; run this after loading positions behind Standpoint's back."
    )

    def handle(self, *args, **options):
        cells = rebuild_cells()
        self.stdout.write(f"{cells} stance cells rebuilt.")
