"""The attribute ruler and the lemmatizer, remembered per word instead of run per word.

In the small English pipeline these two rule-based components cost about as
much as the parser (a ``Matcher`` over every token, then a Python call per
token), yet what they give a token depends only on the token itself (its
text, tag and dependency label) and, for a handful of two-word patterns
("gon na", "let 's", "there is"), on its neighbour. So this component asks
the real components once per distinct case, on a doc of that token and its
neighbours, and afterwards copies the remembered part of speech, morphology
and lemma onto the doc in one array operation: the same annotations, at a
fraction of the cost. Added by :func:`use_cached_attributes`.
"""

from __future__ import annotations

COMPONENT = "newsprism_cached_attributes"
#: Lower-cased first words of the ruler's two-word patterns; "expl" is the dependency one ("there is").
_PAIR_FIRSTS = frozenset({"ai", "gon", "got", "let", "c'm", "y'", "y"})
#: Cases remembered at most (some 50 MB); then the memory starts again.
MAX_KNOWN = 200_000
_registered = False


class CachedAttributes:
    """Sets POS, MORPH and LEMMA as ``attribute_ruler`` then ``lemmatizer`` would."""

    def __init__(self, ruler, lemmatizer):
        self.ruler, self.lemmatizer = ruler, lemmatizer
        self._known: dict[tuple, tuple[int, int, int]] = {}
        self._attrs = None

    def __call__(self, doc):
        from spacy.attrs import DEP, LEMMA, LOWER, MORPH, ORTH, POS, TAG
        import numpy

        if not len(doc):
            return doc
        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, TAG, DEP, LOWER]).tolist()
        pair_first = {strings[w] for w in _PAIR_FIRSTS if w in strings}
        expl = strings["expl"] if "expl" in strings else None
        out = numpy.zeros((len(rows), 3), dtype="uint64")
        if len(self._known) > MAX_KNOWN:
            self._known.clear()
        known = self._known
        last = len(rows) - 1
        for i, row in enumerate(rows):
            before = rows[i - 1] if i and (rows[i - 1][3] in pair_first or rows[i - 1][2] == expl) else None
            after = rows[i + 1] if i < last and row[3] in pair_first else None
            key = (row[0], row[1], row[2], before and (before[0], before[1], before[2]),
                   after and (after[0], after[1], after[2]))
            value = known.get(key)
            if value is None:
                value = known[key] = self._ask(doc, i, before is not None, after is not None)
            out[i] = value
        doc.from_array([POS, MORPH, LEMMA], out)
        return doc

    def _ask(self, doc, i: int, before: bool, after: bool) -> tuple[int, int, int]:
        """What the real components give token ``i`` in a doc of it and the neighbours that matter."""
        from spacy.tokens import Doc

        first, last = i - before, i + after + 1
        tokens = doc[first:last]
        small = Doc(doc.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens],
                    tags=[t.tag_ for t in tokens], deps=[t.dep_ or "dep" for t in tokens],
                    heads=list(range(len(tokens))))
        for token, original in zip(small, tokens):  # a dep without its parse, as in the real doc
            token.dep = original.dep
        self.lemmatizer(self.ruler(small))
        token = small[i - first]
        return token.pos, token.morph.key, token.lemma  # type: ignore[attr-defined]  # .key is a Cython attribute spaCy's stubs omit


def _register() -> None:
    global _registered
    if _registered:
        return
    from spacy.language import Language

    @Language.factory(COMPONENT)
    def make(nlp, name):  # noqa: ARG001 - spaCy's factory signature
        return CachedAttributes(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))

    _registered = True


def use_cached_attributes(nlp) -> None:
    """Put the cached component in place of ``attribute_ruler`` and ``lemmatizer`` (if both are there)."""
    _register()
    names = nlp.pipe_names
    if COMPONENT in names or "attribute_ruler" not in names or "lemmatizer" not in names:
        return
    if getattr(nlp.get_pipe("lemmatizer"), "overwrite", True):  # the ruler's lemmas would be overwritten: not cached
        return
    nlp.add_pipe(COMPONENT, before="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
