import hashlib
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from positions.models import Party, Person, Position, Role, Source, Topic
from positions.models.choices import Stance, Status
from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.django_db

SEED_FILE = REPO_ROOT / "seeds" / "xinhua-2025-03-17-grushko.yaml"
# SHA-256 of the article as Xinhua published it, from which the seed file's text was copied:
# an edit to that text, even of one space, no longer matches.
PUBLISHED_ARTICLE_SHA256 = "be802de60187f4b989ff350fd1086643a8c845f0e6edfd22662b3e885e985ee6"
MODELS = (Party, Person, Role, Topic, Source, Position)


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_seeds_load_the_xinhua_report_and_its_positions(seed_article):
    assert seed_article.outlet == "Xinhua"
    assert seed_article.original.outlet == "Izvestia"
    assert seed_article.published_at.isoformat() == "2025-03-17T02:35:00+00:00"
    assert seed_article.modified_at.isoformat() == "2025-03-17T06:09:00+00:00"
    positions = Position.objects.filter(source=seed_article)
    assert positions.count() >= 7
    assert set(positions.values_list("status", flat=True)) == {Status.PUBLISHED}
    assert set(positions.values_list("speaker__name", flat=True)) == {"Alexander Grushko"}
    assert set(positions.values_list("party__slug", flat=True)) == {"russia"}
    assert positions.get(topic__slug="ukraine-nato-membership").stance == Stance.REJECTS
    assert positions.get(topic__slug="guarantees-for-russia").stance == Stance.SUPPORTS


def seed_file_text(key: str) -> str:
    sources = yaml.safe_load(SEED_FILE.read_text(encoding="utf-8"))["sources"]
    return next(source["text"] for source in sources if source["key"] == key)


def test_seed_text_is_the_article_verbatim(seed_article):
    article = seed_file_text("xinhua-2025-03-17-grushko")
    assert hashlib.sha256(article.encode("utf-8")).hexdigest() == PUBLISHED_ARTICLE_SHA256
    assert seed_article.text == article


def test_every_seed_quote_is_verbatim_in_the_article_and_anchored(seed_article):
    for position in Position.objects.filter(source=seed_article):
        assert position.quote in seed_article.text
        assert seed_article.text[position.quote_start : position.quote_end] == position.quote
        assert position.anchored_text_sha256 == seed_article.text_sha256


def test_loading_seeds_twice_changes_nothing(seeded):
    before = counts()
    snapshot = list(Position.objects.values().order_by("id"))
    call_command("load_seeds", verbosity=0)
    assert counts() == before
    assert list(Position.objects.values().order_by("id")) == snapshot


def test_reloading_seeds_keeps_an_editors_correction(seeded):
    position = Position.objects.get(topic__slug="observer-mission")
    position.summary = "Corrected by an editor."
    position.save()
    call_command("load_seeds", verbosity=0)
    position.refresh_from_db()
    assert position.summary == "Corrected by an editor."


def test_seeded_positions_have_their_timeline_shift(seeded):
    assert set(Position.objects.published().values_list("shift", flat=True)) == {"first"}


def write_seed(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_malformed_seed_names_file_and_entry_and_writes_nothing(tmp_path):
    path = write_seed(
        tmp_path,
        """
parties:
  - {slug: atlantis, name: Atlantis, short_name: Atlantis}
topics:
  - {slug: t1, name: T1, proposition: P1}
  - {slug: t2, name: T2, proposition: P2, parent: no-such-topic}
""",
    )
    with pytest.raises(CommandError) as error:
        call_command("load_seeds", str(path), verbosity=0)
    message = str(error.value)
    assert str(path) in message
    assert "topics[1]" in message
    assert "no-such-topic" in message
    assert Party.objects.count() == 0
    assert Topic.objects.count() == 0


def test_seed_with_a_quote_missing_from_its_source_is_refused(tmp_path):
    path = write_seed(
        tmp_path,
        """
parties: [{slug: p, name: P, short_name: P}]
topics: [{slug: t, name: T, proposition: T holds}]
sources: [{key: s, title: S, text: "The minister spoke."}]
positions:
  - {source: s, party: p, topic: t, stated_on: 2025-01-01, stance: open,
     summary: S., quote: "The minister shouted."}
""",
    )
    with pytest.raises(CommandError, match=r"positions\[0\].*does not occur"):
        call_command("load_seeds", str(path), verbosity=0)
    assert Position.objects.count() == 0


def test_seed_with_an_unknown_stance_lists_the_valid_ones(tmp_path):
    path = write_seed(
        tmp_path,
        """
parties: [{slug: p, name: P, short_name: P}]
topics: [{slug: t, name: T, proposition: T holds}]
sources: [{key: s, title: S}]
positions:
  - {source: s, party: p, topic: t, stated_on: 2025-01-01, stance: loves, summary: S., quote: Q}
""",
    )
    with pytest.raises(CommandError, match="unknown stance 'loves'.*rejects, opposes"):
        call_command("load_seeds", str(path), verbosity=0)


def test_seed_file_that_is_not_yaml_is_a_clear_error(tmp_path):
    path = write_seed(tmp_path, "parties: [unclosed")
    with pytest.raises(CommandError, match="not valid YAML"):
        call_command("load_seeds", str(path), verbosity=0)
