"""`transdesk translit`: a name under every transliteration scheme the desk may meet."""

from __future__ import annotations

import typer


def translit_command(
    text: str = typer.Argument(..., help="Cyrillic text, e.g. a name with its patronymic."),
    lang: str | None = typer.Option(
        None, "--lang", "-l", help="ru or be; detected from the letters when not given."
    ),
    scheme: str | None = typer.Option(
        None, "--scheme", "-s", help="One scheme; without it every scheme of the language."
    ),
) -> None:
    """Transliterate Cyrillic into Latin script under the desk's schemes."""
    from core.errors import TransdeskError
    from lang import check_code, detect_language
    from lang.translit import all_renderings, transliterate

    code = check_code(lang) if lang else detect_language(text)
    if code not in ("ru", "be"):
        raise TransdeskError(f"transliteration knows Russian and Belarusian, not {code!r}")
    if scheme:
        typer.echo(transliterate(text, scheme))
        return
    renderings = all_renderings(text, code)
    width = max(len(name) for name in renderings)
    for name, rendered in renderings.items():
        typer.echo(f"{name:<{width}}  {rendered}")
