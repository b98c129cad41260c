import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from positions.editorial.dataset import DatasetError, export_dataset


class Command(BaseCommand):
    help = "Write a citable release of the public record (JSON, CSV, manifest with checksums)."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="A new or empty directory.")
        parser.add_argument("--release", help="Release name, e.g. 2026.1 (default: the date).")
        parser.add_argument(
            "--release-date",
            type=datetime.date.fromisoformat,
            help="YYYY-MM-DD (default: today).",
        )
        parser.add_argument("--publisher", default="Standpoint contributors")
        parser.add_argument("--url", default="", help="Where the release is published.")

    def handle(self, *args, directory, release, release_date, publisher, url, **options):
        try:
            manifest = export_dataset(
                directory,
                release=release,
                release_date=release_date,
                publisher=publisher,
                url=url,
            )
        except DatasetError as error:
            raise CommandError(str(error)) from None
        counts = ", ".join(f"{count} {name}" for name, count in manifest["counts"].items())
        self.stdout.write(f"Release {manifest['release']} written to {directory}: {counts}.")
        self.stdout.write(f"Cite as: {manifest['suggested_citation']}")
