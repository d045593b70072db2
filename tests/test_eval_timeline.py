"""eval/timeline.py: the TimeLine gold is read to the right character offsets, and dates are compared at the
gold's granularity."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
import timeline  # eval/timeline.py


@pytest.mark.parametrize(
    ("gold", "ours", "exact", "granularity", "consistent", "month", "year"),
    [
        ("2008", "2008-01-09", False, True, True, True, True),  # right at the gold's (year) level
        ("2008-03-XX", "2008-03", True, True, True, True, True),
        ("2010-06-07", "2010-06", False, False, True, True, True),  # ours coarser: consistent only
        ("2010-06-07", "2010-06-08", False, False, False, True, True),  # the right month
        ("2010-06-07", "2010-W23", False, False, True, True, True),  # the week of Monday 7 June
        ("2010-06-07", None, False, False, False, False, False),
        ("XXXX-XX-XX", None, True, True, True, True, True),  # unknown is right for no date
        ("XXXX-XX-XX", "2010", False, False, False, False, False),
        ("2003-04-28", "2003", False, False, True, False, True),
    ],
)
def test_judge(
    gold: str, ours: str | None, exact: bool, granularity: bool, consistent: bool, month: bool, year: bool
) -> None:
    wanted = {
        "exact": exact,
        "granularity": granularity,
        "consistent": consistent,
        "month": month,
        "year": year,
    }
    assert timeline.judge(gold, ours) == wanted


def test_gold_mentions_map_to_their_words(shared_data: Path) -> None:
    data = shared_data / "timeline-trial"
    if not data.is_dir():
        pytest.skip("../shared/data/timeline-trial is not available")
    articles, timelines = timeline.read_data(data)
    assert len(articles) == 30 and len(timelines) == 6
    article = articles["16844"]
    assert str(article.dct) == "2010-06-08"
    assert article.text.startswith(
        "Apple unveils iPhone 4, iOS 4 at Worldwide Developers Conference 2010\n\n"
    )
    token = article.find(5, "introducing")
    assert token is not None and article.text[token.start : token.end] == "introducing"
    phrase = article.find(12, "showed_off")  # a two-word mention spans both words
    assert phrase is not None and article.text[phrase.start : phrase.end] == "showed off"
    mentions = [m for ms in timelines.values() for m in ms]
    mapped = [
        (articles[m.doc_id], token)
        for m in mentions
        if m.doc_id in articles and (token := articles[m.doc_id].find(m.sentence, m.word)) is not None
    ]
    assert len(mapped) >= len(mentions) - 5  # a misspelt document id and split phrases are left out
    for article, token in mapped:
        assert article.text[token.start : token.end].lower().replace(" ", "_") == token.word.lower()
