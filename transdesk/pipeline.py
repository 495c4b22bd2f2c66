"""The one-shot `run` pipeline: align every document pair of a corpus folder, evaluate
against gold where there is gold, and score the MT drafts, into one report.

A corpus folder is laid out as `corpora/` is: `documents/<doc>/` with `ru.*`, `be.*` and an
English `en.*` (txt, docx, srt or vtt), optionally `<lang>.sents`, `<lang>.paras` and
`<lang>-en.gold`; `mt/<doc>/` with `source.*`, `reference.*` and `system-*.*`; and a glossary
in `glossary/*.tbx`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import TransdeskError

if TYPE_CHECKING:
    from align.aligner import AlignConfig
    from score.engine import ScoreResult

SOURCE_LANGS = ("ru", "be")
DOCUMENT_SUFFIXES = (".txt", ".docx", ".vtt", ".srt")


@dataclass(frozen=True)
class PairRun:
    """One aligned document pair and what came of it."""

    document: str
    src_lang: str
    n_src: int
    n_tgt: int
    kinds: dict[str, int]
    low_confidence: int
    outputs: tuple[Path, ...]
    strict_f1: float | None = None
    lax_f1: float | None = None


@dataclass(frozen=True)
class DraftRun:
    """The scores of one folder of MT drafts, and the check's findings per system and kind."""

    document: str
    result: ScoreResult
    findings: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class RunReport:
    """Everything `transdesk run` did, for the summary and the HTML report."""

    corpus: Path
    out_dir: Path
    pairs: tuple[PairRun, ...]
    drafts: tuple[DraftRun, ...]
    glossary: Path | None
    notes: tuple[str, ...] = field(default=())


def find_original(folder: Path, lang: str) -> Path | None:
    """The document of one language in a document folder (txt, docx, vtt or srt)."""
    for suffix in DOCUMENT_SUFFIXES:
        path = folder / f"{lang}{suffix}"
        if path.exists():
            return path
    return None


def run_corpus(
    corpus: Path,
    out_dir: Path,
    config: AlignConfig,
    *,
    glossary: Path | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> RunReport:
    """Align, evaluate and score everything in `corpus`, writing outputs into `out_dir`."""
    documents = sorted(p for p in (corpus / "documents").glob("*") if p.is_dir())
    drafts = sorted(p for p in (corpus / "mt").glob("*") if p.is_dir())
    if not documents and not drafts:
        raise TransdeskError(f"{corpus}: no documents/ or mt/ folders to work on")
    if glossary is None:
        found = sorted((corpus / "glossary").glob("*.tbx"))
        glossary = found[0] if found else None
    out_dir.mkdir(parents=True, exist_ok=True)
    pairs = []
    for folder in documents:
        for src_lang in SOURCE_LANGS:
            if find_original(folder, src_lang) and find_original(folder, "en"):
                progress(f"aligning {folder.name} {src_lang}-en")
                pairs.append(align_pair(folder, src_lang, out_dir, config))
    scored = []
    for folder in drafts:
        progress(f"scoring the drafts of {folder.name}")
        result = score_drafts(folder, glossary)
        findings = {}
        if glossary is not None:
            progress(f"checking the drafts of {folder.name} against the glossary")
            findings = check_drafts(folder, glossary, no_embeddings=not config.embeddings)
        scored.append(DraftRun(folder.name, result, findings))
    return RunReport(corpus, out_dir, tuple(pairs), tuple(scored), glossary)


def align_pair(folder: Path, src_lang: str, out_dir: Path, config: AlignConfig) -> PairRun:
    """Align one document with its English; evaluate on the sentence files if gold exists."""
    from align.aligner import align_documents
    from align.model import LOW_CONFIDENCE
    from align.writers import render
    from core.output import atomic_write
    from readers import read_document

    src_path, tgt_path = find_original(folder, src_lang), find_original(folder, "en")
    assert src_path is not None and tgt_path is not None
    src_doc = read_document(src_path, src_lang)
    tgt_doc = read_document(tgt_path, "en")
    alignment = align_documents(src_doc, tgt_doc, config)
    outputs = []
    for fmt in ("html", "tmx"):
        path = out_dir / f"{folder.name}.{src_lang}-en.{fmt}"
        with atomic_write(path) as handle:
            handle.write(str(render(fmt, alignment, src_doc, tgt_doc)))
        outputs.append(path)
    strict = lax = None
    gold = folder / f"{src_lang}-en.gold"
    if gold.exists() and (folder / f"{src_lang}.sents").exists():
        strict, lax = evaluate_on_gold(folder, src_lang, config)
    return PairRun(
        document=folder.name,
        src_lang=src_lang,
        n_src=len(src_doc.sentences),
        n_tgt=len(tgt_doc.sentences),
        kinds=dict(Counter(b.kind for b in alignment.beads)),
        low_confidence=sum(b.score < LOW_CONFIDENCE for b in alignment.beads),
        outputs=tuple(outputs),
        strict_f1=strict,
        lax_f1=lax,
    )


def evaluate_on_gold(folder: Path, src_lang: str, config: AlignConfig) -> tuple[float, float]:
    """Strict and lax F1 of aligning the hand-split sentence files against the gold."""
    from align.aligner import align_sentences
    from align.evaluate import score_alignments
    from align.notation import read_beads

    def sentences(lang: str) -> tuple[list[str], list[int]]:
        lines = (folder / f"{lang}.sents").read_text(encoding="utf-8").splitlines()
        paras = folder / f"{lang}.paras"
        anchors, pos = [], 0
        if paras.exists():
            for count in paras.read_text(encoding="utf-8").split():
                anchors.append(pos)
                pos += int(count)
        return lines, anchors

    src, src_anchors = sentences(src_lang)
    tgt, tgt_anchors = sentences("en")
    predicted = align_sentences(src, tgt, src_lang, "en", config,
                                src_anchors=src_anchors, tgt_anchors=tgt_anchors)
    result = score_alignments([read_beads(folder / f"{src_lang}-en.gold")], [predicted.beads])
    return result.strict.f1, result.lax.f1


def score_drafts(folder: Path, glossary: Path | None) -> ScoreResult:
    """Score every `system-*` draft of a folder against its reference (and the glossary)."""
    from score.engine import DEFAULT_METRICS, TERM_METRICS, ScoreConfig
    from score.run import score_files

    def one(pattern: str) -> Path | None:
        found = sorted(folder.glob(pattern))
        return found[0] if found else None

    reference, source = one("reference.*"), one("source.*")
    systems = sorted(folder.glob("system-*.*"))
    if reference is None or not systems:
        raise TransdeskError(f"{folder}: needs reference.* and system-*.* drafts to score")
    metrics = DEFAULT_METRICS
    if glossary is not None and source is not None:
        metrics = (*DEFAULT_METRICS, *TERM_METRICS)
    config = ScoreConfig(metrics=metrics, baseline=systems[0].stem.removeprefix("system-"))
    hyps = [f"{p.stem.removeprefix('system-')}={p}" for p in systems]
    return score_files(
        [str(reference)], hyps, config,
        src=str(source) if source and glossary else None,
        glossary=glossary if source else None,
    )


def check_drafts(folder: Path, glossary: Path, *, no_embeddings: bool) -> dict[str, dict[str, int]]:
    """`transdesk check` of every draft against its source: finding counts by kind."""
    from glossary.bitext import read_parallel
    from glossary.checks import CheckOptions, check_bitext
    from glossary.store import load
    from lang import detect_language
    from transdesk.check_cli import sentence_aligner

    sources = sorted(folder.glob("source.*"))
    if not sources:
        return {}
    termbase = load(glossary)
    aligner = sentence_aligner(no_embeddings)
    counts: dict[str, dict[str, int]] = {}
    for draft in sorted(folder.glob("system-*.*")):
        bitext = read_parallel(sources[0], draft)
        langs = (detect_language(sources[0].read_text(encoding="utf-8")), "en")
        result = check_bitext(bitext, termbase, CheckOptions(*langs),
                              sentence_aligner=aligner)
        counts[draft.stem.removeprefix("system-")] = dict(
            Counter(str(f.kind) for f in result.findings)
        )
    return counts


def summary(report: RunReport) -> str:
    """The plain-text summary printed at the end of `transdesk run`."""
    lines = ["alignment", _pair_table(report.pairs), ""]
    for draft in report.drafts:
        from score.report import system_table

        lines += [f"MT drafts: {draft.document}", system_table(draft.result), ""]
        if draft.findings:
            lines += [f"check findings: {draft.document}", _findings_table(draft.findings), ""]
    lines.append(f"report: {report.out_dir / 'report.html'}")
    return "\n".join(lines) + "\n"


def _findings_table(findings: dict[str, dict[str, int]]) -> str:
    kinds = sorted({k for counts in findings.values() for k in counts})
    rows = [("system", *kinds, "total")]
    for system, counts in findings.items():
        rows.append((system, *(str(counts.get(k, 0)) for k in kinds),
                     str(sum(counts.values()))))
    return _columns(rows)


def _columns(rows: Sequence[Sequence[str]], left: int = 1) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(w) if i < left else cell.rjust(w)
                  for i, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip()
        for row in rows
    )


def _pair_table(pairs: Sequence[PairRun]) -> str:
    header = ("document", "pair", "sentences", "beads", "not 1:1", "low", "strict F1", "lax F1")
    rows = [header]
    for p in pairs:
        beads = sum(p.kinds.values())
        rows.append((
            p.document, f"{p.src_lang}-en", f"{p.n_src}/{p.n_tgt}", str(beads),
            str(beads - p.kinds.get("1:1", 0)), str(p.low_confidence),
            "" if p.strict_f1 is None else f"{p.strict_f1:.3f}",
            "" if p.lax_f1 is None else f"{p.lax_f1:.3f}",
        ))
    return _columns(rows, left=2)
