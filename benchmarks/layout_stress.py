#!/usr/bin/env python3
"""How the scores hold when a corpus comes in other layouts: the same documents, reshaped, scored again.

    python benchmarks/layout_stress.py [--docs ../shared/corpus/wild] [--out /tmp/layout_stress] [--layouts flat]

Writes reshaped copies of every ``--docs/*.txt`` (one folder per layout) and runs
``../shared/eval/score.py`` on each against the corpus's own gold (its matching folds white space
and case, so the gold still holds). The layouts are ours, none copied from a document:

* ``web``: a municipal web page's navigation, cookie banner and footer around the text;
* ``wrap80``: every line longer than 80 characters broken at a space, as pdftotext breaks them;
* ``nbsp``: one space in seven a no-break space, a tab or two spaces;
* ``pages``: a page counter line and a form feed every 40 lines;
* ``flat``: each page (form-feed separated, else the whole document) on one line, every line break
  (blank lines too) a single space, as pdftotext without ``-layout`` and a web copy-paste leave it;
* ``flatpara``: the line breaks inside a paragraph lost, the blank lines between paragraphs kept;
* ``ocr``: the synthetic OCR damage of ``kdextract.testing.noise.add_ocr_noise`` (rate 0.15, the
  default of ``bench_ocr.py``, seed 0): å/ä/ö lost or read as stand-ins, look-alike letters, dropped
  letters, "1" for a lone "i", letters for bullets. As GOLD.md asks for OCR'd documents, its gold
  writes text fields as they appear in the damaged copy: ``bench_ocr.noisy_gold`` traces each gold
  phrase through the noise spans and adds the damaged spelling as an alias (names, titles, deadline
  subjects) or uses it (date texts, decision keys); values (dates, amounts) are not touched, so a
  date whose month name lost its letters still has to be read. Scored against the clean gold, a
  copy would count every damaged name as a miss even where the output copies the text exactly;
* ``ocrsym``: the ``ocr`` damage and, on top, that of ``add_ocr_noise(..., symbols=True)`` (same
  rate and seed): "§" read as "$", "S", "5" or "8", a party code's capital misread ("(5)", "(IVl)"),
  a digit inside a number read as a letter ("2O24-03-05", "l 250"), a space put inside a word or
  lost between two, a long word broken by a hyphen at a line end; gold traced as for ``ocr``;
* ``crlf`` is not here: ``score.py`` reads text files with universal newlines.

A drop against the unchanged corpus points at a layout the rules do not read yet. On the wild
corpus (November 2026) ``web``, ``nbsp`` and ``pages`` score as the corpus does (macro F1 0.975);
``wrap80`` gives 0.956 (0.899 before ``layout.hard_wraps`` put a run of lines cut at a column back
on one line where it holds an item head, a sub-heading or a form label: the flattened transcripts
cut into 80-character lines broke items and names in the middle; what is left is cut prose, which
stays as cut, and lines cut in two); ``flat`` 0.920 (0.822
before hosting-site phrases, bare-number agendas and running headers inside a flattened line were
read), most of the rest sections whose titles run into proper nouns or follow a lost page number;
``flatpara`` 0.952 (on our own corpora own_corpus..own_corpus6 0.907, 0.956, 0.952, 0.945, 0.898, 0.857;
0.857, 0.890, 0.899, 0.910, 0.870, 0.777 before a heading run into its paragraph's first sentence was
read: "§ 45 Val av justerare Till justerare väljs …", "Sammanfattning Förvaltningen …", "Ekonomiskt läge
Prognosen visar …", ``layout.paragraph_leads``, and 0.897, 0.946, 0.937, 0.943, 0.898, 0.848 before a
determiner, genitive or plural subject ended a title, "1. Nämnden beviljar …" was a decision's point and
names run together by a lost break were cut apart; ``flat`` there 0.872, 0.954, 0.942, 0.926, 0.900, 0.864,
was 0.855, 0.940, 0.924, 0.922, 0.890, 0.854 and before that 0.843, 0.924, 0.919, 0.914, 0.887, 0.838); ``ocr`` 0.950 (0.924 before the OCR repair took name-heavy pages for Swedish,
kept names' letters, knew the genre's abbreviations, read a name as the same text prints it elsewhere
and an inner "I" as "l"); on the own corpus ``ocr`` gives 0.878 (0.863 before; 0.907 as is).
``ocrsym`` gives 0.916 on the wild corpus and 0.867 on the own corpus (0.896 and 0.793 before OCR
repair read digits in number shapes, misread signs and party codes, split and run-together words;
seeds 1 and 2, not tuned on: wild 0.944 and 0.925, 0.909 and 0.904 before; own 0.865 and 0.865,
0.820 and 0.793 before).

After the archive-layout round of November 2026 (items numbered "Ärende 2", bullets, presenters' notes, dated
newsletter headings, topic headings before a name, a preposition or a number, the kind of a flattened head, a
case number in an item's line or after "Vår beteckning:", "1 §" no page number, a head cut once at a column,
running headers that repeat a form label; OCR: given names kept, "Ärende 1", surname tails, times): wild
``flat`` 0.929 (0.920 before), ``wrap80`` 0.960 (0.956), ``ocrsym`` and ``flatpara`` as before (0.916, 0.952);
own_corpus..own_corpus8 ``flat`` 0.899, 0.975, 0.961, 0.945, 0.934, 0.955, 0.908, 0.944 (0.877, 0.968, 0.947,
0.931, 0.905, 0.945, 0.877, 0.895 before), ``flatpara`` 0.922, 0.980, 0.969, 0.963, 0.954, 0.946, 0.927, 0.930
(0.911, 0.972, 0.956, 0.946, 0.922, 0.943, 0.898, 0.899), ``ocrsym`` 0.927, 0.963, 0.813, 0.962, 0.958, 0.925,
0.933, 0.890 (0.927, 0.960, 0.813, 0.958, 0.958, 0.925, 0.931, 0.890); as is and ``wrap80`` unchanged there.

After the agenda-shapes round of November 2026 (an item's "Beslutsunderlag:"/"Handlingar:"/"Bilaga 2" lines its body,
lettered entries "a) … b) …" run into a line, a topic heading under its case number's line or after a table row, a
sub-heading word that is one field of a form entry, a quoted project name cut by a wrap): wild unchanged in every
layout; own_corpus4 ``flat`` 0.965 and ``flatpara`` 0.978 (0.945, 0.963 before: a kungörelse's lettered "Ärenden"),
own_corpus5 0.939 and 0.965 (0.934, 0.957), own_corpus9 0.872 and 0.928 (0.866, 0.919), own_corpus ``flat`` 0.905
(0.899). The OCR layouts' gold now traces a phrase the clean text breaks over lines (``bench_ocr.noisy_gold``; the
gold folds white space): own_corpus..own_corpus10 ``ocrsym`` 0.934, 0.969, 0.974, 0.962, 0.958, 0.931, 0.972, 0.946,
0.933, 0.931 (0.927, 0.963, 0.818, 0.962, 0.958, 0.925, 0.968, 0.915, 0.927, 0.913 with the old tracing: decision
keys over a line break stayed clean, every damaged copy a miss), wild ``ocr`` and ``ocrsym`` unchanged.

After the flat/OCR round of November 2026 (OCR: lower-case party codes no words for the language check, a
surname's tail split off before a comma or party code, a three-part compound reading one look-alike from a listed
word, short words run onto the word before or into a damaged one, a unit and the word run onto it, a digit for a
name's å/ä/ö, a bare item number's look-alike; flattened text: a contents entry's number in parts, a list of cases
without labels, sub-headings before the first item, a site's "Download" copy of the title, paragraphs led by an item
head set apart by blanks, a known heading over a list of documents, a topic run into its day): wild ``flat`` 0.956
(0.943 before), ``ocr`` 0.970 (0.969), ``ocrsym`` 0.949 (0.933), the rest as before; own_corpus..own_corpus17
``flatpara`` 0.939, 0.984, 0.969, 0.983, 0.972, 0.952, 0.936, 0.980, 0.961, 0.942, 0.973, 0.985, 0.970, 0.974, 0.920,
0.950, 0.964 (0.938, 0.982, 0.969, 0.980, 0.971, 0.952, 0.936, 0.977, 0.959, 0.942, 0.951, 0.964, 0.960, 0.968,
0.920, 0.922, 0.964), ``ocrsym`` 0.940, 0.974, 0.976, 0.965, 0.963, 0.934, 0.979, 0.943, 0.942, 0.952, 0.958, 0.942,
0.970, 0.960, 0.967, 0.972, 0.993 (0.940, 0.974, 0.976, 0.963, 0.961, 0.934, 0.973, 0.943, 0.942, 0.947, 0.946,
0.942, 0.956, 0.958, 0.967, 0.969, 0.993); as is unchanged.

After the flat8 round of November 2026 (a transcript's bare page numbers around one running header inside a
flattened line are page breaks, ``layout.page_counters.inline_page_number_edits``; an item number right before its
lettered entries keeps the run of items, "15 a) … b) … Övriga frågor 16 …"; a seat of learning named for its town
read with a capitalised head, "Gävle Högskola", also where a name runs on after it; an indented item head cut in two
at the column, " 1. Title …" over its rest at the line's start; dash items after sentence ends run into a long line,
"… protokollet. - Under punkten …", each start a line, as bullets do on any long line): wild ``flat`` 0.966 (0.956
before), ``flatpara`` 0.974 (0.970), ``wrap80`` 0.975 (0.970), the rest as before; own_corpus..own_corpus20 as is
and ``flatpara`` as before, ``flat`` as before but own_corpus7 0.921 (0.920), own_corpus13 0.895 (0.893),
own_corpus18 0.777 (0.773).

After the stacked-OCR round of November 2026 (a short word run into a compound that lost its å/ä/ö, a compound's
last part cut by a space into a listed word, a surname run onto the verb after it, a given name with a digit or a
look-alike letter before its surname, a small "l" among capitals and an inner "I" of a name, wrapper lines that lost
a space or printed a digit as a letter; ``text.ocr_spaces``, ``text.ocr_letters``, ``layout.pages``): wild ``ocr``
0.971 (0.970 before), ``ocrsym`` 0.954 (0.949), the rest as before; own_corpus..own_corpus22 as is and ``ocr`` as
before but own_corpus15 ``ocr`` 0.992 (0.990); ``ocrsym`` own_corpus2 0.975 (0.974), own_corpus6 0.935 (0.934),
own_corpus8 0.949 (0.943), own_corpus15 0.976 (0.974), the rest as before.

A second corpus to reshape: ``--docs tests/data/own_corpus`` (ten documents of our own in the genre's
real shapes, with gold; see its README.md).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_ocr import noisy_gold  # noqa: E402 - the gold tracing of the OCR benchmark
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
_TYPES = "sections|people|organisations|projects|dates|deadlines|amounts|decisions|macro F1"
_ROW = re.compile(rf"^(?:{_TYPES})\b.*$", re.M)


#: The day of the ``web`` layout's footer: a date of the page (GOLD.md counts every calendar expression), which the
#: corpus's gold cannot hold, so its copies' gold has it as optional (fine to find, fine to miss).
WEB_DAY = {"text": "3 maj 2024", "value": "2024-05-03", "optional": True}


def web(text: str) -> str:
    head = ("Hoppa till huvudinnehållet\nStartsida > Kommun och politik > Möten och protokoll\n"
            "Lyssna Translate Sök\nVi använder kakor för att webbplatsen ska fungera bra.\n"
            "Godkänn alla kakor\n\n")
    foot = (f"\n\nSenast uppdaterad: {WEB_DAY['text']}\nDela sidan: Facebook LinkedIn E-post\n"
            "Kontakta oss | Tillgänglighetsredogörelse | Om kakor\nTill toppen\n")
    return head + text + foot


def wrap80(text: str) -> str:
    out = []
    for line in text.split("\n"):
        while len(line) > 80 and (cut := line.rfind(" ", 30, 80)) > 0:
            out.append(line[:cut])
            line = line[cut + 1:]
        out.append(line)
    return "\n".join(out)


def nbsp(text: str) -> str:
    pick = random.Random(7)
    return "".join(pick.choice(["\u00a0", "\t", "  "]) if ch == " " and pick.random() < 1 / 7 else ch
                   for ch in text)


def pages(text: str) -> str:
    lines = text.split("\n")
    total = len(lines) // 40 + 1
    out: list[str] = []
    for i, line in enumerate(lines):
        if i and i % 40 == 0:
            out += ["", f"\fSida {i // 40 + 1} av {total}", ""]
        out.append(line)
    return "\n".join(out)


_BREAKS = re.compile(r"[ \t]*\n[ \t\n]*")
_PARAGRAPHS = re.compile(r"\n(?:[ \t]*\n)+")


def flat(text: str) -> str:
    return "\f".join(_BREAKS.sub(" ", page).strip() for page in text.split("\f"))


def flatpara(text: str) -> str:
    return "\f".join("\n\n".join(_BREAKS.sub(" ", para).strip() for para in _PARAGRAPHS.split(page))
                      for page in text.split("\f"))


OCR_RATE = 0.15
OCR_SEED = 0


def ocr_spans(text: str, symbols: bool = False) -> list[tuple[int, int, str]]:
    from kdextract.testing.noise import ocr_noise_spans

    return ocr_noise_spans(text, rate=OCR_RATE, seed=OCR_SEED, symbols=symbols)


def ocr(text: str) -> str:
    from kdextract.testing.noise import apply_spans

    return apply_spans(text, ocr_spans(text))


def ocrsym(text: str) -> str:
    from kdextract.testing.noise import apply_spans

    return apply_spans(text, ocr_spans(text, symbols=True))


def ocr_gold(docs: Path, folder: Path, symbols: bool = False) -> Path:
    """The corpus's gold with text fields as they appear in the ``ocr`` copies (see the module doc)."""
    out = folder / "gold"
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted((docs / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (docs / gold["document"]).read_text(encoding="utf-8")
        traced = noisy_gold(gold, text, ocr_spans(text, symbols))
        (out / path.name).write_text(json.dumps(traced, ensure_ascii=False, indent=1), encoding="utf-8")
    return out


def ocrsym_gold(docs: Path, folder: Path) -> Path:
    return ocr_gold(docs, folder, symbols=True)


def web_gold(docs: Path, folder: Path) -> Path:
    """The corpus's gold with the footer's day added as an optional date (see ``WEB_DAY``)."""
    out = folder / "gold"
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted((docs / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        gold["dates"] = [*gold.get("dates", []), WEB_DAY]
        (out / path.name).write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    return out


LAYOUTS: dict[str, Callable[[str], str]] = {"web": web, "wrap80": wrap80, "nbsp": nbsp, "pages": pages,
                                                "flat": flat, "flatpara": flatpara, "ocr": ocr, "ocrsym": ocrsym}
#: Layouts that change the text's words or add dated text, with the gold they are scored against (the corpus's otherwise).
GOLD: dict[str, Callable[[Path, Path], Path]] = {"web": web_gold, "ocr": ocr_gold, "ocrsym": ocrsym_gold}


def macro_rows(docs: Path, gold: Path) -> list[str]:
    run = subprocess.run([sys.executable, str(SCORE), "--docs", str(docs), "--gold", str(gold)],
                         capture_output=True, text=True, check=True)
    return _ROW.findall(run.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=Path, default=ROOT.parent / "shared" / "corpus" / "wild")
    parser.add_argument("--out", type=Path, default=Path("/tmp/layout_stress"))
    parser.add_argument("--layouts", nargs="+", choices=list(LAYOUTS), default=list(LAYOUTS),
                        help="the layouts to score (all by default)")
    args = parser.parse_args()
    gold = args.docs / "gold"
    print(f"== as is ({args.docs})")
    print("\n".join(macro_rows(args.docs, gold)))
    for name in args.layouts:
        reshape = LAYOUTS[name]
        folder = args.out / name
        shutil.rmtree(folder, ignore_errors=True)  # no copies or traced gold left from another corpus
        folder.mkdir(parents=True)
        for path in sorted(args.docs.glob("*.txt")):
            (folder / path.name).write_text(reshape(path.read_text(encoding="utf-8")), encoding="utf-8")
        print(f"\n== {name}")
        print("\n".join(macro_rows(folder, GOLD[name](args.docs, folder) if name in GOLD else gold)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
