"""The desk glossary: a concept-oriented termbase kept as TBX-Basic (v3, DCA style).

Modules, one job each:
- model: Concept, Term, Status, MatchMode, Settings, Termbase (frozen dataclasses), Extra;
- tbx_read / tbx_write: TBX in (TBX-Basic DCA and DCT, TBX-Min, TBX 2 `martif`; safe
  parsing) and the canonical, deterministic TBX-Basic DCA file out;
- tables: CSV, TSV and XLSX import and export; io: any of these by extension;
- store: load, save and `update` (lock, re-read, change, atomic save);
- edit: add, edit and remove concepts and terms, refusing conflicts;
- match: the one matcher: every term in a text, in any inflection, with spans (a trie over
  base-form keys; case policy; hyphen, apostrophe and ё variants); search, the checks,
  term extraction and scoring all use it;
- search: lemmatised lookup ("Великой Отечественной войны" finds the war), over match;
- bitext: segment pairs from line-parallel files, TSV, JSON Lines, TMX and XLIFF 1.2/2.x;
- checks: one module per kind of finding (missing, forbidden/deprecated, case,
  consistency, numbers, untranslated, marks, spaces, omission) and the run over a bitext;
- findings: the Finding type, the polars frame, the report writers, suppressions;
- suggest: term extraction from aligned text (n-grams of base forms, Dice, log-likelihood);
- lint, merge: checks, and merging with conflicts reported;
- names, name_forms, name_variants: person concepts from a name;
- settings: the desk settings a glossary stores; cli: `transdesk glossary …`.

How the file says what TBX-Basic has no data category for (the reader and the writer agree;
corpora/README.md explains the first):
- status: administrativeStatus preferredTerm/admittedTerm/deprecatedTerm-admn-sts; a
  *forbidden* term is deprecatedTerm-admn-sts with a note "forbidden: <why>". Other valid
  values (supersededTerm, standardizedTerm) read as the nearest status and are written back
  as they were while the status is unchanged. TBX-Min usageStatus is converted.
- case sensitivity: a term note "case: sensitive" (absent: case-insensitive);
- match mode: a note "match: exact" or "match: pattern <regex>" (absent: inflecting);
- settings (name schemes, name source, languages): `<p type="transdesk-setting">key =
  value</p>` paragraphs in the header's encodingDesc, allowed by the TBX core structure;
- created / modified: transacGrp with transactionType origination / modification and a date.
Anything else a file holds is kept as Extra elements and written back.

This package imports neither align nor score; heavy libraries load inside functions.
"""
