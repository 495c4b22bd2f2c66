"""Term extraction: repeated source phrases with the rendering they consistently take."""

from __future__ import annotations

import pytest
from glossary_samples import DESK

from glossary.bitext import Segment
from glossary.suggest import suggest
from glossary.tbx_read import read_tbx

RU = [
    ("Посевная кампания завершилась в Минске.", "The sowing campaign ended in Minsk."),
    ("Итоги посевной кампании подвели в Бресте.",
     "The results of the sowing campaign were summed up in Brest."),
    ("О посевной кампании говорили в Гомеле.", "The sowing campaign was discussed in Gomel."),
    ("Погода была хорошей.", "The weather was good."),
]
BE = [
    ("Пасяўная кампанія завяршылася ў Мінску.", "The sowing campaign ended in Minsk."),
    ("Вынікі пасяўной кампаніі падвялі ў Брэсце.",
     "The results of the sowing campaign were summed up in Brest."),
    ("Пра пасяўную кампанію казалі ў Гомелі.", "The sowing campaign was discussed in Gomel."),
    ("Надвор'е было добрае.", "The weather was good."),
]


def segments(pairs: list[tuple[str, str]]) -> list[Segment]:
    return [Segment(str(n), s, t) for n, (s, t) in enumerate(pairs, 1)]


@pytest.mark.parametrize(("lang", "pairs", "phrase"), [
    ("ru", RU, "Посевная кампания"), ("be", BE, "Пасяўная кампанія"),
])
def test_a_phrase_and_its_rendering(lang: str, pairs: list[tuple[str, str]],
                                    phrase: str) -> None:
    found = {c.source: c for c in suggest(segments(pairs), lang, "en")}
    cand = found[phrase]  # shown in its citation form
    assert cand.target == "sowing campaign"
    assert (cand.count, cand.source_count, cand.consistency) == (3, 3, 1.0)
    assert cand.dice == 1.0 and cand.llr > 0
    assert cand.examples == ("1", "2", "3")
    # The words of the phrase alone say nothing more: left out.
    assert "кампании" not in found and "кампаніі" not in found


def test_ranked_by_log_likelihood() -> None:
    found = suggest(segments(RU * 2), "ru", "en")
    assert [c.llr for c in found] == sorted((c.llr for c in found), reverse=True)


def test_terms_the_glossary_has_are_not_suggested() -> None:
    pairs = [("Министерство иностранных дел сообщило.", "The Ministry of Foreign Affairs "
              "reported.")] * 3
    desk = read_tbx(DESK)
    with_glossary = {c.source for c in suggest(segments(pairs), "ru", "en", termbase=desk)}
    without = {c.source for c in suggest(segments(pairs), "ru", "en")}
    assert "Министерство иностранных дел" in without
    assert not any("Министерство" in s for s in with_glossary)


def test_verbs_do_not_end_a_russian_term() -> None:
    found = {c.source for c in suggest(segments(RU * 2), "ru", "en")}
    assert not any(s.endswith(("завершилась", "подвели", "говорили")) for s in found)
