from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from positions.editorial.dataset import DatasetError, import_dataset


class Command(BaseCommand):
    help = "Restore a dataset release into an empty database, after checking its checksums."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="A directory made by export_dataset.")

    def handle(self, *args, directory, **options):
        try:
            counts = import_dataset(directory)
        except DatasetError as error:
            raise CommandError(str(error)) from None
        listing = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(f"Imported {listing} from {directory}.")
