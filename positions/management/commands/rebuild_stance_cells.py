"""Recompute what is derived from the positions, e.g. after rows were loaded with SQL."""

from django.core.management.base import BaseCommand

from positions.editorial.stance_cells import rebuild_cells
from positions.models import Position


class Command(BaseCommand):
    help = (
        "Recompute the parties × topics stance cells (latest published position and counts) "
        "and the desk's orphaned-quote marks from the positions. Saves through the desk, the "
        "API and the dataset import keep them in step already; run this after loading "
        "positions behind Standpoint's back."
    )

    def handle(self, *args, **options):
        cells = rebuild_cells()
        self.stdout.write(f"{cells} stance cells rebuilt.")
        marks = Position.objects.refresh_orphaned_quotes()
        self.stdout.write(f"{marks} orphaned-quote marks corrected.")
