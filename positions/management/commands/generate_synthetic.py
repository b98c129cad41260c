import time

from django.core.management.base import BaseCommand, CommandError

from positions.editorial.synthetic import SyntheticDataRefused, generate


class Command(BaseCommand):
    help = (
        "Fill a scratch database with SYNTHETIC benchmark data (~40 parties, ~200 topics, "
        "~2,000 speakers, N positions over ten years). Every row is labelled synthetic."
    )

    def add_arguments(self, parser):
        parser.add_argument("--positions", type=int, required=True, help="How many positions.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--allow-real-data",
            action="store_true",
            help="Write synthetic rows even though the database holds real data.",
        )

    def handle(self, *args, positions, seed, allow_real_data, **options):
        if positions < 1:
            raise CommandError("--positions must be at least 1.")
        started = time.perf_counter()
        try:
            report = generate(positions=positions, seed=seed, allow_real_data=allow_real_data)
        except SyntheticDataRefused as error:
            raise CommandError(str(error)) from error
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Synthetic data written in {elapsed:.1f} s: {report.positions} positions, "
                f"{report.sources} sources, {report.parties} parties, {report.topics} topics, "
                f"{report.people} speakers."
            )
        )
