"""From file names to a `ScoreResult`: what `transdesk score` does, callable from Python.

    from score.run import score_files
    result = score_files(["reference.en"], ["a=system-a.en", "b=system-b.en"],
                         src="source.ru", glossary="desk.tbx")
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from core.errors import TransdeskError
from score.engine import (
    DEFAULT_METRICS,
    TERM_METRICS,
    Progress,
    ScoreConfig,
    ScoreResult,
    TermSetup,
    score_segments,
)
from score.inputs import Segments, read_doc_ids, read_input


def score_files(
    refs: Sequence[str],
    hyps: Sequence[str],
    config: ScoreConfig | None = None,
    *,
    src: str | None = None,
    glossary: str | Path | None = None,
    docids: str | Path | None = None,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    encoding: str | None = None,
    metrics_given: bool = True,
    progress: Progress | None = None,
) -> ScoreResult:
    """Read the inputs (`[NAME=]FILE[#FIELD]` each) and score them.

    With a glossary and a source, and `metrics_given` False (no explicit metric list),
    terminology accuracy joins the default metrics.
    """
    from transdesk import __version__

    config = config or ScoreConfig()
    _check_codes(src_lang, tgt_lang)
    if not refs:
        raise TransdeskError("give a reference with --ref")
    if not hyps:
        raise TransdeskError("give a draft to score with --hyp")
    ref_streams = [s for spec in refs for s in read_input(spec, "ref", encoding)]
    systems = [s for spec in hyps for s in read_input(spec, "hyp", encoding)]
    source = _single(read_input(src, "src", encoding), src) if src else None
    doc_ids = read_doc_ids(docids, encoding) if docids else None
    terms = None
    if glossary is not None:
        if source is None:
            raise TransdeskError("terminology accuracy needs the source: give --src")
        terms = term_setup(glossary, source, ref_streams[0], src_lang, tgt_lang)
        if not metrics_given:
            config = replace(config, metrics=(*DEFAULT_METRICS, *TERM_METRICS))
    if tgt_lang:
        from lang import check_code

        tgt_lang = check_code(tgt_lang)
        config = replace(config, options=replace(config.options, trg_lang=tgt_lang))
    return score_segments(ref_streams, systems, config, source=source, terms=terms,
                          doc_ids=doc_ids, progress=progress, version=__version__)


def term_setup(
    glossary: str | Path,
    source: Segments,
    ref: Segments,
    src_lang: str | None,
    tgt_lang: str | None,
) -> TermSetup:
    """Load the glossary and settle the languages terminology accuracy works in."""
    from glossary.store import load
    from lang import check_code, detect_language
    from score.terms import checkable_concepts, default_matcher

    path = Path(glossary)
    termbase = load(path)
    src_code = check_code(src_lang) if src_lang else detect_language(_sample(source))
    tgt_code = check_code(tgt_lang) if tgt_lang else detect_language(_sample(ref))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return TermSetup(
        matcher=default_matcher(termbase),
        glossary_id=f"{path.name}@{digest}",
        src_lang=src_code,
        tgt_lang=tgt_code,
        checkable=checkable_concepts(termbase, tgt_code),
    )


def _check_codes(*codes: str | None) -> None:
    """Refuse an invalid language code before any file is read."""
    from lang import check_code

    for code in codes:
        if code:
            check_code(code)


def _sample(segments: Segments) -> str:
    return "\n".join(segments.texts[:200])


def _single(found: list[Segments], spec: str) -> Segments:
    if len(found) != 1:
        raise TransdeskError(f"{spec}: holds {len(found)} streams; pick the source with #FIELD")
    return found[0]
