#!/bin/bash
# Train variants of models/config.cfg side by side (one process and one thread each, `BUDGET`
# seconds each), then score each best checkpoint on the dev splits. Needs as many free cores as
# variants (15). Results: $RUNS/<variant>/log (training scorer) and $RUNS/<variant>/eval.
#   BUDGET=450 RUNS=/tmp/runs bash models/sweep_ner.sh [CORPUS_DIR]
set -u
cd "$(dirname "$0")/.."
DATA=${1:-../shared/corpus/ner}
BUDGET=${BUDGET:-450}
RUNS=${RUNS:-models/_work/sweep}
mkdir -p "$RUNS"
# the character-embedding variant: MultiHashEmbed replaced by CharacterEmbed (NORM rows + 8 characters)
python3 - "$RUNS/config_char.cfg" <<'PY'
import re, sys
cfg = open("models/config.cfg").read()
embed = '''@architectures = "spacy.CharacterEmbed.v2"
width = ${components.tok2vec.model.encode.width}
rows = 16000
nM = 64
nC = 8
include_static_vectors = false
'''
new = re.sub(r"(\[components\.tok2vec\.model\.embed\]\n)(?:[^\[\n][^\n]*\n)+", lambda m: m.group(1) + embed, cfg)
assert new != cfg
open(sys.argv[1], "w").write(new)
PY
run() {
  name=$1; shift; mkdir -p "$RUNS/$name"
  ( timeout "${BUDGET}s" python3 models/train_ner.py --data "$DATA" --work "$RUNS/$name/work" \
      --output "$RUNS/$name/model" "$@" > "$RUNS/$name/log" 2>&1; echo "rc=$?" >> "$RUNS/$name/log" ) &
}
run base
run seed1 --set system.seed=1
run seed2 --set system.seed=2
run drop01 --set training.dropout=0.1
run drop03 --set training.dropout=0.3
run nerh128 --set components.ner.model.hidden_width=128
run lr2 --set training.optimizer.learn_rate=0.002
run bigbatch --set training.batcher.size.stop=3000
run gaz2 --gazetteer 2
run tal2 --talbanken-weight 2
run aug1 --augment 1
run char --config "$RUNS/config_char.cfg"
run depth6 --set components.tok2vec.model.encode.depth=6
run pieces2 --set components.tok2vec.model.encode.maxout_pieces=2 --set components.tok2vec.model.encode.width=208
run l2zero --set training.optimizer.L2=0.0
wait
for dir in "$RUNS"/*/; do
  best="$dir/work/checkpoints/model-best"
  [ -d "$best" ] && python3 models/evaluate_ner.py --model "$best" --data "$DATA" --splits talbanken-dev news-dev > "$dir/eval" 2>&1
done
