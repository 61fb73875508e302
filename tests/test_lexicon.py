"""The OCR lexicon: its word tables answer as a set of the listed words would."""

from __future__ import annotations

import gzip
import random
from importlib import resources

import pytest

from kdextract.text import lexicon
from kdextract.text.lexicon import HEAD, Lexicon, WordSet, head_blocks, load_lexicon


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


def _probes(words: list[str], n: int) -> list[str]:
    """``n`` listed words and damaged shapes of them: a letter dropped, å/ä/ö lost or gained, OCR confusions, an
    ending added, a doubled head."""
    rnd = random.Random(15)
    swaps = [("ä", "a"), ("ö", "o"), ("å", "a"), ("a", "ä"), ("o", "ö"), ("a", "å"), ("m", "rn"), ("rn", "m"),
             ("l", "i"), ("e", "c"), ("h", "li"), ("ö", "6"), ("å", "ã")]
    out = []
    for word in rnd.sample(words, n):
        cut = rnd.randrange(len(word))
        old, new = rnd.choice(swaps)
        out += [word, word[:cut] + word[cut + 1:], word.replace(old, new, 1), word + rnd.choice(["s", "en", "arna"]),
                word[:4] + word]
    return out


def test_word_set_answers_as_a_set() -> None:
    ordered = sorted({"a", "ab", "abc", "abd", "ac", "b", "ba", "bå", "båt", "å", "ås", "åsen", "ö", "öar", "z",
                      "åsarna", "åsarnas", "åsarne"})
    more = ["ac", "ca", "cykel", "ä", "äng", "abe", "åsarn"]  # a head of its own, one beside the sorted ones, a repeat
    words = WordSet("\n".join(ordered), more)
    listed = set(ordered) | set(more)
    probes = listed | {"", "aa", "abb", "abf", "ad", "bb", "båtar", "c", "cy", "d", "äg", "öa", "zz", "å ", "åsar",
                       "åsarn", "åsarnar"}
    assert {w for w in probes if w in words} == listed
    assert 7 not in words


def test_word_set_computes_the_index_that_does_not_fit_its_words() -> None:
    words = WordSet("abc\nabcde\nabd", blocks=(["abc", "abd"], [4, 5]))  # lengths of other words
    assert [w in words for w in ("abc", "abcde", "abd", "abcd")] == [True, True, True, False]
    assert list(words.by_head.index) == sorted({w[:HEAD] for w in ("abc", "abcde", "abd")})
    with pytest.raises(ValueError, match="not sorted"):
        head_blocks("b\na\n")


def test_shipped_head_index_matches_the_lexicon() -> None:
    data = resources.files("kdextract.resources").joinpath("sv", "lexicon_heads.txt.gz").read_bytes()
    header, *rows = gzip.decompress(data).decode("utf-8").splitlines()
    assert header == f"#kdextract-lexicon-heads head={HEAD}"
    heads, lengths = head_blocks("".join(w + "\n" for w in _sections()["common"][1]))
    assert rows == [f"{head} {length}" for head, length in zip(heads, lengths)]


def test_shipped_lexicon_lists_every_word_of_the_file() -> None:
    sections = _sections()
    common_counted, common = sections["common"]
    # WordSet reads the words without a count as sorted: its tables are cut where the head index says
    assert all(a < b for a, b in zip(common, common[1:]))
    lex = load_lexicon()
    for word in common_counted + common[::7]:
        assert word in lex.common and word in lex
    names_counted, names = sections["names"]
    assert all(w in lex and (w in lex.common) != (w in lex.names) for w in names_counted + names)
    assert lex.known("kommundirektörens") and not lex.known("kommundirektirens")  # a compound of listed parts
    listed = set(common_counted + common)
    probes = _probes(common, 20_000) + _probes(common_counted, 2_000)
    assert [w in lex.common for w in probes] == [w in listed for w in probes]


def test_compound_answers_do_not_depend_on_the_table_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    sections = _sections()
    common_counted, common = sections["common"]
    probes = _probes(common, 3_000) + _probes(common_counted, 1_000) + ["kommundirektörens", "kommundirektirens"]
    shipped = load_lexicon()
    answers = [(shipped.known(w), shipped.analyse(w)) for w in probes]
    monkeypatch.setattr(lexicon, "HEAD", 2)  # tables by the first two letters, the index computed here
    two = Lexicon(WordSet("\n".join(common), common_counted), sections["names"][0] + sections["names"][1],
                  shipped.counts)
    assert len(two.common.by_head.index) < 1_000
    assert [(two.known(w), two.analyse(w)) for w in probes] == answers
    assert sum(parts >= 2 for _, (parts, _) in answers) > 500  # compounds among the probes


def test_no_listed_form_is_longer_than_the_compound_bound() -> None:
    """``_split`` answers no compound for a word longer than ``MAX_PARTS`` of the longest forms: exact while no
    listed form is longer than ``LONGEST_FORM``."""
    common_counted, common = _sections()["common"]
    assert max(map(len, common_counted + common)) <= lexicon.LONGEST_FORM
    lex = load_lexicon()
    assert lex.parts("kommun" * 30) == 0 and lex.parts("kommundirektörens") == 2
