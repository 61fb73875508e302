"""Consistency of the organisation and people word lists."""

import json

from kdextract.records.name_utils import is_first_name, is_role, municipalities, role_base
from kdextract.resources import load_lines, read_text


def test_290_municipalities_without_duplicates():
    names = list(municipalities())
    assert len(load_lines("municipalities.txt")) == 290
    assert len(names) == 290
    assert len(set(names)) == 290
    assert {"Tyresö", "Upplands Väsby", "Stockholm", "Göteborg", "Östra Göinge", "Malung-Sälen"} <= set(names)
    assert municipalities()["Stockholm"] == "stad"
    assert municipalities()["Tyresö"] == "kommun"
    assert set(municipalities().values()) <= {"kommun", "stad", "region"}


def test_21_regions_without_duplicates():
    lines = load_lines("regions.txt")
    canon = [line.split("|")[0] for line in lines]
    assert len(canon) == 21
    assert len(set(canon)) == 21
    assert "Region Stockholm" in canon and "Västra Götalandsregionen" in canon


def test_agencies_unique_and_plenty():
    lines = load_lines("agencies.txt")
    forms = [p.strip() for line in lines for p in line.split("|")]
    assert len(lines) >= 100
    assert len(forms) == len(set(forms))
    for name in ("Försäkringskassan", "Arbetsförmedlingen", "Skatteverket", "Länsstyrelsen", "Sida", "Polisen",
                 "Trafikverket", "MSB", "SKR", "SKL"):
        assert name in forms


def test_organisations_json_shape():
    data = json.loads(read_text("organisations.json"))
    kinds = {"municipality", "region", "agency", "committee", "administration", "company", "association",
             "university", "cooperation", "party", "other"}
    for head in data["body_heads"]:
        assert head["kind"] in kinds
        assert head["stem"] in head["forms"]
    for item in data["known"]:
        assert item["kind"] in kinds
    names = [i["name"] for i in data["known"]]
    assert len(names) == len(set(names))
    assert set(data["head_then_name"].values()) <= kinds


def test_roles_and_first_names():
    assert is_role("kommundirektör") and is_role("Kommundirektören") and is_role("HR-chef")
    assert is_role("BRÅ-samordnare") and is_role("landshövdingen")
    assert role_base("landshövdingen") == "landshövding"
    assert not is_role("kommunen") and not is_role("beslut")
    lines = load_lines("first_names.txt")
    assert len(lines) == len(set(lines)) >= 300
    assert is_first_name("Göran") and is_first_name("Goran") and is_first_name("Ann-Britt")
    assert not is_first_name("Kommunen")
    roles = load_lines("roles.txt")
    assert len(roles) == len(set(roles))
