"""`transdesk glossary …`: thin commands over the glossary library.

Each command finds the glossary (--glossary, then $TRANSDESK_GLOSSARY, then ./glossary.tbx),
calls one library function and reports: data on stdout (`--format table|tsv|json` where
there is a listing), messages on stderr. Changes go through `store.update`, which locks,
re-reads, changes and saves atomically. Only typer is imported here; lxml, the morphology and
the spreadsheet libraries load inside the commands that need them.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from glossary.model import MatchMode, Status
from glossary.store import ENV_VAR

if TYPE_CHECKING:
    from glossary.edit import NewTerm
    from glossary.model import Concept, Termbase

app = typer.Typer(
    name="glossary",
    help="Keep the desk glossary: a TBX termbase of concepts with ru, be and en terms.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

_PREFIX = "transdesk: "


class OutputFormat(enum.StrEnum):
    table = "table"
    tsv = "tsv"
    json = "json"


class PosChoice(enum.StrEnum):
    noun = "noun"
    verb = "verb"
    adjective = "adjective"
    adverb = "adverb"
    other = "other"


class TypeChoice(enum.StrEnum):
    fullForm = "fullForm"
    shortForm = "shortForm"
    abbreviation = "abbreviation"
    acronym = "acronym"
    variant = "variant"
    phrase = "phrase"


class GenderChoice(enum.StrEnum):
    masculine = "masculine"
    feminine = "feminine"
    neuter = "neuter"
    other = "other"


class Side(enum.StrEnum):
    ours = "ours"
    theirs = "theirs"


class FileFormat(enum.StrEnum):
    tbx = "tbx"
    csv = "csv"
    tsv = "tsv"
    xlsx = "xlsx"


# Options shared by the commands, defined once.
GlossaryOpt = Annotated[Path | None, typer.Option(
    "--glossary", "-g", envvar=ENV_VAR, show_envvar=True,
    help="The glossary file; else $TRANSDESK_GLOSSARY, else ./glossary.tbx.")]
FormatOpt = Annotated[OutputFormat, typer.Option(
    "--format", "-f", help="table for people; tsv or json for programs.")]
LangOpt = Annotated[str | None, typer.Option("--lang", "-l", help="Only this language.")]
AllowDuplicate = Annotated[bool, typer.Option(
    "--allow-duplicate", help="Allow a term that another concept has (a homonym).")]


def _path(glossary: Path | None) -> Path:
    from glossary.store import resolve_path

    return resolve_path(glossary)


def _say(message: str) -> None:
    typer.echo(_PREFIX + message, err=True)


@app.command("init")
def init_command(
    glossary: GlossaryOpt = None,
    title: Annotated[str, typer.Option("--title", help="Title in the TBX header.")]
    = "transdesk desk glossary",
    languages: Annotated[str, typer.Option(
        "--languages", help="Languages every concept should have, space-separated.")]
    = "ru be en",
    name_source: Annotated[str, typer.Option(
        "--name-source", help="Romanize names from their ru or be form.")] = "ru",
    ru_scheme: Annotated[str | None, typer.Option(
        "--ru-scheme", help="Scheme for names from Russian (default wikipedia).")] = None,
    be_scheme: Annotated[str | None, typer.Option(
        "--be-scheme", help="Scheme for names from Belarusian (default be-ascii).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Create an empty glossary with the desk's settings."""
    from core.errors import TransdeskError
    from glossary.model import DEFAULT_SETTINGS, Settings, Termbase, new_header
    from glossary.settings import check_setting
    from glossary.store import save

    path = _path(glossary)
    if path.exists() and not force:
        raise TransdeskError(f"{path} already exists; pass --force to replace it")
    values = {
        "languages": " ".join(languages.replace(",", " ").split()),
        "name-source": name_source,
        "name-scheme.ru": ru_scheme or DEFAULT_SETTINGS["name-scheme.ru"],
        "name-scheme.be": be_scheme or DEFAULT_SETTINGS["name-scheme.be"],
    }
    for key, value in values.items():
        values[key] = check_setting(key, value)
    save(Termbase(header=new_header(title), settings=Settings(tuple(sorted(values.items())))),
         path)
    _say(f"created {path}")


@app.command("add")
def add_command(
    terms: Annotated[list[str] | None, typer.Option(
        "--term", "-t", metavar="LANG=TEXT",
        help="A term; preferred if the concept has no preferred one of its kind yet.")] = None,
    ru: Annotated[list[str] | None, typer.Option(
        "--ru", metavar="TEXT", help="Same as --term ru=TEXT.")]
    = None,
    be: Annotated[list[str] | None, typer.Option(
        "--be", metavar="TEXT", help="Same as --term be=TEXT.")]
    = None,
    en: Annotated[list[str] | None, typer.Option(
        "--en", metavar="TEXT", help="Same as --term en=TEXT.")]
    = None,
    admitted: Annotated[list[str] | None, typer.Option(
        "--admitted", metavar="LANG=TEXT", help="An admitted term.")] = None,
    deprecated: Annotated[list[str] | None, typer.Option(
        "--deprecated", metavar="LANG=TEXT", help="A deprecated term (not desk style).")]
    = None,
    forbidden: Annotated[list[str] | None, typer.Option(
        "--forbidden", metavar="LANG=TEXT", help="A forbidden term (never to be used).")]
    = None,
    status: Annotated[Status | None, typer.Option(
        "--status", help="Status of the --term/--ru/--be/--en terms.")] = None,
    concept: Annotated[str | None, typer.Option(
        "--concept", "-c", help="Add to this existing concept.")] = None,
    concept_id: Annotated[str | None, typer.Option(
        "--id", help="Id of the new concept; made from its English term if not given.")]
    = None,
    subject: Annotated[str | None, typer.Option("--subject", help="Subject field.")] = None,
    definition: Annotated[str | None, typer.Option("--definition", help="Definition.")]
    = None,
    note: Annotated[str | None, typer.Option("--note", help="Note on the concept.")] = None,
    term_note: Annotated[str | None, typer.Option(
        "--term-note", help="Note on every term added (for a forbidden term: why).")] = None,
    pos: Annotated[PosChoice, typer.Option("--pos", help="Part of speech.")] = PosChoice.noun,
    term_type: Annotated[TypeChoice | None, typer.Option("--type", help="Term type.")] = None,
    gender: Annotated[GenderChoice | None, typer.Option(
        "--gender", help="Grammatical gender.")] = None,
    case_sensitive: Annotated[bool, typer.Option(
        "--case-sensitive", help="Match only with this capitalisation (codes, acronyms).")]
    = False,
    match: Annotated[MatchMode, typer.Option(
        "--match", help="inflecting (any form), exact (as written) or pattern.")]
    = MatchMode.INFLECTING,
    pattern: Annotated[str | None, typer.Option(
        "--pattern", help="Regular expression, with --match pattern.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Where the term comes from.")]
    = None,
    allow_duplicate: AllowDuplicate = False,
    glossary: GlossaryOpt = None,
) -> None:
    """Add a concept with its terms, or add terms to a concept (--concept)."""
    from glossary.edit import add_concept, add_terms
    from glossary.store import update

    plain = status
    given: list[tuple[str, Status | None]] = []
    given += [(t, plain) for t in terms or ()]
    given += [(f"ru={t}", plain) for t in ru or ()]
    given += [(f"be={t}", plain) for t in be or ()]
    given += [(f"en={t}", plain) for t in en or ()]
    given += [(t, Status.ADMITTED) for t in admitted or ()]
    given += [(t, Status.DEPRECATED) for t in deprecated or ()]
    given += [(t, Status.FORBIDDEN) for t in forbidden or ()]
    common: dict[str, Any] = {
        "part_of_speech": pos.value, "term_type": term_type.value if term_type else None,
        "gender": gender.value if gender else None, "case_sensitive": case_sensitive,
        "match": match, "pattern": pattern, "note": term_note,
        "source": source,
    }
    today = date.today()

    def change(termbase: Termbase) -> tuple[Termbase, Concept]:
        existing = termbase.concept(concept) if concept else None
        new_terms = _new_terms(given, common, existing)
        if concept:
            return add_terms(termbase, concept, new_terms, today=today,
                             allow_duplicate=allow_duplicate)
        return add_concept(termbase, new_terms, concept_id=concept_id, subject=subject,
                           definition=definition, note=note, today=today,
                           allow_duplicate=allow_duplicate)

    if concept and (concept_id or subject or definition or note):
        from core.errors import TransdeskError

        raise TransdeskError("--id, --subject, --definition and --note describe a new "
                             "concept; use `transdesk glossary edit` to change one")
    result = update(_path(glossary), change)
    typer.echo(result.id)
    _say(f"{'added to' if concept else 'added'} concept {result.id} "
         f"({len(given)} term{'s' if len(given) != 1 else ''})")


def _new_terms(given: list[tuple[str, Status | None]], common: dict[str, Any],
               existing: Concept | None) -> list[NewTerm]:
    """Terms from LANG=TEXT options; a plain --term is preferred while its slot is free."""
    from glossary.edit import NewTerm
    from glossary.model import Term, form_class

    taken = {(t.lang, form_class(t)) for t in (existing.terms if existing else ())
             if t.status is Status.PREFERRED}
    out = []
    for spec, status in given:
        lang, text = _lang_text(spec)
        if status is None:
            slot = (lang, form_class(Term(lang, text, term_type=common["term_type"])))
            status = Status.ADMITTED if slot in taken else Status.PREFERRED
            taken.add(slot)
        out.append(NewTerm(lang=lang, text=text, status=status, **common))
    return out


def _lang_text(spec: str) -> tuple[str, str]:
    from core.errors import TransdeskError
    from lang import check_code

    lang, sep, text = spec.partition("=")
    if not sep or not text.strip():
        raise TransdeskError(f"give a term as LANG=TEXT, e.g. ru=Минск, not {spec!r}")
    return check_code(lang), text.strip()


@app.command("edit")
def edit_command(
    concept: Annotated[str, typer.Argument(help="Id of the concept.")],
    term: Annotated[str | None, typer.Option(
        "--term", "-t", metavar="LANG=TEXT", help="Edit this term instead of the concept.")]
    = None,
    text: Annotated[str | None, typer.Option("--text", help="New text of the term.")] = None,
    status: Annotated[Status | None, typer.Option("--status")] = None,
    pos: Annotated[PosChoice | None, typer.Option("--pos")] = None,
    term_type: Annotated[TypeChoice | None, typer.Option("--type")] = None,
    gender: Annotated[GenderChoice | None, typer.Option("--gender")] = None,
    case_sensitive: Annotated[bool | None, typer.Option(
        "--case-sensitive/--case-insensitive")] = None,
    match: Annotated[MatchMode | None, typer.Option("--match")] = None,
    pattern: Annotated[str | None, typer.Option("--pattern")] = None,
    source: Annotated[str | None, typer.Option("--source")] = None,
    note: Annotated[str | None, typer.Option(
        "--note", help="Note of the term (with --term) or of the concept; '' clears it.")]
    = None,
    subject: Annotated[str | None, typer.Option("--subject")] = None,
    definition: Annotated[str | None, typer.Option("--definition")] = None,
    glossary: GlossaryOpt = None,
) -> None:
    """Change a concept's subject, definition or note, or one of its terms."""
    from core.errors import TransdeskError
    from glossary.edit import KEEP, edit_concept, edit_term
    from glossary.store import update

    today = date.today()
    term_changes: dict[str, Any] = {
        "text": text, "status": status,
        "part_of_speech": pos.value if pos else None,
        "term_type": term_type.value if term_type else None,
        "gender": gender.value if gender else None, "case_sensitive": case_sensitive,
        "match": match, "pattern": pattern,
        "source": source,
    }
    term_changes = {k: v for k, v in term_changes.items() if v is not None}
    if term is None:
        if term_changes:
            raise TransdeskError(f"{', '.join(sorted(term_changes))}: these change a term; "
                                 "name it with --term LANG=TEXT")
        concept_changes = {"subject": subject, "definition": definition, "note": note}
        concept_changes = {k: (KEEP if v is None else v) for k, v in concept_changes.items()}

        def change(termbase: Termbase) -> tuple[Termbase, str]:
            return edit_concept(termbase, concept, today=today, **concept_changes)[0], concept
    else:
        if subject is not None or definition is not None:
            raise TransdeskError("--subject and --definition belong to the concept; "
                                 "leave out --term")
        lang, old_text = _lang_text(term)
        if note is not None:
            term_changes["note"] = note

        def change(termbase: Termbase) -> tuple[Termbase, str]:
            return edit_term(termbase, concept, lang, old_text, today=today,
                             **term_changes)[0], concept

    update(_path(glossary), change)
    _say(f"edited concept {concept}")


@app.command("remove")
def remove_command(
    concept: Annotated[str, typer.Argument(help="Id of the concept.")],
    term: Annotated[str | None, typer.Option(
        "--term", "-t", metavar="LANG=TEXT", help="Remove only this term.")] = None,
    glossary: GlossaryOpt = None,
) -> None:
    """Remove a concept, or one of its terms."""
    from glossary.edit import remove
    from glossary.store import update

    lang, text = _lang_text(term) if term else (None, None)
    today = date.today()
    update(_path(glossary),
           lambda tb: (remove(tb, concept, lang, text, today=today), None))
    _say(f"removed {f'{lang} term {text!r} from ' if term else ''}concept {concept}")


@app.command("list")
def list_command(
    lang: LangOpt = None,
    status: Annotated[Status | None, typer.Option("--status", help="Only this status.")]
    = None,
    subject: Annotated[str | None, typer.Option("--subject", help="Only this subject.")]
    = None,
    concept: Annotated[str | None, typer.Option("--concept", "-c", help="Only this concept.")]
    = None,
    fmt: FormatOpt = OutputFormat.table,
    glossary: GlossaryOpt = None,
) -> None:
    """List terms, a row a term."""
    from glossary.edit import require_concept
    from glossary.model import id_key
    from glossary.store import load

    termbase = load(_path(glossary))
    concepts = sorted(termbase.concepts, key=lambda c: id_key(c.id))
    if concept:
        concepts = [require_concept(termbase, concept)]
    rows = [
        {"concept": c.id, "subject": c.subject or "", "lang": t.lang, "status": t.status.value,
         "term": t.text}
        for c in concepts if subject is None or c.subject == subject
        for t in c.terms
        if (lang is None or t.lang == lang) and (status is None or t.status.value == status)
    ]
    _emit_rows(rows, ["concept", "subject", "lang", "status", "term"], fmt)


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help="Words in any inflected form.")],
    lang: LangOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    glossary: GlossaryOpt = None,
) -> None:
    """Find concepts from a term in any form ("Великой Отечественной войны")."""
    from glossary.search import search
    from glossary.store import load

    if lang is not None:
        from lang import check_code

        lang = check_code(lang)
    hits = search(load(_path(glossary)), query, lang)
    if not hits:
        _say(f"no term matches {query!r}")
        raise typer.Exit(1)
    rows: list[dict[str, str]] = []
    shown: dict[str, set[tuple[str, str]]] = {}
    for hit in hits:
        shown.setdefault(hit.concept.id, set())
    by_id = {h.concept.id: h.concept for h in hits}
    for cid, seen in shown.items():
        for hit in (h for h in hits if h.concept.id == cid):
            seen.add((hit.term.lang, hit.term.text))
            rows.append(_hit_row(cid, hit.term.lang, hit.term.status, hit.term.text,
                                 hit.kind.label))
        concept = by_id[cid]
        for lang_code in concept.languages:
            preferred = concept.preferred(lang_code)
            if preferred is not None and (lang_code, preferred.text) not in seen:
                rows.append(_hit_row(cid, lang_code, preferred.status, preferred.text, ""))
    _emit_rows(rows, ["concept", "lang", "status", "term", "match"], fmt)


def _hit_row(cid: str, lang: str, status: Status, text: str, kind: str) -> dict[str, str]:
    return {"concept": cid, "lang": lang, "status": status.value, "term": text, "match": kind}


@app.command("lint")
def lint_command(
    fmt: FormatOpt = OutputFormat.table,
    glossary: GlossaryOpt = None,
) -> None:
    """Check the glossary: two preferred renderings, preferred and forbidden, duplicates,
    missing languages. Exits 1 when there are errors."""
    from glossary.lint import Severity, lint
    from glossary.store import load

    findings = lint(load(_path(glossary)))
    rows = [{"severity": f.severity.value, "kind": f.kind, "concept": f.concept,
             "lang": f.lang, "term": f.term, "message": f.message} for f in findings]
    if rows or fmt is not OutputFormat.table:
        _emit_rows(rows, ["severity", "kind", "concept", "lang", "term", "message"], fmt)
    errors = sum(f.severity is Severity.ERROR for f in findings)
    _say(f"{errors} error{'s' if errors != 1 else ''}, {len(findings) - errors} "
         f"warning{'s' if len(findings) - errors != 1 else ''}")
    if errors:
        raise typer.Exit(1)


@app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="A .tbx, .csv, .tsv, .txt or .xlsx file.")],
    file_format: Annotated[FileFormat | None, typer.Option(
        "--file-format", help="The file's format, when its extension does not say.")] = None,
    prefer: Annotated[Side | None, typer.Option(
        "--prefer", help="Resolve conflicts by keeping ours or theirs (still reported).")]
    = None,
    fmt: FormatOpt = OutputFormat.table,
    glossary: GlossaryOpt = None,
) -> None:
    """Import concepts from a file into the glossary (made if missing), as a merge."""
    from glossary.io import read_any

    incoming, ignored = read_any(file, file_format.value if file_format else None)
    if ignored:
        _say(f"left out columns it does not know: {', '.join(ignored)}")
    _merge_into(_path(glossary), incoming, None, prefer, fmt, create=True, what="imported")


@app.command("export")
def export_command(
    output: Annotated[Path, typer.Argument(help="The file to write ('-' for stdout).")],
    file_format: Annotated[FileFormat | None, typer.Option(
        "--file-format", help="tbx, csv, tsv or xlsx; else from the extension.")] = None,
    glossary: GlossaryOpt = None,
) -> None:
    """Export the glossary as TBX, CSV, TSV or XLSX."""
    from core.errors import TransdeskError
    from glossary.io import export_bytes, output_format
    from glossary.store import load

    path = _path(glossary)
    fmt = output_format(output, file_format.value if file_format else None)
    if str(output) != "-" and output.resolve() == path.resolve():
        raise TransdeskError("export would overwrite the glossary itself; name another file")
    data = export_bytes(load(path), fmt)
    if str(output) == "-":
        if fmt == "xlsx":
            raise TransdeskError("xlsx is a binary format; give a file name, not '-'")
        typer.echo(data.decode("utf-8"), nl=False)
        return
    from core.output import atomic_write

    with atomic_write(output, "wb") as handle:
        handle.write(data)
    _say(f"wrote {output}")


@app.command("merge")
def merge_command(
    other: Annotated[Path, typer.Argument(help="The glossary to merge in (any format).")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the result here instead of into the glossary.")] = None,
    prefer: Annotated[Side | None, typer.Option(
        "--prefer", help="Resolve conflicts by keeping ours or theirs (still reported).")]
    = None,
    fmt: FormatOpt = OutputFormat.table,
    glossary: GlossaryOpt = None,
) -> None:
    """Merge another glossary into this one; conflicts are reported, never silently
    resolved (nothing is written while any remains, unless --prefer)."""
    from glossary.io import read_any

    incoming, _ = read_any(other, None)
    _merge_into(_path(glossary), incoming, output, prefer, fmt, create=False, what="merged")


def _merge_into(path: Path, incoming: Termbase, output: Path | None, prefer: Side | None,
                fmt: OutputFormat, *, create: bool, what: str) -> None:
    from glossary.merge import MergeResult, merge
    from glossary.store import load, save, update

    side = prefer.value if prefer else None

    def change(termbase: Termbase) -> tuple[Termbase, MergeResult]:
        result = merge(termbase, incoming, side)  # type: ignore[arg-type]
        if result.conflicts and side is None:
            return termbase, result  # unchanged: update() writes nothing
        return result.termbase, result

    if output is None:
        result = update(path, change, create=create)
    else:
        _, result = change(load(path))
        if not result.conflicts or side is not None:
            save(result.termbase, output)
    rows = [{"concept": c.concept, "kind": c.kind, "message": c.message}
            for c in result.conflicts]
    if rows:
        _emit_rows(rows, ["concept", "kind", "message"], fmt)
    target = output or path
    if result.conflicts and side is None:
        _say(f"{len(rows)} conflict{'s' if len(rows) != 1 else ''}; nothing written to "
             f"{target} (resolve them, or pass --prefer ours|theirs)")
        raise typer.Exit(1)
    _say(f"{what} into {target}: {len(result.added)} new, {len(result.updated)} updated, "
         f"{len(rows)} conflict{'s' if len(rows) != 1 else ''}")


@app.command("add-name")
def add_name_command(
    name: Annotated[str, typer.Argument(
        help="Russian full name: 'First Patronymic Surname' (or 'First Surname').")],
    be: Annotated[str | None, typer.Option("--be", help="The Belarusian form of the name.")]
    = None,
    gender: Annotated[str | None, typer.Option(
        "--gender", help="m or f; read from the patronymic when not given.")] = None,
    concept_id: Annotated[str | None, typer.Option("--id", help="Id of the new concept.")]
    = None,
    note: Annotated[str | None, typer.Option("--note", help="Who the person is.")] = None,
    allow_duplicate: AllowDuplicate = False,
    fmt: FormatOpt = OutputFormat.table,
    glossary: GlossaryOpt = None,
) -> None:
    """Add a person: the desk's English rendering, other renderings as deprecated, and the
    forms matching needs (surname, first name and patronymic, initials)."""
    from core.errors import TransdeskError
    from glossary.names import add_person

    genders = {"m": "masc", "male": "masc", "f": "femn", "female": "femn"}
    if gender is not None and gender.lower() not in genders:
        raise TransdeskError(f"--gender must be m or f, not {gender!r}")
    today = date.today()
    from glossary.store import update

    concept = update(_path(glossary), lambda tb: add_person(
        tb, name, be, gender=genders[gender.lower()] if gender else None,  # type: ignore[arg-type]
        concept_id=concept_id, note=note, today=today, allow_duplicate=allow_duplicate))
    rows = [{"concept": concept.id, "lang": t.lang, "status": t.status.value, "term": t.text,
             "note": t.note or ""} for t in concept.terms]
    _emit_rows(rows, ["concept", "lang", "status", "term", "note"], fmt)
    _say(f"added concept {concept.id} ({len(concept.terms)} terms)")


@app.command("config")
def config_command(
    key: Annotated[str | None, typer.Argument(help="A setting; all are shown without one.")]
    = None,
    value: Annotated[str | None, typer.Argument(help="Its new value.")] = None,
    unset: Annotated[bool, typer.Option("--unset", help="Back to the default.")] = False,
    glossary: GlossaryOpt = None,
) -> None:
    """Show or change the desk settings kept in the glossary (name schemes, languages)."""
    from dataclasses import replace

    from glossary.model import SETTING_KEYS
    from glossary.settings import check_setting
    from glossary.store import load, update

    path = _path(glossary)
    if key is None or (value is None and not unset):
        settings = load(path).settings
        keys = [key] if key else list(SETTING_KEYS)
        if key:
            check_setting(key, None)
        for name in keys:
            typer.echo(f"{name}\t{settings.get(name)}")
        return
    check_setting(key, None)
    checked = None if unset else check_setting(key, value)

    def change(termbase: Termbase) -> tuple[Termbase, None]:
        return replace(termbase, settings=termbase.settings.with_value(key, checked)), None

    update(path, change)
    _say(f"{key} = {checked}" if checked is not None else f"{key} reset to its default")


def _emit_rows(rows: Sequence[dict[str, str]], columns: list[str], fmt: OutputFormat) -> None:
    """Rows to stdout as an aligned table, TSV with a header, or a JSON array."""
    if fmt is OutputFormat.json:
        typer.echo(json.dumps([{c: r[c] for c in columns} for r in rows], ensure_ascii=False,
                              indent=2))
        return
    if fmt is OutputFormat.tsv:
        lines = ["\t".join(columns)]
        lines += ["\t".join(" ".join(str(r[c]).split()) for c in columns) for r in rows]
        typer.echo("\n".join(lines))
        return
    widths = [max([len(c)] + [len(str(r[c])) for r in rows]) for c in columns]
    for line in [dict(zip(columns, columns, strict=True)), *rows]:
        cells = [str(line[c]).ljust(w) for c, w in zip(columns, widths, strict=True)]
        typer.echo("  ".join(cells).rstrip())


@app.command("suggest")
def suggest_command(
    bitexts: Annotated[list[Path], typer.Argument(
        help="Bitext files (.tsv, .jsonl, .tmx, .xlf); two text files in a row are read as "
        "a line-parallel source and target.", metavar="BITEXT...")],
    src_lang: Annotated[str | None, typer.Option(
        "--src-lang", help="Source language; from the input or detected.")] = None,
    tgt_lang: Annotated[str | None, typer.Option(
        "--tgt-lang", help="Target language; from the input or detected.")] = None,
    min_count: Annotated[int, typer.Option(
        "--min-count", help="Segments a term and its rendering must share.")] = 2,
    min_dice: Annotated[float, typer.Option(
        "--min-dice", help="Least association (Dice) of a term and its rendering.")] = 0.3,
    max_words: Annotated[int, typer.Option(
        "--max-words", help="Longest term, in words.")] = 4,
    top: Annotated[int | None, typer.Option("--top", "-n", help="Show the best N only.")]
    = None,
    accept: Annotated[str | None, typer.Option(
        "--accept", help="With --apply: only these ranks, e.g. 1,2,5-8.")] = None,
    apply: Annotated[bool, typer.Option(
        "--apply", help="Add the suggestions shown (or --accept'ed) to the glossary.")]
    = False,
    fmt: FormatOpt = OutputFormat.table,
    glossary: GlossaryOpt = None,
) -> None:
    """Propose glossary entries from aligned text: terms (lemmatised n-grams and names)
    with the rendering they consistently take, ranked by log-likelihood."""
    from glossary.bitext import BITEXT_SUFFIXES, read_bitext, read_parallel
    from glossary.suggest import suggest
    from lang import check_code, detect_language

    path = _path(glossary)
    termbase = None
    if path.exists():
        from glossary.store import load

        termbase = load(path)
    segments: list[Any] = []
    langs: list[tuple[str | None, str | None]] = []
    pending: Path | None = None
    for item in bitexts:
        if pending is not None:
            read = read_parallel(pending, item)
            pending = None
        elif item.suffix.lower() in BITEXT_SUFFIXES:
            read = read_bitext(item, src_lang, tgt_lang)
        else:
            pending = item
            continue
        segments.append(read.segments)
        langs.append((read.src_lang, read.tgt_lang))
    if pending is not None:
        from core.errors import TransdeskError

        raise TransdeskError(f"{pending}: a text file needs its translation after it "
                             "(line-parallel), or use a bitext format")
    if len(segments) > 1:  # ids of several inputs: "2:14" is segment 14 of the second
        from dataclasses import replace

        segments = [[replace(s, id=f"{n}:{s.id}") for s in segs]
                    for n, segs in enumerate(segments, 1)]
    segments = [s for segs in segments for s in segs]
    src = src_lang or next((s for s, _ in langs if s), None) or \
        detect_language(" ".join(s.source for s in segments[:2000]))
    tgt = tgt_lang or next((t for _, t in langs if t), None) or \
        detect_language(" ".join(s.target for s in segments[:2000]))
    src, tgt = check_code(src), check_code(tgt)
    found = suggest(segments, src, tgt, termbase=termbase, min_count=min_count,
                    max_len=max_words, min_dice=min_dice)
    ranked = list(enumerate(found[:top] if top else found, 1))
    rows = [{"rank": str(n), "source": c.source, "target": c.target,
             "count": f"{c.count}/{c.source_count}", "consistency": f"{c.consistency:.2f}",
             "dice": f"{c.dice:.2f}", "llr": f"{c.llr:.1f}",
             "examples": ",".join(c.examples)} for n, c in ranked]
    _emit_rows(rows, ["rank", "source", "target", "count", "consistency", "dice", "llr",
                      "examples"], fmt)
    _say(f"{len(found)} suggestion{'s' if len(found) != 1 else ''} from {len(segments)} "
         f"segment pairs ({src}→{tgt})")
    if apply:
        chosen = [c for n, c in ranked if accept is None or n in _ranks(accept)]
        _apply_suggestions(path, chosen, src, tgt)


def _ranks(spec: str) -> set[int]:
    """"1,2,5-8" -> {1, 2, 5, 6, 7, 8}."""
    from core.errors import TransdeskError

    out: set[int] = set()
    for part in spec.replace(" ", "").split(","):
        if not part:
            continue
        low, dash, high = part.partition("-")
        try:
            out.update(range(int(low), int(high) + 1) if dash else {int(low)})
        except ValueError:
            raise TransdeskError(f"--accept takes ranks such as 1,2,5-8, not {spec!r}") from None
    return out


def _apply_suggestions(path: Path, chosen: Sequence[Any], src: str, tgt: str) -> None:
    """Add each chosen suggestion as a concept; one that conflicts is skipped and said."""
    from core.errors import TransdeskError
    from glossary.edit import NewTerm, add_concept
    from glossary.store import update

    today = date.today()

    def change(termbase: Termbase) -> tuple[Termbase, tuple[list[str], list[str]]]:
        added: list[str] = []
        skipped: list[str] = []
        for cand in chosen:
            note = f"suggested from {cand.count} of {cand.source_count} segments"
            terms = [NewTerm(src, cand.source, Status.PREFERRED, source="transdesk suggest",
                             note=note),
                     NewTerm(tgt, cand.target, Status.PREFERRED, source="transdesk suggest",
                             note=note)]
            try:
                termbase, concept = add_concept(termbase, terms, today=today)
            except TransdeskError as exc:
                skipped.append(f"{cand.source} → {cand.target}: {exc}")
                continue
            added.append(concept.id)
        return termbase, (added, skipped)

    added, skipped = update(path, change, create=True)
    for line in skipped:
        _say(f"skipped {line}")
    _say(f"added {len(added)} concept{'s' if len(added) != 1 else ''} to {path}")
