"""Scores as polars frames, and the command's formats (table, JSON, TSV, XLSX) over them.

Three frames:
- `system_frame`: one row per system and metric: score, bootstrap mean and 95% half-width,
  p-values against the baseline, cluster;
- `segment_frame`: one row per system and segment, a column per metric (sentence-level
  scores: BLEU with effective order, as `sacrebleu --sentence-level`);
- `document_frame`: one row per system and document, a column per metric (each document
  scored like a corpus from its summed statistics).
The table and TSV views round nothing but the table's scores (to `width` decimals, as
sacrebleu's `--width`); JSON, TSV and XLSX keep full precision.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Sequence
from typing import Literal

import numpy as np
import polars as pl

from score.engine import MetricResult, ScoreResult

Level = Literal["system", "segment", "document"]
Format = Literal["table", "json", "tsv", "xlsx"]


def system_frame(result: ScoreResult) -> pl.DataFrame:
    """System x metric: score, bootstrap mean and half-interval, p-values, cluster."""
    rows = []
    for m in result.metrics:
        for k, system in enumerate(result.systems):
            rows.append({
                "system": system,
                "metric": m.name,
                "score": _num(m.scores[k]),
                "bs_mean": m.ci[k][0] if m.ci else None,
                "bs_ci95": m.ci[k][1] if m.ci else None,
                "p_bs": _num(m.p_bs[k]) if m.p_bs else None,
                "p_ar": _num(m.p_ar[k]) if m.p_ar else None,
                "cluster": m.clusters[k] if m.clusters else None,
                "baseline": system == result.baseline,
            })
    schema = {"system": pl.String, "metric": pl.String, "score": pl.Float64,
              "bs_mean": pl.Float64, "bs_ci95": pl.Float64, "p_bs": pl.Float64,
              "p_ar": pl.Float64, "cluster": pl.Int64, "baseline": pl.Boolean}
    return pl.DataFrame(rows, schema=schema, orient="row")


def segment_frame(result: ScoreResult) -> pl.DataFrame:
    """System x segment, one column per metric, with the draft as scored."""
    n = result.n_segments
    parts = []
    for k, system in enumerate(result.systems):
        columns: dict[str, object] = {
            "system": [system] * n,
            "segment": list(range(1, n + 1)),
            "doc_id": list(result.doc_ids) if result.doc_ids else [None] * n,
        }
        for m in result.metrics:
            columns[m.name] = _nan_to_none(m.scorer.segment_scores(m.stats[k]))
        if result.drafts:
            columns["draft"] = list(result.drafts[k])
        parts.append(pl.DataFrame(columns, schema_overrides={"doc_id": pl.String}))
    return pl.concat(parts)


def document_frame(result: ScoreResult) -> pl.DataFrame:
    """System x document, one column per metric; empty when there are no document ids."""
    if result.doc_ids is None:
        return pl.DataFrame(schema={"system": pl.String, "doc_id": pl.String,
                                    "segments": pl.Int64})
    docs = list(dict.fromkeys(result.doc_ids))
    index = {d: i for i, d in enumerate(docs)}
    member = np.array([index[d] for d in result.doc_ids])
    sizes = np.bincount(member, minlength=len(docs))
    parts = []
    for k, system in enumerate(result.systems):
        columns: dict[str, object] = {
            "system": [system] * len(docs),
            "doc_id": docs,
            "segments": sizes.tolist(),
        }
        for m in result.metrics:
            stats = np.asarray(m.stats[k])
            sums = np.zeros((len(docs), stats.shape[1]), dtype=stats.dtype)
            np.add.at(sums, member, stats)
            columns[m.name] = _nan_to_none(m.scorer.batch_scores(sums, "float64"))
        parts.append(pl.DataFrame(columns))
    return pl.concat(parts)


def frame(result: ScoreResult, level: Level) -> pl.DataFrame:
    """The frame of one level."""
    if level == "segment":
        return segment_frame(result)
    if level == "document":
        return document_frame(result)
    return system_frame(result)


def signatures(result: ScoreResult) -> dict[str, str]:
    """sacrebleu's signature per metric, and ours under "transdesk"."""
    return {**{m.name: m.signature for m in result.metrics}, "transdesk": result.settings}


def render(
    result: ScoreResult, fmt: Format, level: Level = "system", width: int = 1
) -> str | bytes:
    """The result in one of the command's formats (bytes for xlsx)."""
    if fmt == "xlsx":
        return xlsx_bytes(result)
    if fmt == "json":
        return json_text(result, level)
    if fmt == "tsv":
        return frame(result, level).write_csv(separator="\t")
    if level == "system":
        return system_table(result, width)
    return _plain_table(frame(result, level), width) + "\n" + _signature_lines(result)


def system_table(result: ScoreResult, width: int = 1) -> str:
    """One block per metric, systems best first, with its signature; ours at the end."""
    blocks = []
    for m in result.metrics:
        blocks.append(_metric_block(result, m, width))
    blocks.append(f"transdesk  {result.settings}\n")
    return "\n".join(blocks)


def _metric_block(result: ScoreResult, m: MetricResult, width: int) -> str:
    order = sorted(range(len(result.systems)),
                   key=lambda k: _sort_key(m.scores[k], m.higher_is_better))
    headers = ["rank", "system", m.name]
    if m.ci:
        headers.append("μ ± 95% CI")
    if m.p_bs:
        headers.append("p (bs)")
    if m.p_ar:
        headers.append("p (ar)")
    rows = []
    for k in order:
        row = [str(m.clusters[k]) if m.clusters else "-", result.systems[k],
               _fixed(m.scores[k], width)]
        if m.ci:
            row.append(f"{_fixed(m.ci[k][0], width)} ± {_fixed(m.ci[k][1], width)}")
        for p in (m.p_bs, m.p_ar):
            if p:
                row.append("baseline" if result.systems[k] == result.baseline else _p(p[k]))
        rows.append(row)
    aligns = "rl" + "r" * (len(headers) - 2)
    return f"{m.name}  {m.signature}\n" + _align(headers, rows, aligns)


def _sort_key(score: float, higher_is_better: bool) -> float:
    if math.isnan(score):
        return math.inf
    return -score if higher_is_better else score


def _p(value: float) -> str:
    # As sacrebleu prints them: four decimals, a star below 0.05.
    return f"{value:.4f}" + ("*" if value < 0.05 else " ")


def _fixed(value: float | None, width: int) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:.{width}f}"


def _align(headers: Sequence[str], rows: Sequence[Sequence[str]], aligns: str) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        out = [c.rjust(w) if a == "r" else c.ljust(w)
               for c, w, a in zip(cells, widths, aligns, strict=True)]
        return "  ".join(out).rstrip()

    return "\n".join([line(headers), *(line(r) for r in rows)]) + "\n"


def _plain_table(df: pl.DataFrame, width: int) -> str:
    headers = df.columns
    rows = []
    for record in df.iter_rows():
        rows.append([_cell_text(v, width) for v in record])
    aligns = "".join("r" if df.schema[c].is_numeric() else "l" for c in headers)
    return _align(headers, rows, aligns)


def _cell_text(value: object, width: int) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return _fixed(value, width)
    return " ".join(str(value).split())


def _signature_lines(result: ScoreResult) -> str:
    return "".join(f"{name}  {text}\n" for name, text in signatures(result).items())


def json_text(result: ScoreResult, level: Level = "system") -> str:
    """JSON: signatures, baseline and the rows of the level's frame."""
    payload = {
        "signatures": signatures(result),
        "baseline": result.baseline,
        "level": level,
        "rows": frame(result, level).to_dicts(),
    }
    return json.dumps(payload, ensure_ascii=False, indent=1, allow_nan=False,
                      default=str) + "\n"


def xlsx_bytes(result: ScoreResult) -> bytes:
    """A workbook with sheets systems, segments, documents (with ids) and signatures."""
    import xlsxwriter

    buffer = io.BytesIO()
    with xlsxwriter.Workbook(buffer, {"in_memory": True}) as book:
        system_frame(result).write_excel(book, worksheet="systems", autofit=True)
        segment_frame(result).write_excel(book, worksheet="segments")
        if result.doc_ids is not None:
            document_frame(result).write_excel(book, worksheet="documents", autofit=True)
        sigs = pl.DataFrame({"metric": list(signatures(result)),
                             "signature": list(signatures(result).values())})
        sigs.write_excel(book, worksheet="signatures", autofit=True)
    return buffer.getvalue()


def _num(value: float) -> float | None:
    return None if math.isnan(value) else value


def _nan_to_none(values: np.ndarray) -> list[float | None]:
    return [None if math.isnan(v) else v for v in np.asarray(values, dtype=np.float64).tolist()]
