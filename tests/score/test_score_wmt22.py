"""WMT22 ru-en: our corpus figures equal the organisers' (skipped when the data is absent)."""

from __future__ import annotations

import pytest
from scoredata import WMT22, WMT22_XML

from score.engine import ScoreConfig, score_segments
from score.inputs import read_input

pytestmark = pytest.mark.skipif(not WMT22.is_dir(), reason="WMT22 data not present")


def _organisers(system: str) -> dict[str, float]:
    found = {}
    for line in (WMT22 / "automatic-scores.tsv").read_text(encoding="utf-8").splitlines():
        pair, name, _, _, metric, value = line.split("\t")
        if pair == "ru-en" and name == system:
            found[metric] = float(value)
    return found


def test_bleu_and_chrf_equal_the_organisers() -> None:
    txt = WMT22 / "txt"
    refs = read_input(str(txt / "references" / "generaltest2022.ru-en.ref.A.en"), "ref")
    hyp = read_input(str(txt / "system-outputs" / "generaltest2022.ru-en.hyp.Online-B.en"),
                     "hyp")
    result = score_segments(refs, hyp, ScoreConfig(bootstrap=0))
    expected = _organisers("Online-B")
    assert result.metric("BLEU").scores[0] == expected["bleu-A"]
    assert result.metric("chrF2").scores[0] == expected["chrf-A"]


@pytest.mark.skipif(not WMT22_XML.is_file(), reason="WMT22 XML not present")
def test_the_xml_gives_the_same_segments_as_the_text_files() -> None:
    txt = WMT22 / "txt"
    [xml_hyp] = read_input(f"{WMT22_XML}#Online-B", "hyp")
    [txt_hyp] = read_input(str(txt / "system-outputs" / "generaltest2022.ru-en.hyp.Online-B.en"),
                           "hyp")
    assert xml_hyp.texts == txt_hyp.texts
    assert xml_hyp.doc_ids is not None and len(set(xml_hyp.doc_ids)) == 227
