"""Russian: razdel-based sentence rules, pymorphy3 lemmas, transliteration for names."""

from lang.language import Language
from lang.lemma_ru import lemmas_ru

LANGUAGE = Language(code="ru", name="Russian", full=True, base_forms=lemmas_ru,
                    name_scheme="wikipedia")
