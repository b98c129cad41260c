import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from positions.editorial import evaluation
from positions.editorial.seeding import SeedError

LABELS = {
    "recall": "statements highlighted (recall)",
    "noise": "highlighted sentences holding no position (noise)",
    "speaker_right": "speaker suggested right",
    "speaker_wrong": "speaker wrong but filled in",
    "party_right": "party suggested right",
    "party_wrong": "party wrong but filled in",
    "date_right": "date suggested right",
    "date_wrong": "date wrong but filled in",
    "quote_kept": "quote offered as coded",
    "topic_top3": "right topic in the top 3 (where it exists)",
    "move_right_or_blank": "move right or left blank",
    "move_wrong": "move wrong but filled in",
}


class Command(BaseCommand):
    help = (
        "Measure the extraction against coded articles (JSON files, or folders of them): "
        "recall, noise and per-field accuracy. Runs in a transaction that is rolled back."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="Article files or folders.")
        parser.add_argument(
            "--record",
            action="append",
            type=Path,
            default=[],
            help="A seed-format YAML file with the parties, people, roles and topics the "
            "articles refer to, loaded (with seeds/) inside the rolled-back transaction.",
        )
        parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
        parser.add_argument(
            "--baseline",
            type=Path,
            help="A baseline file: fail (exit status 1) if any figure is worse than it records.",
        )
        parser.add_argument(
            "--write-baseline", type=Path, help="Record this run's figures in a baseline file."
        )
        parser.add_argument(
            "--details", action="store_true", help="List every position not fully right."
        )

    def handle(self, *args, paths, record, json: bool, details: bool, **options):
        baseline_path, write_path = options["baseline"], options["write_baseline"]
        for path in [*paths, *record, *([baseline_path] if baseline_path else [])]:
            if not path.exists():
                raise CommandError(f"{path}: no such file or folder")
        try:
            articles = [evaluation.load_article(p) for p in evaluation.article_paths(paths)]
            if not articles:
                raise CommandError("No article files found.")
            report = evaluation.evaluate(articles, record=record)
            baseline = evaluation.read_baseline(baseline_path) if baseline_path else {}
        except (evaluation.EvaluationError, SeedError) as error:
            raise CommandError(str(error)) from error
        if json:
            self.stdout.write(_dumps(report.as_dict()))
        else:
            self._print(report, details=details)
        if write_path:
            evaluation.write_baseline(write_path, report)
            self.stderr.write(f"Figures recorded in {write_path}.")
        if worse := evaluation.worse_than(report.total.figures(), baseline):
            described = ", ".join(
                f"{name} {now:.1%} (baseline {then:.1%})" for name, (now, then) in worse.items()
            )
            raise CommandError(f"Worse than the baseline: {described}")

    def _print(self, report, *, details: bool) -> None:
        figures = report.total.figures()
        self.stdout.write(
            f"{len(report.articles)} articles, {report.total.total} coded positions, "
            f"{report.total.highlighted} sentences highlighted\n"
        )
        for name, label in LABELS.items():
            self.stdout.write(f"  {label:<52} {figures[name]:>7.1%}")
        self.stdout.write("\nBy field (right / blank / wrong but filled in):")
        for name, counts in report.total.counts.items():
            self.stdout.write(
                f"  {name:<8} {counts['right']:>4} / {counts['blank']:>4} / {counts['wrong']:>4}"
            )
        self.stdout.write("\nOffered as possible, field left blank (right / wrong):")
        for name, counts in report.total.offers.items():
            self.stdout.write(f"  {name:<8} {counts['right']:>4} / {counts['wrong']:>4}")
        self.stdout.write("\nBy article (recall, noise, speaker, party, date, quote):")
        for article, verdicts in report.articles:
            f = verdicts.figures()
            self.stdout.write(
                f"  {article.path.name:<52} "
                + " ".join(
                    f"{f[n]:>5.0%}"
                    for n in ("recall", "noise", "speaker_right", "party_right", "date_right")
                )
                + f" {f['quote_kept']:>5.0%}"
            )
        if details:
            self.stdout.write(
                "\nEvery suggestion by the kind of its evidence (field, kind, verdict):"
            )
            for (name, kind, verdict), count in sorted(report.total.kinds.items()):
                self.stdout.write(f"  {name:<8} {kind:<40} {verdict:<6} {count:>4}")
            self.stdout.write("\nNot fully right:")
            for row in report.total.details:
                wrong = {k: v for k, v in row["verdicts"].items() if v != "right"}
                if wrong:
                    self.stdout.write(
                        f"- {row['file']}: “{row['quote'][:70]}”\n"
                        f"    {wrong}\n    expected {row['expected']}\n"
                        f"    suggested {row['suggested']}"
                    )


def _dumps(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
