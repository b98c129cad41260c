"""The extraction measured on the evaluation set: figures never fall below the baseline."""

import json

import pytest
from django.core.management import CommandError, call_command

from positions.editorial import evaluation
from positions.models import Party, Position, Source
from tests.conftest import REPO_ROOT

EVAL_SET = REPO_ROOT / "tests" / "fixtures" / "extraction"
ARTICLES = EVAL_SET / "articles"
HELD_OUT = EVAL_SET / "held-out"
RECORD = EVAL_SET / "record.yaml"
BASELINE = EVAL_SET / "baseline.json"


def test_the_evaluation_set_is_constructed_news_but_for_the_seed_article():
    files = sorted(ARTICLES.glob("*.json"))
    constructed = [
        f
        for f in files
        if "Constructed test text" in json.loads(f.read_text()).get("constructed", "")
    ]
    assert len(constructed) >= 15
    assert {f.name for f in files} - {f.name for f in constructed} == {
        "seed-xinhua-grushko-2025-03-17.json"
    }


@pytest.mark.django_db(transaction=False)
def test_no_figure_of_the_evaluation_set_falls_below_its_baseline():
    articles = [evaluation.load_article(p) for p in evaluation.article_paths([ARTICLES])]
    report = evaluation.evaluate(articles, record=[RECORD])
    figures = report.total.figures()
    assert evaluation.worse_than(figures, evaluation.read_baseline(BASELINE)) == {}
    # Nothing of the evaluation stays behind in the record.
    assert not Source.objects.exists() and not Position.objects.exists()
    assert not Party.objects.exists()


@pytest.mark.django_db(transaction=False)
def test_held_out_articles_get_no_more_wrong_speakers_parties_or_dates_than_measured():
    # Articles the rules were not written from: a wrong prefilled field costs more than a
    # blank one, so these rates may only fall (figures as measured, README "Extraction accuracy").
    articles = [evaluation.load_article(p) for p in evaluation.article_paths([HELD_OUT])]
    assert len(articles) == 164
    figures = evaluation.evaluate(articles, record=[RECORD]).total.figures()
    assert figures["speaker_wrong"] == 0.0
    assert figures["party_wrong"] == 0.0
    assert figures["date_wrong"] == 0.0


def test_eval_command_prints_figures_as_json(db, capsys):
    call_command(
        "eval_extraction",
        str(ARTICLES / "seed-xinhua-grushko-2025-03-17.json"),
        "--record",
        str(RECORD),
        "--json",
    )
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["articles"] == 1
    assert data["total"]["positions"] == 9
    assert set(data["counts"]["speaker"]) <= {"right", "blank", "wrong"}
    assert 0 <= data["total"]["recall"] <= 1


def test_eval_command_refuses_an_article_whose_quote_is_not_in_its_text(db, tmp_path):
    article = tmp_path / "bad.json"
    article.write_text(
        json.dumps(
            {
                "published": "2025-03-17",
                "text": "Russia said nothing.",
                "positions": [
                    {"party": "russia", "speaker": "", "quote": "We agree", "stated_on": None}
                ],
            }
        )
    )
    with pytest.raises(CommandError, match="bad.json: quote not in the text: 'We agree'"):
        call_command("eval_extraction", str(article))


def test_eval_command_fails_when_a_figure_is_worse_than_the_baseline(db, tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"figures": {"recall": 1.0, "noise": 0.0}}))
    article = _weather_report(tmp_path, coded="The weather was fine")
    with pytest.raises(
        CommandError,
        match=r"Worse than the baseline: recall 0\.0% \(baseline 100\.0%\), noise 100\.0%",
    ):
        call_command("eval_extraction", str(article), "--baseline", str(baseline))


def test_eval_command_lists_the_highlighted_sentences_that_hold_no_recorded_position(
    db, tmp_path, capsys
):
    article = _weather_report(tmp_path, coded="fine")
    call_command("eval_extraction", str(article), "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["noise"] == [
        {"file": "one.json", "sentence": "Ukraine will never give up Crimea, he said."}
    ]


def _weather_report(tmp_path, coded: str):
    """A two-sentence article whose coded position is ``coded``, in the first sentence: the
    second, a statement, holds none."""
    article = tmp_path / "one.json"
    article.write_text(
        json.dumps(
            {
                "published": "2025-03-17",
                "text": "The weather was fine. Ukraine will never give up Crimea, he said.",
                "positions": [
                    {"party": "ukraine", "speaker": "", "quote": coded, "stated_on": None}
                ],
            }
        )
    )
    return article
