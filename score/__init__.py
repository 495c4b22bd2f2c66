"""Scoring MT drafts against references: sacrebleu metrics, terminology accuracy,
significance, resegmentation.

The public API, loaded on first use so that `import score` (and `transdesk --help`) stays
free of numpy and sacrebleu:

    from score import read_input, score_segments, ScoreConfig, system_frame
    refs = read_input("reference.en", "ref")
    systems = read_input("a=system-a.en", "hyp") + read_input("b=system-b.en", "hyp")
    result = score_segments(refs, systems, ScoreConfig(baseline="a"))
    system_frame(result)        # polars: system x metric, with intervals and p-values
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "InputSpec": "score.inputs",
    "Segments": "score.inputs",
    "read_input": "score.inputs",
    "read_doc_ids": "score.inputs",
    "MetricOptions": "score.metrics",
    "ScoreConfig": "score.engine",
    "ScoreResult": "score.engine",
    "MetricResult": "score.engine",
    "TermSetup": "score.engine",
    "score_segments": "score.engine",
    "TermMatch": "score.terms",
    "TermMatcher": "score.terms",
    "default_matcher": "score.terms",
    "resegment": "score.resegment",
    "system_frame": "score.report",
    "segment_frame": "score.report",
    "document_frame": "score.report",
    "render": "score.report",
}


def __getattr__(name: str) -> object:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'score' has no attribute {name!r}")


__all__ = sorted(_EXPORTS)
