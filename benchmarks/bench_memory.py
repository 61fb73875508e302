#!/usr/bin/env python3
"""Peak memory (RSS) of parse() with NER on texts of 10 KB to 10 MB, each in a fresh process.

    python benchmarks/bench_memory.py [--sizes 10e3,100e3,1e6,10e6] [--no-ner]

The texts are written by ``kdextract.testing.adversarial.municipal_text``. For each size a fresh
process loads kdextract and the model (parsing a short text), then reads the NER alone over the
text, then parses it; it reports the peak RSS after each step, so the table shows what the model,
the NER pass and the record builders each add. Flat memory means the NER column stays near the
model column whatever the size.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

CHILD = """
import resource, sys, time
def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
import kdextract
from kdextract.testing.adversarial import municipal_text
ner = sys.argv[2] == "ner"
text = municipal_text(int(float(sys.argv[1])))
kdextract.parse("Kommunstyrelsen beslutade den 3 maj 2024.", ner=ner)
loaded = peak_mb()
t = time.process_time()
if ner:
    from kdextract.nlp.engine import get_engine
    doc = get_engine().pipe([text]).__next__()
    del doc
after_ner = peak_mb()
ner_s = time.process_time() - t
t = time.process_time()
doc = kdextract.parse(text, ner=ner)
print(loaded, after_ner, peak_mb(), ner_s, time.process_time() - t, len(doc.people), len(doc.amounts))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10e3,100e3,1e6,10e6", help="text sizes in characters, comma-separated")
    ap.add_argument("--no-ner", action="store_true", help="rules only")
    args = ap.parse_args()
    mode = "rules" if args.no_ner else "ner"
    print(f"{'chars':>12}{'model loaded':>14}{'+ NER pass':>12}{'+ parse':>10}{'NER cpu s':>11}{'parse cpu s':>13}")
    for size in args.sizes.split(","):
        out = subprocess.run([sys.executable, "-c", CHILD, size, mode], capture_output=True, text=True)
        if out.returncode:
            print(f"{float(size):>12,.0f}  failed: {out.stderr.strip().splitlines()[-1] if out.stderr else out.returncode}")
            continue
        loaded, after_ner, peak, ner_s, parse_s, *_ = map(float, out.stdout.split())
        print(f"{float(size):>12,.0f}{loaded:>11,.0f} MB{after_ner:>9,.0f} MB{peak:>7,.0f} MB{ner_s:>11.1f}{parse_s:>13.1f}")
    print("(peak RSS after each step, in a fresh process per size; a step adds to the peak only what it needs beyond "
          "the steps before it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
