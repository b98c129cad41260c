from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from positions.editorial.seeding import SeedError, load_seed_files


class Command(BaseCommand):
    help = "Load the seed files (seeds/*.yaml). Idempotent: existing rows are left alone."

    def add_arguments(self, parser):
        parser.add_argument(
            "paths",
            nargs="*",
            type=Path,
            help="Seed files to load (default: every .yaml file in seeds/).",
        )

    def handle(self, *args, paths, **options):
        paths = paths or sorted((Path(settings.BASE_DIR) / "seeds").glob("*.yaml"))
        if not paths:
            raise CommandError("No seed files found in seeds/.")
        for path in paths:
            if not path.is_file():
                raise CommandError(f"{path}: no such seed file")
        try:
            report = load_seed_files(paths)
        except SeedError as error:
            raise CommandError(f"{error} (nothing was loaded)") from error
        self.stdout.write(self.style.SUCCESS(f"Seeds loaded. {report}"))
