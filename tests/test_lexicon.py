"""The OCR lexicon: its word tables answer as a set of the listed words would."""

from __future__ import annotations

import gzip
from importlib import resources

from kdextract.text.lexicon import WordSet, load_lexicon


def _sections() -> dict[str, tuple[list[str], list[str]]]:
    """label -> (counted words, the others) as the shipped file lists them."""
    data = resources.files("kdextract.resources").joinpath("sv", "lexicon.txt.gz").read_bytes()
    lines = gzip.decompress(data).decode("utf-8").split("\n")
    sizes = {k: int(v) for k, v in (field.split("=", 1) for field in lines[0].split()[1:])}
    out, pos = {}, 1
    for label in ("common", "names"):
        counted, n = sizes[f"{label}_counted"], sizes[label]
        out[label] = ([line.partition("\t")[0] for line in lines[pos:pos + counted]], lines[pos + counted:pos + n])
        pos += n
    return out


def test_word_set_answers_as_a_set() -> None:
    ordered = sorted({"a", "ab", "abc", "abd", "ac", "b", "ba", "bå", "båt", "å", "ås", "åsen", "ö", "öar", "z"})
    more = ["ac", "ca", "cykel", "ä", "äng", "abe"]  # a head of its own, one beside the sorted ones, a repeat
    words = WordSet("\n".join(ordered), more)
    listed = set(ordered) | set(more)
    probes = listed | {"", "aa", "abb", "abf", "ad", "bb", "båtar", "c", "cy", "d", "äg", "öa", "zz", "å "}
    assert {w for w in probes if w in words} == listed
    assert 7 not in words


def test_shipped_lexicon_lists_every_word_of_the_file() -> None:
    sections = _sections()
    common_counted, common = sections["common"]
    # WordSet reads the words without a count as sorted: its tables are cut by bisection
    assert all(a < b for a, b in zip(common, common[1:]))
    lex = load_lexicon()
    for word in common_counted + common[::7]:
        assert word in lex.common and word in lex
    names_counted, names = sections["names"]
    assert all(w in lex and (w in lex.common) != (w in lex.names) for w in names_counted + names)
    assert lex.known("kommundirektörens") and not lex.known("kommundirektirens")  # a compound of listed parts
