"""English: its own sentence rules and a rule-based lemmatiser."""

from lang.language import Language
from lang.lemma_en import lemmas_en

LANGUAGE = Language(code="en", name="English", full=True, base_forms=lemmas_en)
