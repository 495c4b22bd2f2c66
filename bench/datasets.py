"""Readers for the alignment development data and the bundled corpora.

The development data lives outside the project (`../shared/data/align`, or the folder in
$TRANSDESK_DATA) and is never copied in; every reader returns None when its files are
absent, so a benchmark can skip that set and go on.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from align.notation import parse_beads

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora" / "documents"

Gold = list[tuple[tuple[int, ...], tuple[int, ...]]]


@dataclass(frozen=True)
class Doc:
    """One document pair: sentences of both sides, gold beads, paragraph starts."""

    name: str
    src: tuple[str, ...]
    tgt: tuple[str, ...]
    gold: Gold
    src_anchors: tuple[int, ...] = ()
    tgt_anchors: tuple[int, ...] = ()


def data_dir() -> Path:
    """The shared alignment data folder ($TRANSDESK_DATA or ../shared/data/align)."""
    env = os.environ.get("TRANSDESK_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "data" / "align"


Parallel = list[tuple[str, list[str], list[str]]]


def parallel_docs(src: list[str], tgt: list[str], docids: list[str]) -> Parallel:
    """Split line-parallel files into documents by their document ids, in order."""
    out: Parallel = []
    for k, doc in enumerate(docids):
        if not out or out[-1][0] != doc:
            out.append((doc, [], []))
        out[-1][1].append(src[k])
        out[-1][2].append(tgt[k])
    return out


def ntrex(src_lang: str) -> Parallel | None:
    """NTREX-128 dev documents, `src_lang` (ru or be) against English, line-parallel."""
    folder = data_dir() / "ntrex128-dev"
    files = [folder / f"ntrex-dev.{x}" for x in (src_lang, "en", "docids")]
    if not all(f.is_file() for f in files):
        return None
    src, tgt, ids = (f.read_text(encoding="utf-8").splitlines() for f in files)
    return parallel_docs(src, tgt, ids)


def wmt22() -> Parallel | None:
    """WMT22 ru-en general test: Russian source and reference A, per document."""
    path = data_dir() / "wmt22-ru-en" / "wmttest2022.ru-en.all.xml"
    if not path.is_file():
        return None
    out: Parallel = []
    for doc in ET.parse(path).getroot().iter("doc"):
        src = [seg.text or "" for seg in doc.find("src").iter("seg")]  # type: ignore[union-attr]
        refs = [r for r in doc.findall("ref") if r.get("translator") == "A"]
        if not refs or not src:
            continue
        tgt = [seg.text or "" for seg in refs[0].iter("seg")]
        if len(tgt) == len(src):
            out.append((doc.get("id", ""), src, tgt))
    return out


def textberg() -> Doc | None:
    """Text+Berg de-fr dev: one document with hand-made n:m gold (not covering all)."""
    folder = data_dir() / "textberg-de-fr-dev"
    files = [folder / x for x in ("dev.de", "dev.fr", "dev.defr")]
    if not all(f.is_file() for f in files):
        return None
    de, fr, gold = (f.read_text(encoding="utf-8") for f in files)
    beads = [(b.src, b.tgt) for b in parse_beads(gold, "dev.defr")]
    return Doc("textberg", tuple(de.splitlines()), tuple(fr.splitlines()), beads)


def bundled(src_lang: str) -> list[Doc] | None:
    """The bundled corpora's document pairs `src_lang`-en with their gold, if present."""
    if not CORPORA.is_dir():
        return None
    docs: list[Doc] = []
    for folder in sorted(p for p in CORPORA.iterdir() if p.is_dir()):
        files = [folder / f"{src_lang}.sents", folder / "en.sents", folder / f"{src_lang}-en.gold"]
        if not all(f.is_file() for f in files):
            continue
        src, tgt = (f.read_text(encoding="utf-8").splitlines() for f in files[:2])
        gold = [(b.src, b.tgt) for b in parse_beads(files[2].read_text(encoding="utf-8"))]
        docs.append(Doc(folder.name, tuple(src), tuple(tgt), gold,
                        _anchors(folder / f"{src_lang}.paras"), _anchors(folder / "en.paras")))
    return docs or None


def _anchors(paras: Path) -> tuple[int, ...]:
    """Sentence ids opening each paragraph, from a .paras file (sentences per paragraph)."""
    if not paras.is_file():
        return ()
    starts, n = [], 0
    for line in paras.read_text(encoding="utf-8").split():
        starts.append(n)
        n += int(line)
    return tuple(starts)
