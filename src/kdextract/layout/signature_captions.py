"""A signer's caption on a line of its own: a name and its title run together, as a signature block's two lines
come out of flattened text or a copied web page ("Eva Ek Kommundirektör", "Per Holm, förvaltningschef", two signers
"Eva Ek Per Holm Ordförande Sekreterare"). It closes a document or a letter, and heads no section."""

from __future__ import annotations

from kdextract.layout.words import is_first_name, is_role

#: Fewest words of a caption: a given name, a surname and a title.
_MIN_WORDS = 3


def signature_caption(text: str) -> bool:
    """``text`` is names and, after them, their titles: it opens with a given name, goes on in capitalised words
    (surnames, further signers) and ends in one or more role titles ("Stadsdirektör", "Ordförande Sekreterare")."""
    words = text.replace(",", " ").split()
    k = len(words)
    while k > 0 and is_role(words[k - 1]):
        k -= 1
    names = words[:k]
    return len(words) >= _MIN_WORDS and k < len(words) and len(names) >= 2 and is_first_name(names[0]) \
        and all(w[:1].isupper() and w.replace("-", "").isalpha() and not is_role(w) for w in names)
