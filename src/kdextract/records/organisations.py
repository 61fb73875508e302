"""Organisations: gazetteers and pattern rules (``org_rules``), merged with the NER model's
ORG entities, one ``Organisation`` per organisation with every mention.

Each recogniser gives its candidates a score and an explanation (the Source of every mention):
listed names (gazetteer, 0.85-0.97), name shapes (rule, 0.6-0.9) and the model (0.7, kept only in
shapes organisations take, cut at form labels). Where candidates overlap, ``resolve_overlaps``
decides: the longer span, then the fuller form, then a listed name over a rule; the model's
span only where no rule or list overlaps it, or where it is a longer name that covers nothing
fuller than short forms. Then the filters of ``org_filters`` drop surnames and lone abbreviations.

>>> from kdextract.records.organisations import organisations_in
>>> [o.name for o in organisations_in("Kommunstyrelsen och Kalix kommun. Kommunstyrelsens beslut.")]
['Kommunstyrelsen', 'Kalix kommun']
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from kdextract.models import DocumentMeta, Evidence, Mention, Organisation, OrganisationKind, Source
from kdextract.nlp.engine import made_by_ruler
from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import (
    is_first_name,
    is_role,
    is_sentence_start,
    key_of,
    lower_word_elsewhere,
    official_name,
    org_rules,
)
from kdextract.records.org_candidates import FULL_ABBR, FULL_NAME, FULL_SHORT, Cand
from kdextract.records.org_casing import written_name
from kdextract.records.org_filters import (heads_line, is_form_label, is_surname, named_as_project, only_abbreviations,
                                           person_initials, regional_divisions, without_labels, without_projects)
from kdextract.records.org_mentions import WordIndex
from kdextract.records.org_places import after_postcode, gaz_lookup, muni_name, signing_place
from kdextract.records.org_rules import rule_candidates
from kdextract.records.person_candidate import PCand
from kdextract.records.person_rules import person_candidates, person_spans
from kdextract.records.registry import builder
from kdextract.records.word_index import word_index
from kdextract.text.fold import fold_key
from kdextract.text.spans import Coverage, disjoint

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kdextract.records.context import Context

MODEL_NAME = "sv_kdextract_ner"


@builder("organisations")
def build_organisations(ctx: Context) -> list[Organisation]:
    """Every named organisation in ``ctx.text`` (ids ``org-1``... by first mention); where the document did not say
    who issued it, the issuer is the municipality or region the text names most (``ctx.meta.organisation``), but as
    an attendee's employer. A group named with its purpose ("Styrgrupp för …") is no organisation by its head."""
    body = ctx.meta.evidence.get("body") if ctx.meta.body and " för " not in ctx.meta.body else None
    found = organisations_in(ctx.text, ctx.ner, ctx.person_candidates, (body.start, body.end) if body else None)
    if ctx.meta.organisation is None:
        affiliations = Coverage([c.org_span for c in ctx.person_candidates if c.org_span])
        _issuer_from_mentions(ctx.text, ctx.meta, found, affiliations)
    return found


def _issuer_from_mentions(text: str, meta: DocumentMeta, orgs: list[Organisation], affiliations: Coverage) -> None:
    """A municipality or region named once tells the issuer only where it heads a line (a letterhead, a signature)."""
    local = [o for o in orgs if o.kind in ("municipality", "region")
             and not all(affiliations.overlaps(m.start, m.end) for m in o.mentions)
             and (len(o.mentions) > 1 or heads_line(text, o.start, o.end) or _fills_line(text, o.start, o.end))]
    if not local:
        return
    best = max(local, key=lambda o: (len(o.mentions), -o.start))
    meta.organisation = best.name
    meta.evidence["organisation"] = Evidence(
        text=best.text, start=best.start, end=best.end,
        source=Source(method="inferred", name="meta/org_most_mentioned",
                      explanation=f"the municipality or region named most often ({len(best.mentions)} times)"))


def organisations_in(text: str, ner: Doc | None = None, candidates: list[PCand] | None = None,
                     body: tuple[int, int] | None = None) -> list[Organisation]:
    """Every named organisation in ``text`` (found by rules, lists and, given ``ner``, the model);
    ``candidates`` are the text's ``person_candidates`` where they are known; ``body`` the span of the
    board or group the document's head says it comes from (``DocumentMeta.body``), an organisation too
    where it has a line of its own."""
    candidates = person_candidates(text, ner) if candidates is None else candidates
    people = [(a, b) for a, b in person_spans(candidates) if without_labels(text, a, b) == (a, b)]
    in_person = Coverage(people)  # a "person" that holds a form label ("Kommunstyrelsen Sammanträdesdatum") is none
    initials = person_initials(text)
    found = rule_candidates(text)
    cands = [c for c in found if (not in_person.overlaps(c.start, c.end) or c.full >= 4)
             and not is_surname(text, c) and not is_form_label(text, c.start, c.end) and c.text not in initials
             and not _CELLS_APART.search(c.text) and not named_as_project(text, c)]
    if body is not None and _fills_line(text, *body) and not any(c.start < body[1] and body[0] < c.end for c in cands):
        cands.append(_issuing_body(text, *body))
    model = [c for c in _model_candidates(text, ner, in_person) if not is_surname(text, c)
             and c.text not in initials and not _CELLS_APART.search(c.text) and not named_as_project(text, c)] \
        if ner is not None else []
    accepted = resolve_overlaps(regional_divisions(text, cands), model)
    groups = {k: cs for k, cs in _group(accepted).items() if not only_abbreviations(text, cs)}
    groups = without_projects(text, groups, found)
    _sweep(text, groups, people)
    return _to_models(text, groups)


def _issuing_body(text: str, start: int, end: int) -> Cand:
    """The board or group that issued the document, as its head names it ("Krisledningsgruppen" under the
    municipality), where no name rule read it."""
    name = text[start:end]
    return Cand(start, end, name, kind="committee", key="body:" + key_of(name), form=name, full=FULL_NAME,
                rule="organisations/issuing_body", score=0.8, explanation="the board or group in the document's head")


_ABBREVIATION_IN_BRACKETS = compile_re(r"\(\p{Lu}{2,6}\)")


def _fills_line(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` stands alone on its line (a letterhead line that names only the board), its
    abbreviation in brackets after it ("Förvaltningens samverkansgrupp (FSG)"), or as a part of a title line set off
    by a dash and a comma ("Minnesanteckningar – Kommunledningsgruppen, Ekby kommun")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    rest = text[end:len(text) if line_end < 0 else line_end].strip()
    before = text[line_start:start].strip()
    if before[-1:] in ("–", "-") and before[:-1].strip():
        return not rest or rest.startswith(",")
    return not before and (not rest or _ABBREVIATION_IN_BRACKETS.fullmatch(rest) is not None)


def _model_candidates(text: str, ner: Doc, in_person: Coverage) -> Iterator[Cand]:
    generic = {fold_key(w) for w in org_rules().generic_words}
    for ent in ner.ents:
        if ent.label_ not in ("ORG", "LOC") or made_by_ruler(ent):
            continue  # the ruler's place names: the municipality and gazetteer rules read them, with their reasons
        cut = without_labels(text, ent.start_char, ent.end_char)
        if cut is None:
            continue
        s, e = cut
        surface = text[s:e]
        line = surface.split("\n", 1)[0]
        if line != surface and len(line.split()) > 1:
            surface, e = line, s + len(line)  # "Luleå universitet\nEva Ek": a name ends with its line
        # trim punctuation and a sentence-initial function word
        while surface and surface[-1] in " .,;:)(\"'”":
            surface, e = surface[:-1], e - 1
        while surface and surface[0] in " .,;:)(\"'”-•*":
            surface, s = surface[1:], s + 1
        if len(surface) < 2 or "\n" in surface or not _LETTER.search(surface):
            continue
        if surface.split()[-1] in _DANGLING or surface.endswith("-"):
            continue  # "Barn- och": the model cut a coordinated name
        tokens = surface.split()
        if all(len(t) == 1 for t in tokens):
            continue  # "L E": letters of a word typed letter-spaced
        if len(tokens) > 1 and is_role(tokens[-1]):
            continue  # "NY EKONOMICHEF" in a heading in capitals: a post, no organisation
        muni = muni_name(surface[:-1] if surface.endswith("s") and muni_name(surface) is None else surface)
        if muni is None and len(tokens) > 1 and all(muni_name(t.rstrip(",")) for t in tokens):
            continue  # "Boden Kalix Piteå": a list of municipalities (the municipality rules read each)
        if ent.label_ == "LOC":
            if muni is None or len(tokens) != 1:
                continue
        if muni is not None and (after_postcode(text, s) or signing_place(text, s, e)):
            continue
        if fold_key(surface) in generic or fold_key(surface.rstrip("s")) in generic:
            continue
        if in_person.overlaps(s, e):
            continue
        if len(tokens) == 1 and is_sentence_start(text, s) and lower_word_elsewhere(text, surface):
            continue
        if len(tokens) in (2, 3) and is_first_name(tokens[0]) and muni is None:
            continue
        if surface.islower() and len(tokens) == 1 and len(surface) < 8:
            continue
        if "\t" in surface or _DIGIT.search(surface):
            continue
        if ent.label_ == "ORG" and muni is None and not _model_org_plausible(text, s, surface, tokens):
            continue
        gen = False
        form = surface
        kind: OrganisationKind
        if muni is not None:
            key, kind = "muni:" + muni, "municipality"
            gen = fold_key(surface) != fold_key(muni) and surface.endswith("s")
            form = surface[:-1] if gen else surface
            canonical = official_name(muni)
        else:
            hit = gaz_lookup(surface) or (gaz_lookup(surface[:-1]) if surface.endswith("s") else None)
            if hit:
                canonical, kind, _ = hit
                key = "gaz:" + canonical
                gen = gaz_lookup(surface) is None
                form = surface[:-1] if gen else surface
            else:
                key, kind, canonical = "ner:" + key_of(surface), "other", None
        yield Cand(s, e, text[s:e], kind=kind, key=key, form=form,
                   full=FULL_NAME if muni is None else FULL_SHORT, rule="model", method="model", score=0.7,
                   explanation=f"{ent.label_} entity of the NER model", canonical=canonical, genitive=gen)


#: Folded endings of organisations' single-word names, and of places (a model span ending so is no organisation).
_ORG_SUFFIXES = tuple(fold_key(x) for x in org_rules().model_org_suffixes)
_LETTER = compile_re(r"\p{L}")
#: two words in two cells of a line laid out in columns, three blanks or a tab and another blank apart ("Ekby
#: gårds      Information"); no name spans it (the words of a letter-spaced name are single letters; a lone tab
#: between two words is often a blank that PDF text wrote as one)
_CELLS_APART = compile_re(r"\p{L}\p{L}(?:[ ]{3,}|[ ]+\t[ \t]*|\t[ \t]+)\p{L}\p{L}")
_DIGIT = compile_re(r"\d")
_CAMEL = compile_re(r"\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}*)+")
_DANGLING = frozenset({"och", "samt", "eller", "&", "för", "i", "av"})
_PLACE_SUFFIXES = tuple(fold_key(p) for p in org_rules().place_suffixes)
#: Words that open a room's or a project's name ("Sal Forsen", "Projektet Ekby Torg"): a model span so opened is none.
_NOT_ORG_OPENERS = frozenset(fold_key(w) for w in org_rules().venue_words + org_rules().project_words)


def _model_org_plausible(text: str, s: int, surface: str, tokens: list[str]) -> bool:
    """The NER model's ORG spans are kept only in shapes organisations take (its single words are noisy)."""
    last = fold_key(tokens[-1])
    if last.endswith(_PLACE_SUFFIXES) or fold_key(tokens[0]) in _NOT_ORG_OPENERS:
        return False
    if len(tokens) == 1:
        w = tokens[0]
        camel = _CAMEL.fullmatch(w) is not None
        return camel or fold_key(w).endswith(_ORG_SUFFIXES)
    if is_sentence_start(text, s) and lower_word_elsewhere(text, tokens[0]):
        return False
    return all(t[:1].isupper() or t in ("och", "för", "i", "&", "of", "for", "and") for t in tokens)


def resolve_overlaps(cands: list[Cand], model: list[Cand]) -> list[Cand]:
    """The candidates kept where rule, gazetteer and model candidates overlap (the rule in the module docstring)."""
    taken = disjoint(sorted(cands, key=lambda c: (-c.length, -c.full, c.method != "gazetteer", c.start)))
    for c in sorted(model, key=lambda c: (-c.length, c.start)):
        clash = [t for t in taken if t.start < c.end and c.start < t.end]
        if not clash:
            taken.append(c)
        elif (all(t.full <= FULL_SHORT and t.start >= c.start and t.end <= c.end for t in clash)
              and c.key.startswith("ner:") and len(c.text.split()) > 1):
            for t in clash:
                taken.remove(t)
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def _merge_same_forms(groups: dict[str, list[Cand]]) -> None:
    """Groups that two rules keyed apart but that share a form or an alias ("Kommunstyrelsens arbetsutskott" as a
    board's unit and as an owner's body; "Region Gotland", the name of Gotland's municipality) are one organisation."""
    owner: dict[str, str] = {}
    for key in list(groups):
        forms = {fold_key(f) for c in groups[key] if c.full >= FULL_NAME for f in (c.form, *c.aliases, c.canonical) if f}
        target = next((owner[f] for f in forms if f in owner), None)
        if target is not None and target in groups:
            groups[target].extend(groups.pop(key))
            key = target
        for f in forms:
            owner.setdefault(f, key)


def _group(cands: list[Cand]) -> dict[str, list[Cand]]:
    groups: dict[str, list[Cand]] = {}
    pending: list[Cand] = []
    for c in cands:
        if c.link_only or not c.key:
            pending.append(c)
        else:
            groups.setdefault(c.key, []).append(c)
    _merge_same_forms(groups)
    # a model mention whose form is a form or alias of a rule-found organisation
    forms: dict[str, str] = {}
    for key, cs in groups.items():
        if any(c.method != "model" for c in cs):
            for c in cs:
                for f in (c.form, *c.aliases):
                    forms.setdefault(fold_key(f), key)
    for key in [k for k in groups if k.startswith("ner:")]:
        cs = groups[key]
        target = forms.get(fold_key(cs[0].form)) or forms.get(fold_key(cs[0].form).rstrip("s"))
        if target and target != key:
            groups[target].extend(groups.pop(key))
    # a genitive NER form ("Försäkringskassans") of a known key
    for key in [k for k in groups if k.startswith("ner:")]:
        base = key[:-1] if key.endswith("s") else None
        for other in groups:
            if base and other != key and other.startswith("ner:") and other == base:
                groups[other].extend(groups.pop(key))
                break
    # a bare body ("samrådsgruppen") inside an owner-named one ("Dalakommunernas samrådsgrupp")
    owners: dict[str, list[str]] = {}
    for key, cs in groups.items():
        for c in cs:
            if c.head_key:
                owners.setdefault(c.head_key, [])
                if key not in owners[c.head_key]:
                    owners[c.head_key].append(key)
    for hk, keys in owners.items():
        if len(keys) == 1 and hk in groups:
            groups[keys[0]].extend(groups.pop(hk))
    for c in pending:
        if c.key and c.key in groups:
            groups[c.key].append(c)
        elif c.head_key and len(owners.get(c.head_key, [])) == 1 and owners[c.head_key][0] in groups:
            groups[owners[c.head_key][0]].append(c)
    for cs in groups.values():
        cs.sort(key=lambda c: c.start)
    return groups


def _sweep(text: str, groups: dict[str, list[Cand]], people: list[tuple[int, int]]) -> None:
    """Find further mentions of every form (and alias) of every organisation (through one word index)."""
    taken = Coverage([(c.start, c.end) for cs in groups.values() for c in cs] + people)
    words = WordIndex(text)
    for key, cs in groups.items():
        forms = {c.form for c in cs if len(c.form) >= 2} | {a for c in cs for a in c.aliases}
        full = min(c.full for c in cs)  # the mentions added below have it too
        for form in sorted(forms, key=len, reverse=True):
            if len(form) < 3 and not form.isupper():
                continue
            ci = len(form) >= 6 and not form.isupper() and not key.startswith(("abbr:",))
            for start, end, g in words.find(form, ci):
                if taken.overlaps(start, end) or (key.startswith("muni:") and after_postcode(text, start)) \
                        or is_form_label(text, start, end):
                    continue
                gen = bool(g)
                if g == "s" and form.endswith("s"):
                    end, gen = end - 1, False
                cs.append(Cand(start, end, text[start:end], kind=cs[0].kind, key=key, form=form,
                               full=full, rule="organisations/alias", method="rule",
                               score=0.7, explanation=f"another mention of '{form}'", genitive=gen))
                taken.add(start, end)
        cs.sort(key=lambda c: c.start)


def _name_rank(c: Cand, text: str) -> tuple[int, bool, bool, bool, int, bool]:
    """How good a name ``c``'s form is: the fullest; the listed spelling where the text writes it ("Falu kommun",
    not "Faluns kommun"); no genitive; not the model's; the longest; capitalised."""
    lower_start = c.form[:1].islower()
    return (c.full, c.form == c.canonical, not c.genitive, c.method != "model", len(c.form), not lower_start)


def _written(text: str, name: str, known: dict[str, bool]) -> bool:
    """``name`` stands in ``text`` as written (a form is an alias only so; asked once per form, kept in ``known``)."""
    if name not in known:
        known[name] = bool(word_index(text).occurrences(name))
    return known[name]


def _to_models(text: str, groups: dict[str, list[Cand]]) -> list[Organisation]:
    out: list[tuple[int, Organisation]] = []
    written: dict[str, bool] = {}
    for key, cs in groups.items():
        best = max(cs, key=lambda c: _name_rank(c, text))
        name = written_name(best.form.strip(), best.canonical)  # "ALE KOMMUN" is named 'Ale kommun'
        seen = {fold_key(name)}
        aliases: list[str] = []

        def add(a: str | None) -> None:
            if a and fold_key(a) not in seen:
                seen.add(fold_key(a))
                aliases.append(a)

        for c in cs:
            add(c.form if _written(text, c.form, written) else None)
            add(c.text.strip())
            for a in c.aliases:
                add(a)
        for c in cs:
            add(c.canonical)
        kinds = [c.kind for c in cs if c.method != "model"] or [c.kind for c in cs]
        kind = max(set(kinds), key=lambda k: (kinds.count(k), k != "other"))
        first = cs[0]
        source = _source(next((c for c in cs if c.rule != "organisations/alias"), first), len(cs))
        mentions = [Mention(text=c.text, start=c.start, end=c.end, source=_source(c, 1)) for c in cs]
        org = Organisation(text=first.text, start=first.start, end=first.end, name=name, kind=kind,
                           aliases=aliases, mentions=mentions, source=source)
        out.append((first.start, org))
    out.sort(key=lambda p: p[0])
    result = []
    for i, (_, org) in enumerate(out, 1):
        org.id = f"org-{i}"
        result.append(org)
    return result


def _source(c: Cand, n: int) -> Source:
    score = min(1.0, c.score + (0.05 if n > 2 else 0.0))
    name = c.rule if c.method != "model" else MODEL_NAME
    return _source_of(c.method, name, round(score, 2), c.explanation or None)


@lru_cache(maxsize=4096)
def _source_of(method: str, name: str, score: float, explanation: str | None) -> Source:
    """One ``Source`` for each provenance (it is frozen: the mentions of a rule share it)."""
    return Source(method=method, name=name, score=score, explanation=explanation)


__all__ = ["build_organisations", "organisations_in", "FULL_ABBR"]
