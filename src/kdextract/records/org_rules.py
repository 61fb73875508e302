"""Every rule and gazetteer finder for organisation mentions, run together.

Each finder yields ``Cand`` objects: a span, the surface form, a merge ``key`` and how
"full" the form is (used to pick the canonical name). ``organisations.py`` merges them.
"""

from __future__ import annotations

from kdextract.records.org_adjectives import find_adjective_bodies
from kdextract.records.org_bodies import find_bare_heads, find_bodies, find_named_for, find_owned
from kdextract.records.org_associations import find_associations, find_definite_compounds
from kdextract.records.org_candidates import Cand
from kdextract.records.org_common import find_listed
from kdextract.records.org_described import (find_described_associations, find_foreign_associations,
                                               find_genitive_associations)
from kdextract.records.org_companies import find_companies
from kdextract.records.org_counties import find_county_bodies, find_foreign_bodies
from kdextract.records.org_courts import find_courts
from kdextract.records.org_letterhead import find_letterhead_boards
from kdextract.records.org_names import (
    find_abbreviation_links,
    find_abbreviations,
    find_english,
    find_head_then_name,
    find_type_word_names,
)
from kdextract.records.org_cooperations import find_cooperations, find_kommunerna, joint_body
from kdextract.records.org_places import find_municipalities
from kdextract.records.org_qualifiers import (acronym_qualified, municipality_qualified, place_qualified,
                                              places_qualified)
from kdextract.records.org_units import find_unit_for, find_utskott


def rule_candidates(text: str) -> list[Cand]:
    cands: list[Cand] = []
    for finder in (find_municipalities, find_listed, find_bodies, find_owned, find_bare_heads, find_utskott,
                   find_head_then_name, find_unit_for, find_companies, find_english, find_kommunerna,
                   find_abbreviation_links, find_type_word_names, find_adjective_bodies, find_cooperations,
                   find_named_for, find_associations, find_described_associations, find_genitive_associations,
                   find_definite_compounds, find_foreign_associations,
                   find_letterhead_boards, find_courts, find_county_bodies, find_foreign_bodies):
        cands.extend(joint_body(text, c) for c in finder(text))
    taken = frozenset(c.start for c in cands)
    cands = [municipality_qualified(text, place_qualified(text, places_qualified(text, acronym_qualified(text, c, taken))))
             for c in cands]
    cands.extend(find_abbreviations(text, cands))
    return cands
