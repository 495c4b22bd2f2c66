"""Any other language: punctuation-based sentences, normalised words as base forms."""

from lang.language import Language, identity_forms


def language(code: str) -> Language:
    """The generic profile under the given ISO 639-1 code."""
    return Language(code=code, name=code, full=False, base_forms=identity_forms)
