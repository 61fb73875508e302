"""Projects: named projects, programmes and initiatives.

A name is taken where the text itself treats it as a project:

* after a project word: "projektet Medborgarfokus", "projekt "En väg in"", "programmet X"
  (a quoted or emphasised span, else a run of capitalised words / an acronym);
* before a hyphenated project word: "RUFS-projektet";
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

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from kdextract.models import Mention, Project, ProjectStatus, Source
from kdextract.records.clauses import match_subject, mentions_in, resolve_ref, sentence_span, sentences_in
from kdextract.records.context import Context
from kdextract.records.registry import builder
from kdextract.records.spans import SpanIndex
from kdextract.resources import load_json
from kdextract.text.fold import fold

__all__ = ["build_projects"]


@dataclass(frozen=True)
class _Rules:
    intro: regex.Pattern[str]
    typed_intro: regex.Pattern[str]
    hyphen_not_names: frozenset[str]
    hyphen: regex.Pattern[str]
    titles: tuple[regex.Pattern[str], ...]
    called: regex.Pattern[str]
    anaphora: regex.Pattern[str]
    not_project: regex.Pattern[str]
    stop_names: frozenset[str]
    purpose: regex.Pattern[str]
    purpose_weak: regex.Pattern[str]
    status_near: int
    status: tuple[tuple[ProjectStatus, regex.Pattern[str]], ...]
    start_cues: regex.Pattern[str]
    end_cues: regex.Pattern[str]
    durations: tuple[regex.Pattern[str], ...]
    owner: tuple[regex.Pattern[str], ...]
    commissioned: regex.Pattern[str]
    numbers: dict[str, int]
    name_stop_words: frozenset[str]
    verb_endings: tuple[str, ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    d: dict[str, Any] = load_json("projects.json")
    nums = load_json("numbers.json")
    numbers = {fold(k): int(v) for k, v in {**nums["units"], **nums["tens"]}.items() if int(v) > 0}
    num_alt = "|".join(sorted(map(regex.escape, numbers), key=len, reverse=True))

    def dur(p: str) -> regex.Pattern[str]:
        # a number word may be glued to "årig" and lose a letter to OCR ("tredrigt")
        p = p.replace(r"(?P<n>\d+|NUM)[-\s]?(?:arig|arigt|ariga)",
                      rf"(?:(?P<n>\d+)[-\s]?|(?P<n>{num_alt})[-\s]?)(?:arig|arigt|ariga){{s<=1:[a-z]}}")
        return regex.compile(p.replace("NUM", num_alt), regex.V1)

    order: tuple[ProjectStatus, ...] = ("finished", "ongoing", "started", "planned")
    return _Rules(
        intro=regex.compile(r"\b" + d["intro_words"] + r"\s+", regex.V1),
        typed_intro=regex.compile(d["typed_intro"], regex.V1),
        hyphen_not_names=frozenset(fold(w) for w in d["hyphen_not_names"]),
        hyphen=regex.compile(r"-" + d["hyphen_suffix"] + r"\b", regex.V1),
        titles=tuple(regex.compile(p, regex.V1) for p in d["title_patterns"]),
        called=regex.compile(d["called_project"], regex.V1),
        anaphora=regex.compile(d["anaphora"], regex.V1),
        not_project=regex.compile(d["not_a_project"], regex.V1),
        stop_names=frozenset(fold(w) for w in d["stop_names"]),
        purpose=regex.compile(d["purpose"], regex.V1),
        purpose_weak=regex.compile(d["purpose_weak"], regex.V1),
        status_near=int(d.get("status_near_chars", 60)),
        status=tuple((k, regex.compile(d["status"][k], regex.V1)) for k in order),
        start_cues=regex.compile(d["start_cues"], regex.V1),
        end_cues=regex.compile(d["end_cues"], regex.V1),
        durations=tuple(dur(p) for p in d["duration"]),
        owner=tuple(regex.compile(p.replace("(?P<who>)", ""), regex.V1) for p in d["owner"]),
        commissioned=regex.compile(d["commissioned"], regex.V1),
        numbers=numbers,
        name_stop_words=frozenset(fold(w) for w in d["name_stop_words"]),
        verb_endings=tuple(d["verb_endings"]),
    )


# ---- candidates ------------------------------------------------------------------------

@dataclass
class _Candidate:
    name: str
    start: int
    end: int
    rule: str
    score: float
    title_section: str | None = None  # the section whose title names the project


_QUOTES = {'"': '"', "“": "”", "”": "”", "«": "»", "»": "«", "'": "'", "‘": "’", "’": "’", "„": "”"}
_CAP_RUN = regex.compile(
    r"[\p{Lu}\d][\p{L}\d'’&+.]*[\p{L}\d]|[\p{Lu}]"
    r"(?:(?:[ \t]+(?:och|i|för|på|av|till|med|&|för|mot)[ \t]+|[ \t]+)[\p{Lu}][\p{L}\d'’&+-]*[\p{L}\d])*",
    regex.V1)


def _name_at(ctx: Context, pos: int) -> tuple[int, int] | None:
    """A name starting at ``pos``: quoted, emphasised, or a capitalised run."""
    text = ctx.text
    if pos >= len(text):
        return None
    ch = text[pos]
    if ch in _QUOTES:
        close = {_QUOTES[ch], '"', "”", "»", "“"}
        end = pos + 1
        while end < len(text) and text[end] not in close and text[end] != "\n" and end - pos < 120:
            end += 1
        if end < len(text) and text[end] in close and end > pos + 1:
            return pos + 1, end
        return None
    for a, b in ctx.view.emphasis:
        if a == pos and b - a <= 120 and "\n" not in text[a:b]:
            return a, b
    m = _CAP_RUN.match(text, pos)
    if m:
        end = m.end()
        if " " not in m.group() and fold(m.group()) in _rules().stop_names:
            return None
        if " " not in m.group():  # "Cykelvänlig kommun": a capitalised word and up to two plain nouns
            for _ in range(2):
                w = _NEXT_WORD.match(text, end)
                if not w or not _name_continues(w.group(1)):
                    break
                end = w.end()
        return m.start(), end
    return None


_NEXT_WORD = regex.compile(r"[ \t]+(\p{Ll}[\p{Ll}-]*\p{Ll})(?=[ \t,.;:!?)]|$)", regex.V1 | regex.M)


def _name_continues(word: str) -> bool:
    w = fold(word)
    if w in _rules().name_stop_words or len(w) < 3:
        return False
    return not w.endswith(_rules().verb_endings)


def _ok_name(ctx: Context, name: str) -> bool:
    r = _rules()
    key = fold(name).strip(" .,:;-\"'")
    if len(key) < 2 or key in r.stop_names or not any(c.isalpha() for c in key):
        return False
    if r.not_project.search(key):
        return False
    words = key.split()
    if len(words) > 14:
        return False
    for org in ctx.doc.organisations:  # a plain organisation name after "projektet" is no project name
        if org.kind in ("municipality", "region", "agency", "company") and fold(org.name) == key:
            return False
    return True


def _candidates(ctx: Context, folded: str) -> list[_Candidate]:
    r = _rules()
    text = ctx.text
    found: list[_Candidate] = []
    # 1. "projektet X"
    titles = [(s.title_start, s.title_end) for s in ctx.sections]
    intros = sorted([*r.intro.finditer(folded), *r.typed_intro.finditer(folded)], key=lambda m: m.start())
    for m in intros:
        if any(a <= m.start() < b for a, b in titles):
            continue
        span = _name_at(ctx, m.end())
        if span is None:
            continue
        a, b = span
        name = text[a:b].strip(" .,;:")
        plain = text[m.end()] not in _QUOTES and not any(e[0] == m.end() for e in ctx.view.emphasis)
        if plain and (not name[:1].isupper() or "\n" in name):
            continue  # an unquoted name must look like one
        b = a + len(name)
        if _ok_name(ctx, name):
            found.append(_Candidate(name, a, b, "projects/named", 0.9))
    # 2. "X-projektet"
    for m in r.hyphen.finditer(folded):
        head = regex.search(r"(?:[\"”»]([^\"”«»\n]{2,80})[\"”»]|([\p{Lu}\d][\p{L}\d]*(?:[ ][\p{Lu}][\p{L}\d]*){0,2}))$",
                            text[max(0, m.start() - 100):m.start()], regex.V1)
        if _name_at(ctx, m.end() + 1) and text[m.end():m.end() + 1] == " ":
            continue  # "EU-projektet Digital omställning": the prefix is a kind, the name follows
        if head:
            g = 1 if head.group(1) else 2
            a = max(0, m.start() - 100) + head.start(g)
            b = max(0, m.start() - 100) + head.end(g)
            if (_ok_name(ctx, text[a:b]) and any(c.isupper() for c in text[a:b])
                    and fold(text[a:b]) not in r.hyphen_not_names):
                found.append(_Candidate(text[a:b], a, b, "projects/hyphen", 0.85))
    # 3. section titles
    for sec in ctx.sections:
        if sec.category in ("signature", "attendance", "preamble"):
            continue
        title = text[sec.title_start:sec.title_end]
        ftitle = fold(title)
        lead = len(title) - len(title.lstrip(" \t*#0123456789.§)"))
        for pat in r.titles:
            tm = pat.match(ftitle[lead:].rstrip())
            if tm:
                a = sec.title_start + lead + tm.start("name")
                b = sec.title_start + lead + tm.end("name")
                name = text[a:b].strip(" .,;:-–")
                if name and _ok_name(ctx, name):
                    a = text.index(name, a)
                    found.append(_Candidate(name, a, a + len(name), "projects/title", 0.8, sec.id))
                break
        else:
            stripped = title.strip()
            if sec.level != 1:
                continue
            if (regex.fullmatch(r"[\p{L}\d-]{2,15}", stripped) and sum(c.isupper() for c in stripped) >= 2
                    and _ok_name(ctx, stripped)):
                body = folded[sec.body_start:min(sec.body_end, sec.body_start + 600)]
                if r.intro.search(body) or r.anaphora.search(body):
                    a = text.index(stripped, sec.title_start)
                    found.append(_Candidate(stripped, a, a + len(stripped), "projects/acronym_title", 0.7, sec.id))
    # 4. "X är ett samverkansprojekt"
    for m in r.called.finditer(folded):
        sa, _ = sentence_span(ctx, m.start())
        subject = text[sa:m.start()].strip()
        span = _name_at(ctx, sa)
        if (span and text[span[0]:span[1]].strip() and len(subject.split()) <= 6
                and span[1] >= sa + len(subject.rstrip("\"”»")) - 1):
            name = text[span[0]:span[1]].strip(" .,;:")
            if _ok_name(ctx, name) and name[:1].isupper():
                found.append(_Candidate(name, span[0], span[0] + len(name), "projects/called", 0.75))
    return found


# ---- grouping --------------------------------------------------------------------------

def _key(name: str) -> list[str]:
    return regex.findall(r"[\w-]+", fold(name))


@dataclass
class _Group:
    candidates: list[_Candidate] = field(default_factory=list)
    name: str = ""
    aliases: list[str] = field(default_factory=list)


def _related(a: list[str], b: list[str]) -> str | None:
    """'same', 'prefix' (a begins b), 'suffix' (a ends b) or None."""
    if a == b:
        return "same"
    if len(a) < len(b) and "".join(a) and len("".join(a)) >= 4:
        if b[:len(a)] == a:
            return "prefix"
        if b[-len(a):] == a:
            return "suffix"
    return None


def _merge_titles(groups: list[_Group], sections: dict[str, tuple[int, int]]) -> list[_Group]:
    """A "Projekt X" title and the one project its section names are the same project."""
    out = list(groups)
    for g in groups:
        if not all(c.title_section for c in g.candidates):
            continue
        a, b = sections[g.candidates[0].title_section or ""]
        inside = [o for o in out if o is not g and any(a <= c.start < b and not c.title_section
                                                       for c in o.candidates)]
        if len(inside) == 1:
            inside[0].candidates.extend(g.candidates)
            out.remove(g)
    return out


def _group(cands: list[_Candidate], sections: dict[str, tuple[int, int]]) -> list[_Group]:
    groups: list[_Group] = []
    for c in sorted(cands, key=lambda c: c.start):
        k = _key(c.name)
        for g in groups:
            if any(_related(k, _key(o.name)) or _related(_key(o.name), k) for o in g.candidates):
                g.candidates.append(c)
                break
        else:
            groups.append(_Group([c]))
    groups = _merge_titles(groups, sections)
    for g in groups:
        forms: dict[str, _Candidate] = {}
        for c in g.candidates:
            forms.setdefault(fold(c.name), c)
        names = list(forms.values())
        # the long form that a short one begins ("Grön stad" -> "Grön stad för alla …")
        best = names[0]
        for c in names:
            for o in names:
                rel = _related(_key(o.name), _key(c.name))
                if rel == "prefix" and len(c.name) > len(best.name) or (rel == "suffix" and c.rule == "projects/title"
                                                                        and o.rule != "projects/title"):
                    best = c if rel == "prefix" else o
        if best.rule == "projects/title":
            explicit = [c for c in names if c.rule != "projects/title" and _related(_key(c.name), _key(best.name)) == "suffix"]
            if explicit:
                best = explicit[0]
        g.name = best.name
        g.aliases = [c.name for c in names if fold(c.name) != fold(best.name)]
    return groups


# ---- attributes ------------------------------------------------------------------------

def _mentions(ctx: Context, folded: str, forms: list[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for form in sorted({fold(f) for f in forms}, key=len, reverse=True):
        pat = regex.compile(r"(?<![\w-])" + r"\s+".join(map(regex.escape, form.split())) + r"(?![\w])", regex.V1)
        for m in pat.finditer(folded):
            if not any(a < m.end() and m.start() < b for a, b in spans):
                spans.append((m.start(), m.end()))
    return sorted(spans)


def _level1(ctx: Context, offset: int) -> tuple[int, int, str | None]:
    best = None
    for sec in ctx.sections:
        if sec.level == 1 and sec.start <= offset < sec.end:
            best = sec
    if best is None:
        return 0, len(ctx.text), None
    return best.start, best.end, best.id


@builder("projects", after=("organisations", "people", "dates", "amounts"))
def build_projects(ctx: Context) -> list[Project]:
    """Every named project in ``ctx`` in order of first mention, ids "proj-1"…"""
    text = ctx.text
    folded = fold(text)
    r = _rules()
    groups = _group(_candidates(ctx, folded), {s.id: (s.start, s.end) for s in ctx.sections})
    spans_of: list[list[tuple[int, int]]] = []
    for g in groups:
        spans = _mentions(ctx, folded, [g.name, *g.aliases])
        for c in g.candidates:
            if not any(a <= c.start < b for a, b in spans):
                spans.append((c.start, c.end))
        spans_of.append(sorted(spans))
    # anchors: where each project is last named, for "projektet …" sentences that follow
    anchors: list[tuple[int, int]] = []  # (offset, group index)
    for i, (g, spans) in enumerate(zip(groups, spans_of)):
        anchors.extend((a, i) for a, _ in spans)
        for c in g.candidates:
            if c.title_section:
                sec = next(s for s in ctx.sections if s.id == c.title_section)
                anchors.append((sec.title_start, i))
    anchors.sort()
    sentences: list[set[tuple[int, int]]] = [set() for _ in groups]
    for i, spans in enumerate(spans_of):
        for a, _ in spans:
            sentences[i].add(sentence_span(ctx, a))
        for c in groups[i].candidates:  # a section about the project: its opening sentences
            tsec = next((s for s in ctx.sections if s.id == c.title_section), None)
            if tsec is not None:
                for n, span in enumerate(sentences_in(ctx, tsec.body_start, tsec.body_end)):
                    if n >= 4:
                        break
                    sentences[i].add(span)
    for m in r.anaphora.finditer(folded):
        sec_a, _, _ = _level1(ctx, m.start())
        before = [(o, i) for o, i in anchors if sec_a <= o <= m.start() and m.start() - o < 2500]
        if before:
            sentences[before[-1][1]].add(sentence_span(ctx, m.start()))
    org_mentions = SpanIndex((s, e, k) for k, org in enumerate(ctx.doc.organisations)
                             for s, e in [(m.start, m.end) for m in org.mentions] or [(org.start, org.end)])
    amounts = SpanIndex((am.start, am.end, k) for k, am in enumerate(ctx.doc.amounts))
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
        starts, ends = _dates(ctx, folded, sents)
        duration, duration_text = _duration(ctx, folded, sents)
        title_sec = next((c.title_section for c in g.candidates if c.title_section), None)
        projects.append(Project(
            text=text[first[0]:first[1]], start=first[0], end=first[1], name=g.name, aliases=g.aliases,
            mentions=mentions, description=_description(ctx, folded, sents), starts=starts, ends=ends,
            duration=duration, duration_text=duration_text, owner=_owner(ctx, folded, sents),
            status=_status(folded, sents, [*spans, *_anaphora_spans(folded, sents)]),
            organisations=_orgs(ctx, org_mentions, sents), amounts=_amounts(ctx, amounts, sents),
            section=title_sec or _level1(ctx, first[0])[2] or ctx.section_at(first[0]),
            source=Source(method="rule", name=source_cand.rule, score=source_cand.score,
                          explanation=f"named as a project: {text[source_cand.start:source_cand.end]!r}"),
        ))
    projects.sort(key=lambda p: p.start)
    for n, p in enumerate(projects, 1):
        p.id = f"proj-{n}"
    return projects


def _clean(s: str) -> str:
    return regex.sub(r"\s+", " ", s).strip()


def _description(ctx: Context, folded: str, sents: list[tuple[int, int]]) -> str | None:
    for pat in (_rules().purpose, _rules().purpose_weak):
        for a, b in sents:
            if pat.search(folded, a, b):
                return _clean(ctx.text[a:b])
    return None


def _dates(ctx: Context, folded: str, sents: list[tuple[int, int]]) -> tuple[str | None, str | None]:
    r = _rules()
    starts: str | None = None
    ends: str | None = None
    for a, b in sents:
        in_sent = [d for d in ctx.doc.dates if a <= d.start and d.end <= b]
        for d in in_sent:
            if "/" in d.value and regex.search(r"\b(?:pagar|pagick|under|projekttid|period)\b", folded[a:b]):
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
        for dl in ctx.doc.deadlines:
            if a <= dl.start < b:
                if dl.kind == "starts" and starts is None:
                    starts = dl.value
                elif dl.kind == "ends" and ends is None:
                    ends = dl.value
    return starts, ends


def _duration(ctx: Context, folded: str, sents: list[tuple[int, int]]) -> tuple[str | None, str | None]:
    r = _rules()
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
    r = _rules()
    for a, b in sents:
        for pat in r.owner:
            m = pat.search(folded, a, b)
            if not m:
                continue
            if pat is r.owner[0]:
                verb = regex.search(r"\b(?:blir|ar|har|utses|blev)\b", folded[m.start():m.end()])
                vs = m.start() + (verb.start() if verb else 0)
                ve = m.start() + (verb.end() if verb else 0)
                subj = match_subject(ctx, (a, b), vs, ve)
                if subj:
                    return subj.ref or resolve_ref(ctx, _clean(subj.text))
            else:
                after = mentions_in(ctx, m.end(), b)
                if after:
                    return after[0][2]
                nm = regex.match(r"\s*([\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+)*)", ctx.text[m.end():b], regex.V1)
                if nm:
                    return resolve_ref(ctx, nm.group(1))
    for a, b in sents:
        m = r.commissioned.search(folded, a, b)
        if m:
            verb = regex.search(r"\b(?:har|hade|bestallde)\b", folded[m.start():m.end()])
            vs = m.start() + (verb.start() if verb else 0)
            subj = match_subject(ctx, (a, b), vs, m.start() + (verb.end() if verb else 0))
            if subj:
                return subj.ref or resolve_ref(ctx, _clean(subj.text))
    return None


def _anaphora_spans(folded: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for a, b in sents for m in _rules().anaphora.finditer(folded, a, b)]


def _status(folded: str, sents: list[tuple[int, int]], refs: list[tuple[int, int]]) -> ProjectStatus:
    """The most advanced status whose cue stands close to a mention of the project."""
    near = _rules().status_near
    found: set[ProjectStatus] = set()
    for a, b in sents:
        for status, pat in _rules().status:
            for m in pat.finditer(folded, a, b):
                if any(a <= s < b and (abs(m.start() - e) <= near or abs(s - m.end()) <= near) for s, e in refs):
                    found.add(status)
    for status, _ in _rules().status:
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

