"""Each kind of evidence on its own, and the run sums and overlaps they rest on."""

from __future__ import annotations

import numpy as np
import pytest

from align.evidence.base import ItemSets, PairView, SideFeatures, SideText, Vocabulary
from align.evidence.length import LengthEvidence, fit_length_model
from align.evidence.lexicon import LexiconCounts, LexiconEvidence, content_forms
from align.evidence.names import NameEvidence, name_keys, skeleton
from align.evidence.numbers import NumberEvidence, canonical_numbers, month_number
from align.evidence.punctuation import PunctuationEvidence, lower_start, open_end
from align.evidence.terms import TermEvidence
from align.glossary_terms import term_finder
from glossary.model import Concept, Status, Term, Termbase
from lang import get_language


def view_of(evidence, src: list[str], tgt: list[str], src_lang: str = "ru"):
    s, t = SideText.analyse(src, src_lang), SideText.analyse(tgt, "en")
    got = evidence.extract(s, t, Vocabulary())
    sf = SideFeatures(len(src)).with_features(got.src_dense, got.src_items)
    tf = SideFeatures(len(tgt)).with_features(got.tgt_dense, got.tgt_items)
    full_lo = np.zeros(len(src) + 1, dtype=np.int64)
    return PairView.for_band(sf, tf, full_lo, full_lo + len(tgt), 4)


def features(evidence, view, a: int, b: int, i: int, j: int) -> np.ndarray:
    return evidence.features(view, a, b, np.array([i]), np.array([j]))[:, 0]


@pytest.mark.parametrize(
    "text,values",
    [
        ("1 000", ["1000"]),
        ("1,000", ["1000"]),
        ("2,000,000", ["2000000"]),
        ("2,5", ["2.5"]),
        ("2.50", ["2.5"]),
        ("12.05.2024", ["12", "5", "2024"]),
        ("1.000,5", ["1000.5"]),
        ("9:00", ["9:0"]),
        ("007", ["7"]),
    ],
)
def test_numbers_are_written_one_way(text: str, values: list[str]) -> None:
    assert canonical_numbers(text) == values


def test_dates_match_across_languages() -> None:
    ev = NumberEvidence()
    view = view_of(ev, ["Это было 9 мая 1945 года, в 1 000 городах."],
                   ["It was on 9 May 1945, in 1,000 towns.", "In 2024, May said so."])
    match, miss = features(ev, view, 1, 1, 1, 1)
    assert (match, miss) == (4.0, 0.0)  # 9, May, 1945, 1000
    assert features(ev, view, 1, 1, 1, 2)[0] == 0.0  # "May" the name is no month
    assert month_number("мая") == 5 and month_number("травеня") == 5
    assert month_number("Dezember") == 12 and month_number("may") == 5


@pytest.mark.parametrize(
    "cyrillic,lang,latin",
    [
        ("Уэльса", "ru", "Wales"),
        ("Лукашенко", "ru", "Lukashenko"),
        ("Вашингтон", "ru", "Washington"),
        ("Джон", "ru", "John"),
        ("Шаўчэнка", "be", "Shevchenko"),
        ("Магілёўшчыне", "be", "Mogilev"),
        ("Гомеля", "be", "Homiel"),
    ],
)
def test_names_meet_across_scripts(cyrillic: str, lang: str, latin: str) -> None:
    forms = get_language(lang).base_forms
    assert name_keys(cyrillic, lang, forms) & name_keys(latin, "en")


def test_skeleton_drops_vowels_and_merges_sound_classes() -> None:
    assert skeleton("Wales") == skeleton("Uels") == "fls"
    assert skeleton("Khabarovsk") == skeleton("Habarovsk")


def test_name_evidence_counts_shared_names() -> None:
    ev = NameEvidence()
    view = view_of(ev, ["Лукашенко встретился с Путиным в Минске."],
                   ["Lukashenko met Putin in Minsk.", "Nothing here."])
    match, miss = features(ev, view, 1, 1, 1, 1)
    assert match == 3.0 and miss == 0.0
    assert features(ev, view, 1, 1, 1, 2)[0] == 0.0


def test_punctuation_and_sentence_edges() -> None:
    ev = PunctuationEvidence()
    view = view_of(ev, ["Почему «да»?", "Продолжение следует:"],
                   ["Why “yes”?", "and so the story goes on", "p. 5"])
    match, miss, end, start = features(ev, view, 1, 1, 1, 1)
    # A question mark and two quotation marks on each side.
    assert (match, miss, end, start) == (3.0, 0.0, 0.0, 0.0)
    assert features(ev, view, 1, 1, 2, 2)[3] == 1.0  # upper vs lower case start
    assert open_end("Продолжение следует:") and not open_end("Да!»")
    assert lower_start("«и так далее»") and not lower_start("2024 год")
    skips = ev.skip_features(view, "tgt", np.array([0, 1, 2]))
    assert skips[:, 1].tolist() == [1.0, 1.0]  # leaving out a fragment costs like a mismatch
    assert skips[:, 2].tolist() == [0.0, 0.0]  # but a caption or a scrap may go


def test_length_prefers_matching_lengths() -> None:
    ev = LengthEvidence()
    view = view_of(ev, ["Короткое.", "Это предложение заметно длиннее первого и второго."],
                   ["Short.", "This sentence is clearly longer than the first one."])
    good = features(ev, view, 1, 1, 1, 1)[0] + features(ev, view, 1, 1, 2, 2)[0]
    bad = features(ev, view, 1, 1, 1, 2)[0]
    assert good > bad
    ratio, variance = fit_length_model([10, 20, 30, 40, 50, 60], [11, 22, 33, 44, 55, 66])
    assert ratio == pytest.approx(1.1) and variance == pytest.approx(1.0)


def test_lexicon_is_learned_from_co_occurrence() -> None:
    src = SideText.analyse(["Зерно убрано.", "Цены на зерно растут.", "Техника готова.",
                            "Цены стабильны."], "ru")
    tgt = SideText.analyse(["Grain is harvested.", "Grain prices rise.", "Machinery is ready.",
                            "Prices are stable."], "en")
    counts = LexiconCounts("ru", "en")
    for s, t in zip(content_forms(src), content_forms(tgt), strict=True):
        counts.add(s, t)
    lexicon = counts.build()
    # Stems are the first five letters, case-folded.
    assert dict(lexicon.entries["зерно"])["grain"] == pytest.approx(1.0)
    assert "price" in dict(lexicon.entries["цены"])
    ev = LexiconEvidence(lexicon)
    view = view_of(ev, list(src.sentences), list(tgt.sentences))
    assert features(ev, view, 1, 1, 2, 2)[0] > features(ev, view, 1, 1, 2, 3)[0]


def test_terms_match_inflected_forms() -> None:
    tb = Termbase(concepts=(Concept("tax-code", terms=(
        Term("ru", "Налоговый кодекс", Status.PREFERRED),
        Term("en", "Tax Code", Status.PREFERRED))),))
    ev = TermEvidence(term_finder(tb, "ru", "en"))
    view = view_of(ev, ["Поправки в Налоговый кодекс приняты.", "Изменения Налогового кодекса."],
                   ["Tax Code amendments passed.", "Nothing."])
    assert features(ev, view, 1, 1, 1, 1)[0] == 1.0
    assert features(ev, view, 1, 1, 2, 1)[0] == 1.0
    assert features(ev, view, 1, 1, 2, 2)[0] == 0.0


def test_overlaps_in_the_band_equal_brute_force() -> None:
    rng = np.random.default_rng(3)
    n, m, vocab = 12, 10, 6
    src_sets = [{str(x): 1.0 for x in rng.choice(vocab, 3)} for _ in range(n)]
    tgt_sets = [{str(x): 1.0 for x in rng.choice(vocab, 3)} for _ in range(m)]
    v = Vocabulary()
    src = SideFeatures(n, items={"k": ItemSets.build(src_sets, v)})
    tgt = SideFeatures(m, items={"k": ItemSets.build(tgt_sets, v)})
    lo = np.zeros(n + 1, dtype=np.int64)
    view = PairView.for_band(src, tgt, lo, lo + m, 3)
    for a, b, i, j in [(1, 1, 3, 4), (2, 3, 7, 9), (3, 2, 12, 10)]:
        want = sum(len(src_sets[r].keys() & tgt_sets[t].keys())
                   for r in range(i - a, i) for t in range(j - b, j))
        assert view.block("k", a, b, np.array([i]), np.array([j]))[0] == want


def test_merged_items_keep_one_of_each_per_group() -> None:
    v = Vocabulary()
    items = ItemSets.build([{"a": 1.0}, {"a": 0.5, "b": 1.0}, {"c": 1.0}], v)
    merged = items.merged(2)
    assert merged.sent.tolist() == [0, 0, 1]
    assert merged.weight.tolist() == [1.0, 1.0, 1.0]
    assert merged.per_sentence_total(2).tolist() == [2.0, 1.0]
