"""Field accuracy on every labelled page (bench/field_accuracy.py: the sample portal, the portal-family
fixtures and tests/fixtures/labelled): each field right on at least 98 % of the pages that label it,
over at least 40 pages in Vietnamese, English and Bengali and every markup family."""
import json
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from field_accuracy import FIELDS, LABELLED, score  # noqa: E402

THRESHOLD = 0.98
LANGUAGES = {"vi", "en", "bn"}
FAMILIES = {"vccorp", "sharepoint", "liferay", "liferay-dnict", "drupal", "slug-html", "mirror", "generic"}


@cache
def scored() -> dict:
    return score()


def test_every_labelled_file_has_labels_and_every_label_a_file():
    labelled = {page["file"] for page in json.loads((LABELLED / "labels.json").read_text(encoding="utf-8"))["pages"]}
    assert labelled == {f.name for f in LABELLED.glob("*.html")}


def test_the_pages_cover_three_languages_and_every_family():
    pages = scored()["pages"]
    assert len(pages) >= 40
    for language in LANGUAGES:
        assert sum(p["language"] == language for p in pages) >= 5, language
    assert {p["family"] for p in pages} >= FAMILIES


@pytest.mark.parametrize("field", FIELDS)
def test_field_accuracy(field):
    counts = scored()["fields"][field]
    misses = [m for m in scored()["misses"] if m["field"] == field]
    listing = "\n".join(f"{m['page']}: got {json.dumps(m['got'], ensure_ascii=False)}, "
                        f"expected {json.dumps(m['expected'], ensure_ascii=False)}" for m in misses)
    assert counts["accuracy"] >= THRESHOLD, (
        f"{field}: {counts['correct']}/{counts['pages']} right ({counts['accuracy']:.3f}); misses:\n{listing}")
