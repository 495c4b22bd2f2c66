"""Terminology accuracy: counting rules with a fake matcher, the interim matcher, the engine."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from scoredata import GLOSSARY, VICTORY, lines

from glossary.model import Concept, MatchMode, Status, Term, Termbase
from score.engine import ScoreConfig, TermSetup, score_segments
from score.inputs import Segments
from score.terms import TermMatch, TermScorer, checkable_concepts, default_matcher, term_stats


class FakeMatcher:
    """Finds fixed lower-case strings: (lang, text) -> (concept, status)."""

    cache_id = "fake-1"

    def __init__(self, table: dict[tuple[str, str], tuple[str, Status]]) -> None:
        self.table = table

    def find(self, text: str, lang: str) -> list[TermMatch]:
        found = []
        for (code, term), (concept, status) in self.table.items():
            if code == lang:
                for m in re.finditer(re.escape(term), text.lower()):
                    found.append(TermMatch(concept, status, m.start(), m.end()))
        return sorted(found, key=lambda m: m.start)


FAKE = FakeMatcher({
    ("ru", "минск"): ("minsk", Status.PREFERRED),
    ("ru", "глава государства"): ("hos", Status.PREFERRED),
    ("ru", "колхоз"): ("kolkhoz", Status.PREFERRED),  # no English term: never counted
    ("en", "minsk"): ("minsk", Status.PREFERRED),
    ("en", "minsq"): ("minsk", Status.FORBIDDEN),
    ("en", "head of state"): ("hos", Status.PREFERRED),
    ("en", "chief of state"): ("hos", Status.DEPRECATED),
    ("en", "leader"): ("hos", Status.ADMITTED),
})
CHECKABLE = frozenset({"minsk", "hos"})


@pytest.mark.parametrize(
    ("src", "hyp", "expected"),
    [
        ("Глава государства прибыл в Минск.", "The head of state arrived in Minsk.", [2, 2, 0]),
        ("Глава государства прибыл в Минск.", "The chief of state came to Minsq.", [2, 0, 2]),
        ("Глава государства прибыл.", "The leader arrived.", [1, 1, 0]),  # admitted counts
        ("Минск, Минск и снова Минск.", "Minsk and Minsq.", [3, 1, 1]),  # one still missing
        ("Минск.", "Minsk, Minsk, Minsq.", [1, 1, 0]),  # extra renderings change nothing
        ("Колхоз в Минске.", "A kolkhoz in Minsk.", [1, 1, 0]),  # kolkhoz: no target term
        ("Просто текст.", "Just text with Minsk.", [0, 0, 0]),  # the draft alone counts not
    ],
)
def test_counting_rules(src: str, hyp: str, expected: list[int]) -> None:
    assert term_stats([src], [hyp], FAKE, "ru", "en", CHECKABLE).tolist() == [expected]


def _scorer(kind: str, sources: list[str]) -> TermScorer:
    return TermScorer(kind, sources, FAKE, "ru", "en", glossary_id="g@1", checkable=CHECKABLE)


def test_scores_from_sums() -> None:
    sources = ["Глава государства прибыл в Минск.", "Просто текст.", "Минск."]
    drafts = ["The chief of state arrived in Minsk.", "Just text.", "Minsq."]
    acc, wrong = _scorer("terms", sources), _scorer("terms-wrong", sources)
    stats = acc.segment_stats(drafts)
    assert stats.tolist() == [[2, 1, 1], [0, 0, 0], [1, 0, 1]]
    assert acc.corpus_score(stats) == pytest.approx(100 / 3)
    assert wrong.corpus_score(stats) == pytest.approx(200 / 3)
    segments = acc.segment_scores(stats)
    assert segments[0] == 50.0 and math.isnan(segments[1]) and segments[2] == 0.0
    # Both kinds read the same statistics, so they share one cache entry.
    assert acc.stats_token() == wrong.stats_token()
    assert "glossary:g@1" in acc.signature() and "matcher:fake-1" in acc.signature()


def test_no_terms_at_all_is_undefined_not_zero() -> None:
    scorer = _scorer("terms", ["Просто текст."])
    assert math.isnan(scorer.corpus_score(scorer.segment_stats(["Just text."])))


def test_engine_with_a_fake_matcher() -> None:
    sources = ("Глава государства прибыл в Минск.", "Минск.", "Глава государства.")
    refs = [Segments("ref", ("The head of state arrived in Minsk.", "Minsk.", "Head of state."))]
    systems = [
        Segments("good", ("The head of state arrived in Minsk.", "Minsk.", "Head of state.")),
        Segments("bad", ("The chief of state arrived in Minsq.", "Minsk.", "Leader.")),
    ]
    setup = TermSetup(FAKE, "g@1", "ru", "en", CHECKABLE)
    result = score_segments(
        refs, systems, ScoreConfig(metrics=("terms", "terms-wrong"), bootstrap=50,
                                   baseline="good", ar_trials=50),
        source=Segments("src", sources), terms=setup)
    acc, wrong = result.metric("TermAcc"), result.metric("terms-wrong")
    assert acc.scores == (100.0, 50.0)
    assert wrong.scores == (0.0, 50.0)
    assert acc.p_bs is not None and acc.p_ar is not None and acc.ci is not None
    assert result.settings.split("|")[5] == "glossary:g@1"


def test_term_metrics_need_a_glossary_and_source() -> None:
    from core.errors import TransdeskError

    with pytest.raises(TransdeskError, match="needs a glossary and the source"):
        score_segments([Segments("r", ("a",))], [Segments("s", ("a",))],
                       ScoreConfig(metrics=("terms",)))


def _termbase() -> Termbase:
    return Termbase(concepts=(
        Concept("hos", terms=(
            Term("ru", "глава государства", Status.PREFERRED),
            Term("en", "head of state", Status.PREFERRED),
            Term("en", "chief of state", Status.DEPRECATED),
        )),
        Concept("by", terms=(
            Term("ru", "Беларусь", Status.PREFERRED),
            Term("en", "Belarus", Status.PREFERRED),
            Term("en", "Byelorussia", Status.FORBIDDEN),
        )),
        Concept("code", terms=(Term("en", "GOST", Status.PREFERRED, match=MatchMode.EXACT),)),
    ))


def test_default_matcher_finds_inflected_forms() -> None:
    matcher = default_matcher(_termbase())
    found = matcher.find("Главой государства в Беларуси был избран он.", "ru")
    assert [(m.concept_id, m.start, m.end) for m in found] == [("hos", 0, 18), ("by", 21, 29)]
    found = matcher.find("The heads of state of Byelorussia.", "en")
    assert [(m.concept_id, m.status) for m in found] == [("hos", Status.PREFERRED),
                                                         ("by", Status.FORBIDDEN)]
    assert matcher.find("to GOST 7.79", "en")[0].concept_id == "code"  # exact match mode
    assert matcher.find("gost", "en") == []  # a capitalised term is a name: case counts
    assert matcher.find("Ничего.", "be") == []


def test_checkable_concepts() -> None:
    assert checkable_concepts(_termbase(), "en") == {"hos", "by", "code"}
    assert checkable_concepts(_termbase(), "ru") == {"hos", "by"}


def test_desk_glossary_on_the_bundled_drafts() -> None:
    from glossary.store import load

    termbase = load(GLOSSARY)
    src = lines(VICTORY / "source.ru")
    matcher = default_matcher(termbase)
    checkable = checkable_concepts(termbase, "en")
    stats = {s: term_stats(src, lines(VICTORY / f"{s}.en"), matcher, "ru", "en", checkable)
             for s in ("system-a", "system-c")}
    # faults.tsv: system-c line 2 writes the forbidden "Byelorussia", line 13 "Katyn".
    assert stats["system-c"][1, 2] >= 1 and stats["system-c"][12, 2] >= 1
    assert stats["system-a"][1, 2] == 0
    assert np.sum(stats["system-a"][:, 1]) > np.sum(stats["system-c"][:, 1])
