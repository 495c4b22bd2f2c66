"""Fixtures for the align tests: small ru/be/en texts on disk."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from align.model import Alignment, Bead
from core.document import Document

RU = (
    "Совещание открыл министр финансов. Он напомнил о сроках подачи отчётов.\n"
    "В 2023 году бюджет вырос на 12%. Расходы на образование составили 4,5 млрд рублей.\n"
)
BE = (
    "Пасяджэнне адкрыў міністр фінансаў. Ён нагадаў пра тэрміны падачы справаздач.\n"
    "У 2023 годзе бюджэт павялічыўся на 12%. Выдаткі на адукацыю склалі 4,5 млрд рублёў.\n"
)
EN = (
    "The meeting was opened by the Minister of Finance. He reminded everyone of the "
    "reporting deadlines.\n"
    "In 2023 the budget grew by 12%. Spending on education came to 4.5 billion roubles.\n"
)


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    """A folder with ru.txt, be.txt and en.txt (the same four sentences) and empty.txt."""
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "ru.txt").write_text(RU, encoding="utf-8")
    (folder / "be.txt").write_text(BE, encoding="utf-8")
    (folder / "en.txt").write_text(EN, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


@dataclass
class FakeAligner:
    """Stands in for align.aligner where a test checks the batch's orchestration: diagonal
    1:1 beads (score 0.9, or 0.3 once a lexicon is given, so the second pass shows), the
    rest 1:0 or 0:1 with score 0; it records what it was asked. A source whose first
    sentence starts with BREAK makes the first pass (learn_lexicon) fail."""

    embeddings: bool = False
    calls: list[tuple[str, str, object]] = field(default_factory=list)
    learned_from: list[int] = field(default_factory=list)

    def module(self) -> types.ModuleType:
        mod = types.ModuleType("align.aligner")

        @dataclass(frozen=True)
        class AlignConfig:
            embeddings: bool = True
            cache_dir: Path | None = None
            max_bead: int = 4

        def align_documents(src: Document, tgt: Document, config: AlignConfig = AlignConfig(),
                            *, lexicon: object = None, terms: object = None) -> Alignment:
            self.calls.append((Path(src.path or "").name, Path(tgt.path or "").name, lexicon))
            n, m = len(src.sentences), len(tgt.sentences)
            k = min(n, m)
            score = 0.9 if lexicon is None else 0.3
            beads = [Bead((i,), (i,), score) for i in range(k)]
            beads += [Bead((i,), (), 0.0) for i in range(k, n)]
            beads += [Bead((), (j,), 0.0) for j in range(k, m)]
            return Alignment(tuple(beads), n, m)

        def learn_lexicon(pairs: Iterable[tuple[list[str], list[str]]], src_lang: str,
                          tgt_lang: str, config: AlignConfig = AlignConfig()) -> str:
            texts = list(pairs)
            if any(s and s[0].startswith("BREAK") for s, _t in texts):
                raise ValueError("the first pass broke")
            self.learned_from.append(len(texts))
            return f"{src_lang}-{tgt_lang} lexicon of {len(texts)}"

        class EmbeddingsUnavailableWarning(UserWarning):
            pass

        mod.AlignConfig = AlignConfig  # type: ignore[attr-defined]
        mod.align_documents = align_documents  # type: ignore[attr-defined]
        mod.learn_lexicon = learn_lexicon  # type: ignore[attr-defined]
        mod.embeddings_available = lambda: self.embeddings  # type: ignore[attr-defined]
        mod.warm_embeddings = lambda sentences, lang, config: self.embeddings  # type: ignore[attr-defined]
        mod.EmbeddingsUnavailableWarning = EmbeddingsUnavailableWarning  # type: ignore[attr-defined]
        return mod


@pytest.fixture
def fake_aligner(monkeypatch: pytest.MonkeyPatch) -> FakeAligner:
    """Install a FakeAligner as align.aligner for one test."""
    fake = FakeAligner()
    monkeypatch.setitem(sys.modules, "align.aligner", fake.module())
    return fake
