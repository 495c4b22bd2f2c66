"""The bundled corpus loads through the project's own readers and is consistent."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from align.model import check_coverage
from align.notation import read_beads
from readers import read_document

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
DOCS = sorted(p for p in (CORPORA / "documents").iterdir() if p.is_dir())
MT = sorted(p for p in (CORPORA / "mt").iterdir() if p.is_dir())


def english_original(doc: Path) -> Path:
    return doc / "en.txt" if (doc / "en.txt").exists() else doc / "en.vtt"


def test_at_least_four_documents_in_three_languages() -> None:
    assert len(DOCS) >= 4
    assert any((d / "en.vtt").exists() for d in DOCS), "one document must be a transcript"
    for doc in DOCS:
        for lang in ("ru", "be"):
            assert (doc / f"{lang}.txt").exists()
        assert english_original(doc).exists()


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
@pytest.mark.parametrize("lang", ["ru", "be", "en"])
def test_sentence_files_match_the_originals(doc: Path, lang: str) -> None:
    sents = read_document(doc / f"{lang}.sents", lang, presegmented=True)
    counts = [int(n) for n in (doc / f"{lang}.paras").read_text("utf-8").split()]
    lines = [s.text for s in sents.sentences]
    assert sum(counts) == len(lines)
    assert 30 <= len(lines) <= 80
    original = read_document(doc / f"{lang}.txt" if lang != "en" else english_original(doc),
                             lang)
    assert original.lang == lang
    paragraphs = [p for p in original.text.split("\n") if p.strip()]
    grouped, pos = [], 0
    for n in counts:
        grouped.append(" ".join(lines[pos:pos + n]))
        pos += n
    assert [" ".join(p.split()) for p in paragraphs] == grouped


def test_transcript_subtitles_agree() -> None:
    for doc in DOCS:
        if not (doc / "en.vtt").exists():
            continue
        vtt = read_document(doc / "en.vtt", "en")
        srt = read_document(doc / "en.srt", "en")
        assert vtt.text == srt.text
        assert all(p.speaker for p in vtt.paragraphs)
        assert all(s.start_time is not None for s in vtt.sentences)
        counts = [int(n) for n in (doc / "en.paras").read_text("utf-8").split()]
        assert len(vtt.paragraphs) == len(counts)


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
@pytest.mark.parametrize("src", ["ru", "be"])
def test_gold_covers_both_sides(doc: Path, src: str) -> None:
    beads = read_beads(doc / f"{src}-en.gold")
    n_src = len(read_document(doc / f"{src}.sents", src, presegmented=True).sentences)
    n_tgt = len(read_document(doc / "en.sents", "en", presegmented=True).sentences)
    check_coverage(beads, n_src, n_tgt)
    assert max(max(len(b.src), len(b.tgt)) for b in beads) <= 4
    kinds = {b.kind for b in beads}
    assert {"1:2", "2:1", "1:0", "0:1"} <= kinds


@pytest.mark.parametrize("mt", MT, ids=lambda p: p.name)
def test_drafts_are_line_parallel_and_faults_are_where_listed(mt: Path) -> None:
    def lines(name: str) -> list[str]:
        doc = read_document(mt / name, None, presegmented=True)
        return [s.text for s in doc.sentences]

    source = (mt / "source.ru").read_text("utf-8").splitlines()
    systems = {p.stem: p.read_text("utf-8").splitlines() for p in mt.glob("system-*.en")}
    assert len(systems) == 3
    assert len(lines("source.ru")) == len(source)
    assert len(lines("reference.en")) == len(source)
    for text in systems.values():
        assert len(text) == len(source)
    with (mt / "faults.tsv").open(encoding="utf-8", newline="") as handle:
        faults = list(csv.DictReader(handle, delimiter="\t"))
    assert {f["kind"] for f in faults} >= {"deprecated-name", "wrong-number", "literal-term"}
    for fault in faults:
        line = int(fault["line"]) - 1
        assert fault["source_fragment"] in source[line], fault
        assert fault["draft_fragment"] in systems[fault["system"]][line], fault


def test_desk_glossary_loads_and_is_lint_clean_of_errors() -> None:
    from glossary.lint import Severity, lint
    from glossary.store import load

    termbase = load(CORPORA / "glossary" / "desk.tbx")
    assert len(termbase.concepts) >= 40
    for concept in termbase.concepts:
        assert {t.lang for t in concept.terms} >= {"ru", "be", "en"}, concept.id
    assert any(t.status.value == "forbidden" for c in termbase.concepts for t in c.terms)
    assert not [f for f in lint(termbase) if f.severity is Severity.ERROR]
