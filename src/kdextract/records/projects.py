"""Projects: named projects, programmes and initiatives.

A name is taken where the text itself treats it as a project:

* after a project word: "projektet Kvarterskraft", "projekt "Ett steg till"", "programmet X"
  (a quoted or emphasised span, else a run of capitalised words / an acronym);
* before a hyphenated project word: "SIRA-projektet";
* in a section title that says so: "Projekt X", "X - projektplan";
* an acronym heading whose first sentences speak of "projektet";
* "X är ett samverkansprojekt".

Names of conferences, exercises and meetings are dropped. A short form that begins a longer
name (or ends it) becomes an alias of one project. Sentences that mention the project, and
the "projektet …" sentences that follow a mention in the same section, give its description,
dates, duration, owner, status, organisations and amounts. Cue words live in
``resources/sv/projects.json``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

import regex

from kdextract.layout.sections import SectionIndex
from kdextract.models import DateMention, Deadline, Mention, Project, ProjectStatus, Section, Source
from kdextract.pattern_cache import compile_re
from kdextract.records.clauses import mentions_in, resolve_ref, sentence_span, sentences_in
from kdextract.records.context import Context
from kdextract.records.project_groups import group
from kdextract.records.project_names import ProjectCandidate, candidates
from kdextract.records.project_rules import rules
from kdextract.records.project_shapes import shaped_candidates
from kdextract.records.registry import builder
from kdextract.records.subjects import match_subject
from kdextract.text.fold import fold
from kdextract.text.spans import Coverage, SpanIndex

__all__ = ["build_projects"]

_SPACE_RUN = compile_re(r"\s+")
#: a capitalised name right after an owner cue
_CAPITALISED_AFTER = compile_re(r"\s*([\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+)*)", regex.V1)

@lru_cache(maxsize=4096)
def _form_pattern(form: str) -> regex.Pattern[str]:
    """A folded name as a whole word run, any blanks between its words."""
    return compile_re(r"(?<![\w-])" + r"\s+".join(map(regex.escape, form.split())) + r"(?![\w])", regex.V1)


def _mentions(ctx: Context, folded: str, forms: list[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    taken = Coverage()
    for form in sorted({fold(f) for f in forms}, key=len, reverse=True):
        for m in _form_pattern(form).finditer(folded):
            if not taken.overlaps(m.start(), m.end()):
                taken.add(m.start(), m.end())
                spans.append((m.start(), m.end()))
    return sorted(spans)

def _with_candidates(spans: list[tuple[int, int]], cands: list[ProjectCandidate]) -> list[tuple[int, int]]:
    """``spans`` and each candidate's span that starts outside all spans taken before it, sorted. What is taken is
    kept as disjoint runs, each candidate tested by bisection (a project named thousands of times)."""
    starts: list[int] = []
    ends: list[int] = []

    def take(a: int, b: int) -> None:
        if a >= b:
            return
        i = bisect_right(starts, a)
        if i and ends[i - 1] >= a:
            i -= 1
            a, b = starts[i], max(b, ends[i])
        j = i
        while j < len(starts) and starts[j] <= b:
            b = max(b, ends[j])
            j += 1
        starts[i:j], ends[i:j] = [a], [b]

    taken = list(spans)
    for a, b in spans:
        take(a, b)
    for c in cands:
        i = bisect_right(starts, c.start)
        if not (i and c.start < ends[i - 1]):
            taken.append((c.start, c.end))
            take(c.start, c.end)
    return sorted(taken)

def _level1(ctx: Context, tops: SectionIndex, offset: int) -> tuple[int, int, str | None]:
    """The last level-1 section (``tops``: an index of them) that holds ``offset``, else the whole text."""
    best = tops.at(offset)
    if best is None:
        return 0, len(ctx.text), None
    return best.start, best.end, best.id

@builder("projects", after=("organisations", "people", "dates", "amounts"))
def build_projects(ctx: Context) -> list[Project]:
    """Every named project in ``ctx`` in order of first mention, ids "proj-1"…"""
    text = ctx.text
    folded = ctx.folded
    r = rules()
    groups = group(candidates(ctx, folded) + shaped_candidates(ctx, folded), {s.id: (s.start, s.end) for s in ctx.sections})
    tops = SectionIndex([section for section in ctx.sections if section.level == 1])
    by_id: dict[str, Section] = {}  # each id's first section, for the candidates named in a title
    for section in ctx.sections:
        by_id.setdefault(section.id, section)
    spans_of = [_with_candidates(_mentions(ctx, folded, [g.name, *g.aliases]), g.candidates) for g in groups]
    # anchors: where each project is last named, for "projektet …" sentences that follow
    anchors: list[tuple[int, int]] = []  # (offset, group index)
    for i, (g, spans) in enumerate(zip(groups, spans_of)):
        anchors.extend((a, i) for a, _ in spans)
        for c in g.candidates:
            if c.title_section:
                sec = by_id[c.title_section]
                anchors.append((sec.title_start, i))
    anchors.sort()
    sentences: list[set[tuple[int, int]]] = [set() for _ in groups]
    for i, spans in enumerate(spans_of):
        for a, _ in spans:
            sentences[i].add(sentence_span(ctx, a))
        for c in groups[i].candidates:  # a section about the project: its opening sentences
            tsec = None if c.title_section is None else by_id.get(c.title_section)
            if tsec is not None:
                for n, span in enumerate(sentences_in(ctx, tsec.body_start, tsec.body_end)):
                    if n >= 4:
                        break
                    sentences[i].add(span)
    naming = {span: i for i, spans in enumerate(spans_of) for a, _ in spans for span in [sentence_span(ctx, a)]}
    for m in r.anaphora.finditer(folded):
        k = bisect_right(anchors, (m.start(), len(groups))) - 1  # the project named last before it
        if k < 0:
            continue
        offset, named = anchors[k]
        sent = sentence_span(ctx, m.start())
        if naming.get(sent, named) != named:
            continue  # "Projektet Nya Vallaskolan startade …": a sentence that names another project is that one's
        if _level1(ctx, tops, m.start())[0] <= offset and m.start() - offset < 2500:
            sentences[named].add(sent)
    org_mentions = SpanIndex((s, e, k) for k, org in enumerate(ctx.doc.organisations)
                             for s, e in [(m.start, m.end) for m in org.mentions] or [(org.start, org.end)])
    amounts = SpanIndex((am.start, am.end, k) for k, am in enumerate(ctx.doc.amounts))
    dated = (SpanIndex((d.start, d.end, d) for d in ctx.doc.dates),
             SpanIndex((dl.start, dl.start, dl) for dl in ctx.doc.deadlines))
    projects: list[Project] = []
    for i, g in enumerate(groups):
        spans = spans_of[i]
        if not spans:
            continue
        sents = sorted(s for s in sentences[i] if s[1] > s[0])
        first = spans[0]
        source_cand = max(g.candidates, key=lambda c: c.score)
        mentions = [Mention(text=text[a:b], start=a, end=b, source=Source(method="rule", name=source_cand.rule,
                                                                          score=source_cand.score))
                    for a, b in spans]
        starts, ends = _dates(folded, sents, dated)
        duration, duration_text = _duration(ctx, folded, sents)
        title_sec = next((c.title_section for c in g.candidates if c.title_section), None)
        projects.append(Project(
            text=text[first[0]:first[1]], start=first[0], end=first[1], name=g.name, aliases=g.aliases,
            mentions=mentions, description=_description(ctx, folded, sents), starts=starts, ends=ends,
            duration=duration, duration_text=duration_text, owner=_owner(ctx, folded, sents),
            status=_status(folded, sents, [*spans, *_anaphora_spans(folded, sents)]),
            organisations=_orgs(ctx, org_mentions, sents), amounts=_amounts(ctx, amounts, sents),
            section=title_sec or _level1(ctx, tops, first[0])[2] or ctx.section_at(first[0]),
            source=Source(method="rule", name=source_cand.rule, score=source_cand.score,
                          explanation=f"named as a project: {text[source_cand.start:source_cand.end]!r}"),
        ))
    projects.sort(key=lambda p: p.start)
    for n, p in enumerate(projects, 1):
        p.id = f"proj-{n}"
    return projects

def _clean(s: str) -> str:
    return _SPACE_RUN.sub(" ", s).strip()

def _description(ctx: Context, folded: str, sents: list[tuple[int, int]]) -> str | None:
    for pat in (rules().purpose, rules().purpose_weak):
        for a, b in sents:
            if pat.search(folded, a, b):
                return _clean(ctx.text[a:b])
    return None

def _dates(folded: str, sents: list[tuple[int, int]], dated: tuple[SpanIndex[DateMention], SpanIndex[Deadline]]
           ) -> tuple[str | None, str | None]:
    """Start and end of the project in ``sents``; ``dated``: the document's dates and its deadlines by start."""
    r = rules()
    dates, deadlines = dated
    starts: str | None = None
    ends: str | None = None
    for a, b in sents:
        in_sent = dates.within(a, b)
        for d in in_sent:
            if "/" in d.value and r.period_word.search(folded[a:b]):
                s, e = d.value.split("/", 1)
                starts, ends = starts or s, ends or e
        for cue_pat, which in ((r.start_cues, "s"), (r.end_cues, "e")):
            for cm in cue_pat.finditer(folded, a, b):
                if not in_sent:
                    break
                near = min(in_sent, key=lambda d: min(abs(d.start - cm.end()), abs(cm.start() - d.end)))
                if which == "s" and starts is None:
                    starts = near.value.split("/")[0]
                elif which == "e" and ends is None and (near.value != starts):
                    ends = near.value.split("/")[-1]
                break
        for dl in deadlines.within(a, b - 1):
            if dl.kind == "starts" and starts is None:
                starts = dl.value
            elif dl.kind == "ends" and ends is None:
                ends = dl.value
    return starts, ends

def _duration(ctx: Context, folded: str, sents: list[tuple[int, int]]) -> tuple[str | None, str | None]:
    r = rules()
    units = {"ar": "Y", "manader": "M", "veckor": "W", "dagar": "D"}
    for a, b in sents:
        for pat in r.durations:
            m = pat.search(folded, a, b)
            if not m:
                continue
            raw = m.group("n")
            n = int(raw) if raw.isdigit() else r.numbers.get(raw)
            if not n:
                continue
            unit = units.get(m.groupdict().get("u") or "ar", "Y")
            num_start = m.start("n")
            return f"P{n}{unit}", ctx.text[num_start:m.end()].strip()
    return None, None

def _owner(ctx: Context, folded: str, sents: list[tuple[int, int]]) -> str | None:
    r = rules()
    for a, b in sents:
        for pat in r.owner:
            m = pat.search(folded, a, b)
            if not m:
                continue
            if pat is r.owner[0]:
                verb = r.owner_verb.search(folded[m.start():m.end()])
                vs = m.start() + (verb.start() if verb else 0)
                ve = m.start() + (verb.end() if verb else 0)
                subj = match_subject(ctx, (a, b), vs, ve)
                if subj:
                    return subj.ref or resolve_ref(ctx, _clean(subj.text))
            else:
                after = mentions_in(ctx, m.end(), b)
                if after:
                    return after[0][2]
                nm = _CAPITALISED_AFTER.match(ctx.text[m.end():b])
                if nm:
                    return resolve_ref(ctx, nm.group(1))
    for a, b in sents:
        m = r.commissioned.search(folded, a, b)
        if m:
            verb = r.commission_verb.search(folded[m.start():m.end()])
            vs = m.start() + (verb.start() if verb else 0)
            subj = match_subject(ctx, (a, b), vs, m.start() + (verb.end() if verb else 0))
            if subj:
                return subj.ref or resolve_ref(ctx, _clean(subj.text))
    return None

def _anaphora_spans(folded: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for a, b in sents for m in rules().anaphora.finditer(folded, a, b)]

def _any_within(ordered: list[int], low: int, high: int, lo: int, hi: int) -> bool:
    """Whether ``ordered[lo:hi]`` (sorted) holds a value from ``low`` to ``high``."""
    i = bisect_left(ordered, low, lo, hi)
    return i < hi and ordered[i] <= high

def _status(folded: str, sents: list[tuple[int, int]], refs: list[tuple[int, int]]) -> ProjectStatus:
    """The most advanced status whose cue stands close to a mention of the project."""
    near = rules().status_near
    found: set[ProjectStatus] = set()
    ordered = sorted(refs)
    starts = [s for s, _ in ordered]
    for a, b in sents:
        lo, hi = bisect_left(starts, a), bisect_left(starts, b)  # the references that start in the sentence
        ends = sorted(e for _, e in ordered[lo:hi])
        for status, pat in rules().status:
            if status in found or lo == hi:
                continue
            for m in pat.finditer(folded, a, b):
                if _any_within(ends, m.start() - near, m.start() + near, 0, len(ends)) \
                        or _any_within(starts, m.end() - near, m.end() + near, lo, hi):
                    found.add(status)
                    break
    for status, _ in rules().status:
        if status in found:
            return status
    return "unknown"

def _orgs(ctx: Context, mentions: SpanIndex[int], sents: list[tuple[int, int]]) -> list[str]:
    """Ids of the organisations named in ``sents`` (``mentions``: their positions in ctx.doc.organisations)."""
    ids: list[str] = []
    for k in sorted({k for a, b in sents for k in mentions.within(a, b)}):
        org = ctx.doc.organisations[k]
        if org.id and org.id not in ids:
            ids.append(org.id)
    return ids

def _amounts(ctx: Context, amounts: SpanIndex[int], sents: list[tuple[int, int]]) -> list[str]:
    """Ids of the amounts in ``sents`` (``amounts``: their positions in ctx.doc.amounts)."""
    ids = (ctx.doc.amounts[k].id for k in sorted({k for a, b in sents for k in amounts.within(a, b)}))
    return [i for i in ids if i]
