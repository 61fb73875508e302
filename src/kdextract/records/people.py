"""People: one ``Person`` per natural person, from attendance lists, signatures, role
appositions, given-name checks and the NER model's PER entities; later first-name and
genitive mentions are linked to the full name.

>>> from kdextract.records.people import people_in
>>> [(p.name, p.role) for p in people_in("Kommunens folkhälsosamordnare Karin Sjöberg har lämnat en rapport.")]
[('Karin Sjöberg', 'folkhälsosamordnare')]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from kdextract.models import Mention, Organisation, Person, Source
from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import is_first_name
from kdextract.records.person_roles import role_after, role_before
from kdextract.records.person_candidate import PCand
from kdextract.records.person_lists import FORM_RULE
from kdextract.records.person_rules import person_candidates
from kdextract.records.person_run_ons import listed_together
from kdextract.records.registry import builder
from kdextract.records.word_index import word_index
from kdextract.text.fold import fold_key
from kdextract.text.spans import Coverage, disjoint, enclosure

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kdextract.records.context import Context

MODEL_NAME = "sv_kdextract_ner"
#: A capitalised word right after a linked mention: it is part of another name ("Anna" in "Anna Berg").
_CAPITAL_AFTER = compile_re(r"[ \t]+\p{Lu}\p{Ll}")
#: given names that are also common words ("per capita", "bo", "dag"): never linked alone
_WORDLIKE_NAMES = frozenset("per bo dag mark sten tor kim max my love sam tom alla ask bror lo vera ro".split())

_COMMA_GAP = compile_re(r"[ \t]*,?[ \t]*")
_OrgSpans = list[tuple[int, int, Organisation]]
#: The kinds of organisation whose name right after a person's ties the person to it.
_KINDS_AFTER = frozenset({"administration", "committee", "municipality", "other", "university", "agency", "company",
                          "cooperation", "region"})


@builder("people", after=("organisations",))
def build_people(ctx: Context) -> list[Person]:
    """Every named person in ``ctx.text`` (ids ``per-1``... in order of first mention)."""
    return people_in(ctx.text, ctx.ner, ctx.doc.organisations, ctx.person_candidates)


def people_in(text: str, ner: Doc | None = None, organisations: list[Organisation] | None = None,
              candidates: list[PCand] | None = None) -> list[Person]:
    """Every named person in ``text``; ``candidates`` are its ``person_candidates`` where they are known."""
    orgs = organisations or []
    org_spans = [(m.start, m.end, o) for o in orgs for m in o.mentions]
    in_org = enclosure((s, e) for s, e, o in org_spans if o.kind != "municipality" and e > s)
    if candidates is None:
        candidates = person_candidates(text, ner)
    # a model's name that is an association's own name, which the text gives in full elsewhere, is the association's
    own_names = {a for o in orgs if o.kind == "association" for a in o.aliases}
    cands = [c for c in _cut_at_organisations(text, candidates, org_spans) if not _inside_org(c, in_org)
             and not (c.rule == "model" and c.name in own_names)]
    groups = _group(text, _resolve(cands))
    starting: dict[int, Organisation] = {}  # where a mention starts → its organisation (the first one there)
    for s, _, o in org_spans:
        if o.kind in _KINDS_AFTER:
            starting.setdefault(s, o)
    persons = []
    for key, cs in groups.items():
        persons.append(_build(text, cs, org_spans, starting))
    _link_mentions(text, persons, org_spans)
    for p in persons:
        _assign_role_from_mentions(text, p, org_spans)
    persons.sort(key=lambda p: p.mentions[0].start)  # by first mention, linked ones too: ids in text order
    for i, p in enumerate(persons, 1):
        p.id = f"per-{i}"
    return persons


def _cut_at_organisations(text: str, cands: list[PCand], org_spans: _OrgSpans) -> list[PCand]:
    """The candidates, each cut where an organisation's name that runs on past its end begins inside it, two words
    or more of the name kept ("Tove Rask" of "Tove Rask Söderhamns" in "Tove Rask Söderhamns kommuns kulturpris")."""
    ends = sorted((s, e) for s, e, _ in org_spans)  # by start: a candidate looks only at those inside it
    starts = [s for s, _ in ends]
    out = []
    for c in cands:
        inside = ends[bisect_right(starts, c.start):bisect_right(starts, c.end - 1)]
        cut = next((s for s, e in inside if c.end < e), None)
        head = text[c.start:cut].rstrip() if cut is not None else ""
        if len(head.split()) >= 2:
            c = replace(c, end=c.start + len(head), name=" ".join(head.split()))
        out.append(c)
    return out


def _inside_org(c: PCand, in_org: Callable[[int, int], bool]) -> bool:
    if c.rule in ("people/attendance_list", "people/signature"):
        return False
    return in_org(c.start, c.end)


def _resolve(cands: list[PCand]) -> list[PCand]:
    """Keep the longest of overlapping spans; candidates on the same span pool their facts."""
    by_span: dict[tuple[int, int], list[PCand]] = {}
    for c in cands:
        by_span.setdefault((c.start, c.end), []).append(c)
    merged = []
    for (s, e), cs in by_span.items():
        best = max(cs, key=lambda c: c.score)
        form = [c for c in cs if c.rule == FORM_RULE]
        role_c = max(form or cs, key=lambda c: c.role_prio)  # on the form's names, the form says the role
        org_c = next((c for c in cs if c.org), None)
        rule = FORM_RULE if any(c.rule == FORM_RULE for c in cs) else best.rule
        merged.append(PCand(s, e, best.name, rule=rule, score=best.score, explanation=best.explanation,
                            role=role_c.role, role_prio=role_c.role_prio, org=org_c.org if org_c else None,
                            org_span=org_c.org_span if org_c else None))
    # the form's names first (its layout says where one name ends), then the longest, then the best scored
    return disjoint(sorted(merged, key=lambda c: (c.rule != FORM_RULE, -(c.end - c.start), -c.score)))


def _name_key(name: str) -> str:
    return fold_key(name)


def _group(text: str, cands: list[PCand]) -> dict[str, list[PCand]]:
    """Candidates by name; a genitive ("Lena Forsbergs"), a shorter form ("Jonas Ek") or a double surname without
    its given name ("Lind Berg" of "Eva Lind Berg") joins the fuller name, unless the text lists the two side by
    side ("Jan Nilsson och Jan Nilsson Ek": two people).

    Each name goes to the first (longest) name it is a genitive or a word prefix of, found by
    lookup rather than by comparing every pair of names.
    """
    groups: dict[str, list[PCand]] = {}
    for c in cands:
        groups.setdefault(_name_key(c.name), []).append(c)
    ordered = sorted(cands, key=lambda c: c.start)
    apart = {(_name_key(a.name), _name_key(b.name)) for a, b in zip(ordered, ordered[1:])
             if listed_together(text, a.end, b.start)}
    keys = sorted(groups, key=len, reverse=True)
    rank = {k: i for i, k in enumerate(keys)}
    longer: dict[str, list[str]] = {}  # "jonas ek" -> the names that start with "jonas ek ", longest first
    ending: dict[str, list[str]] = {}  # "lind berg" -> the names that end with " lind berg", longest first
    for key in keys:
        words = key.split(" ")
        for n in range(2, len(words)):
            longer.setdefault(" ".join(words[:n]), []).append(key)
            ending.setdefault(" ".join(words[n - 1:]), []).append(key)
    for k in keys:
        if k not in groups:
            continue
        targets = [k[:-1]] if k.endswith("s") and k[:-1] in groups else []
        if len(k.split()) >= 2:
            targets += [o for o in longer.get(k, ()) if o in groups and o != k
                        and (k, o) not in apart and (o, k) not in apart][:1]
            if not is_first_name(groups[k][0].name.split()[0]):  # "Lind Berg": the double surname of "Eva Lind Berg"
                targets += [o for o in ending.get(k, ()) if o in groups and o != k][:1]
        if targets:
            groups[min(targets, key=rank.__getitem__)].extend(groups.pop(k))
    return groups


def _build(text: str, cs: list[PCand], org_spans: _OrgSpans, starting: dict[int, Organisation]) -> Person:
    cs.sort(key=lambda c: c.start)
    full = max(cs, key=lambda c: (len(c.name.split()), not c.name.endswith("s"), c.score))
    name = full.name
    role_c = max(cs, key=lambda c: (c.role_prio, -c.start))
    role = role_c.role if role_c.role_prio > 0 or role_c.role else None
    role_prio = role_c.role_prio
    for c in cs:
        if c.rule == FORM_RULE:
            continue  # the form gave its role; the words around it are labels, not appositions
        r, org, prio = role_after(text, c.end)
        rb, bprio = role_before(text, c.start)
        if rb and bprio > prio:
            r, prio = rb, bprio
        if r and prio > role_prio:
            role, role_prio = r, prio
        if org and not c.org:
            c.org = org
    org_id = _organisation(text, cs, org_spans, starting)
    first = cs[0]
    best = max(cs, key=lambda c: c.score)
    src = Source(method="model" if best.rule == "model" else "rule", name=MODEL_NAME if best.rule == "model" else best.rule,
                 score=round(min(1.0, best.score + (0.05 if len({c.rule for c in cs}) > 1 else 0.0)), 2),
                 explanation=best.explanation)
    mentions = [Mention(text=text[c.start:c.end], start=c.start, end=c.end,
                        source=Source(method="model" if c.rule == "model" else "rule",
                                      name=MODEL_NAME if c.rule == "model" else c.rule, score=c.score,
                                      explanation=c.explanation)) for c in cs]
    p = Person(text=text[first.start:first.end], start=first.start, end=first.end, name=name, role=role,
               organisation=org_id, mentions=mentions, source=src)
    return p


def _organisation(text: str, cs: list[PCand], org_spans: _OrgSpans, starting: dict[int, Organisation]) -> str | None:
    """Id of the organisation the mentions tie the person to (``starting``: the organisations by where a
    mention of theirs starts)."""
    for c in cs:
        if c.org and not c.org_span:
            k = text.find(c.org, c.end, c.end + 300)
            if k >= 0:
                c.org_span = (k, k + len(c.org))
        if c.org_span:
            for s, e, o in org_spans:
                if s < c.org_span[1] and c.org_span[0] < e:
                    return o.id
        if c.org:
            return _org_named(c.org, org_spans)
    # an organisation right after the name: "Eva Lund socialförvaltningen"
    for c in cs:
        after = _COMMA_GAP.match(text, c.end)
        assert after is not None
        if (next_org := starting.get(after.end())) is not None:
            return next_org.id
    return None


def _org_named(name: str, org_spans: _OrgSpans) -> str | None:
    """Id of the organisation called ``name`` (or its genitive), if one was found."""
    f = fold_key(name)
    for _, _, o in org_spans:
        if f in {fold_key(o.name), *map(fold_key, o.aliases)} or f.rstrip("s") == fold_key(o.name):
            return o.id
    return None


def _link_mentions(text: str, persons: list[Person], org_spans: _OrgSpans) -> None:
    """Later mentions: the full name again, its genitive, the first name or surname alone (when unique)."""
    taken = Coverage([(m.start, m.end) for p in persons for m in p.mentions] + [(s, e) for s, e, _ in org_spans])
    firsts: dict[str, list[Person]] = {}
    lasts: dict[str, list[Person]] = {}
    for p in persons:
        toks = p.name.split()
        firsts.setdefault(toks[0], []).append(p)
        if len(toks) >= 2:
            lasts.setdefault(toks[-1], []).append(p)
    src = Source(method="rule", name="people/linked_mention", score=0.7,
                 explanation="a later mention of a person named in full")
    index = word_index(text)
    for p in persons:
        forms = [p.name]
        toks = p.name.split()
        if len(firsts.get(toks[0], [])) == 1 and fold_key(toks[0]) not in _WORDLIKE_NAMES:
            forms.append(toks[0])
        if len(toks) >= 2 and len(lasts.get(toks[-1], [])) == 1 and len(toks[-1]) >= 4:
            forms.append(toks[-1])
        for form in forms:
            for start, end in index.occurrences(form, genitive=True):
                if _CAPITAL_AFTER.match(text, end) or taken.overlaps(start, end):
                    continue
                p.mentions.append(Mention(text=text[start:end], start=start, end=end, source=src))
                taken.add(start, end)
        p.mentions.sort(key=lambda m: m.start)


def _assign_role_from_mentions(text: str, p: Person, org_spans: _OrgSpans) -> None:
    """A role given at a later (first-name) mention: 'Malin som numera är socialchef'."""
    if p.role:
        return
    for m in p.mentions:
        r, org, prio = role_after(text, m.end)
        if not r:
            r, prio = role_before(text, m.start)
        if r:
            p.role = r
            if org and not p.organisation:
                p.organisation = _org_named(org, org_spans)
            return


__all__ = ["build_people", "people_in"]
