"""Evidence for sentence alignment, one kind per module behind one small interface.

`base.Evidence`: `extract` turns each side's analysed sentences into per-sentence features
(dense rows that add up over a run, or item sets whose overlap counts), once per document
pair; `features` then scores whole arrays of candidate beads from run sums and overlaps, and
`skip_features` scores leaving sentences out. Adding a kind of evidence is a new module and
a line in `align.aligner._evidences`, never an edit of the search.

- length: Gale-Church, ratio and variance from the pair itself
- numbers: digits and dates written one way ("1 000" = "1,000", "9 мая" = "9 May")
- names: proper names across scripts through transliteration skeletons
- punctuation: questions, quotes, brackets, colons; how sentences start and end
- lexicon: word pairs learned from the confident beads of a first pass
- terms: glossary term pairs found on both sides
- anchors: paragraph and speaker-turn starts
- embeddings: sentence and run vectors from the bundled encoder (`encoder`)
"""
