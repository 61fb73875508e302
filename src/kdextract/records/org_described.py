"""Associations named with what they are: 'Somaliska föreningen Ekdungen', 'Islamiska församlingen i Åsby'.

Swedish writes many associations of a people, a faith or a language as a capitalised adjective of origin
(``described_adjective_endings``: "Somaliska", "Katolska"), a lower-case definite noun of an association or a
congregation (``described_association_heads``: "föreningen", "kulturföreningen", "församlingen") and the
association's own name or "i" and its place. The whole run is the name. A lower-case compound of such a head
("ungdomsföreningen Stjärnan") before a name is one too, named from the compound.

>>> [c.form for c in find_described_associations("Bidrag till Somaliska föreningen Ekdungen i år.")]
['Somaliska föreningen Ekdungen']
>>> [c.form for c in find_described_associations("Islamiska församlingen i Åsby har sökt bidrag.")]
['Islamiska församlingen i Åsby']
>>> [c.form for c in find_described_associations("Nya föreningen Ekdungen och föreningen Ekdungen")]
[]
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import WB_R, key_of, org_rules
from kdextract.records.org_associations import place_after, words_after
from kdextract.records.org_candidates import FULL_OFFICIAL, Cand


@lru_cache(maxsize=1)
def _described_re() -> regex.Pattern[str]:
    """An optional capitalised adjective of origin on the head's line, and a head alone or ending a lower-case
    compound of three letters or more before it."""
    rules = org_rules()
    heads = "|".join(map(regex.escape, sorted(rules.described_association_heads.words, key=len, reverse=True)))
    ends = "|".join(map(regex.escape, sorted(rules.described_adjective_endings.words, key=len, reverse=True)))
    return compile_re(r"(?<![\p{L}\p{N}\-])(?:(?P<adj>\p{Lu}\p{Ll}+(?:" + ends + r"))[ \t]+)?"
                      r"(?P<head>(?P<prefix>\p{Ll}{3,})?(?:" + heads + r"))" + WB_R)


def find_described_associations(text: str) -> Iterator[Cand]:
    """'Somaliska föreningen Ekdungen', 'Islamiska församlingen i Åsby', 'kulturföreningen Sampo'."""
    heads = org_rules().described_association_heads.words
    if not any(h in text for h in heads):
        return  # every match holds a head as written
    stop = frozenset(org_rules().name_adjectives.stoplist)
    for m in _described_re().finditer(text):
        adj = m.group("adj")
        if adj is not None and adj.lower() in stop:
            continue
        if adj is None and m.group("prefix") is None:
            continue  # a bare "föreningen Ekdungen": the type-word rule reads it
        end = words_after(text, m.end())
        if end is not None and (place := place_after(text, end)) is not None:
            end = place.end()  # "Sverigefinska föreningen Sisu i Ekby": its place is its name's
        elif end is None and adj is not None and (place := place_after(text, m.end())) is not None:
            end = place.end()  # "Islamiska församlingen i Åsby"
        if end is None:
            continue
        start = m.start("adj") if adj is not None else m.start("head")
        form = " ".join(text[start:end].split())
        own = " ".join(text[m.end():end].split())  # its own name, as later mentions write it ("Čáhppes Várri")
        yield Cand(start, end, text[start:end], kind="association", key="assoc:" + key_of(form), form=form,
                   full=FULL_OFFICIAL, rule="organisations/described_association", method="rule", score=0.8,
                   explanation=f"'{m.group('head')}' between what it is and its name",
                   aliases=[own] if own[:1].isupper() else [])


@lru_cache(maxsize=1)
def _genitive_re() -> regex.Pattern[str]:
    """A capitalised genitive, an optional adjective of origin or faith, and an indefinite head alone or ending a
    compound, each capitalised or not ("Tornedalingarnas förening", "Ekbys Finska Kulturförening")."""
    rules = org_rules()
    words = rules.described_indefinite_heads.words
    heads = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    bare = "|".join(regex.escape(w.capitalize()) for w in words)
    ends = "|".join(map(regex.escape, sorted(rules.described_adjective_endings.words, key=len, reverse=True)))
    return compile_re(r"(?<![\p{L}\p{N}\-])(?P<gen>\p{Lu}\p{Ll}+s)[ \t]+(?:(?P<adj>\p{L}\p{Ll}+(?:" + ends
                      + r"))[ \t]+)?(?P<head>(?:\p{L}\p{Ll}{2,})?(?:" + heads + r")|" + bare + r")" + WB_R)


@lru_cache(maxsize=1)
def _bare_heads() -> frozenset[str]:
    return frozenset(org_rules().described_indefinite_heads.words)


#: The endings of a definite genitive ("Kommunens", "Föreningens"): an owner, no name of a place or a people.
_DEFINITE_GENITIVE = ("ens", "ets")


def find_genitive_associations(text: str) -> Iterator[Cand]:
    """'Tornedalingarnas förening Meänkylä', 'Ekbys Finska Kulturförening Sampo', 'Ekbys muslimska förening'."""
    rules = org_rules()
    if not any(h in text or h.capitalize() in text for h in rules.described_indefinite_heads.words):
        return  # every match holds a head
    stop = frozenset(rules.name_adjectives.stoplist)
    for m in _genitive_re().finditer(text):
        adj = m.group("adj")
        if m.group("gen").endswith(_DEFINITE_GENITIVE) or adj is not None and adj.lower() in stop:
            continue
        if adj is None and m.group("head") not in _bare_heads():
            continue  # "Ekby Handelsförening": the association rules read a compound (a name after it may be a person)
        end = words_after(text, m.end())
        if end is None and adj is None:
            continue  # "Ekbys förening": a name or an adjective makes it one
        end = end if end is not None else m.end()
        form = " ".join(text[m.start():end].split())
        own = " ".join(text[m.end():end].split())
        yield Cand(m.start(), end, text[m.start():end], kind="association", key="assoc:" + key_of(form),
                   form=form, full=FULL_OFFICIAL, rule="organisations/genitive_association", method="rule",
                   score=0.8, explanation=f"a genitive, '{m.group('head')}' and its name",
                   aliases=[own] if own else [])


@lru_cache(maxsize=1)
def _foreign_re() -> regex.Pattern[str]:
    """A head word set first and one to four capitalised words after it, lower-case particles between them."""
    heads = "|".join(map(regex.escape, org_rules().foreign_heads_before_name.words))
    return compile_re(r"(?<![\p{L}\p{N}\-])(?P<h>" + heads + r")(?:[ \t]+(?:(?:de|del|la|las|los|da|do|das|dos|di|y|e)"
                      r"[ \t]+)?\p{Lu}[\p{L}\-]*+){1,4}" + WB_R)


def find_foreign_associations(text: str) -> Iterator[Cand]:
    """'Iglesia Vida Nueva', 'Asociación Cultural Andina': a congregation or an association named head first."""
    if not any(h in text for h in org_rules().foreign_heads_before_name.words):
        return
    for m in _foreign_re().finditer(text):
        form = " ".join(m.group().split())
        yield Cand(m.start(), m.end(), m.group(), kind="association", key="assoc:" + key_of(form), form=form,
                   full=FULL_OFFICIAL, rule="organisations/foreign_association", method="rule", score=0.8,
                   explanation=f"'{m.group('h')}' before the association's name")
