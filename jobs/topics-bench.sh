#!/usr/bin/env bash
# The topics benchmark: what the topics issue asks of the topic model, measured on a real corpus and printed.
#   1. readable topics: mean document-level NPMI of each topic's top 10 words (jobs/bench/npmi.py, lower-cased
#      surface words of the texts), and the topics that have a filler word among their top 5;
#   2. stable across seeds: a refit with another seed into the same output, matched to the first model: the share of
#      topics that kept an id with a similarity of at least 0.7;
#   3. a refit after a reuse keeps every matched topic's id;
#   4. near-duplicates: how many articles are near-copies of an earlier one, and five pairs to read.
#   jobs/topics-bench.sh [CORPUS.jsonl.gz] [K]    (default ../shared/corpora/nl-news-2022.jsonl.gz, K 20)
# Extra job flags go in NEWS_THEMES_FLAGS, a job config file in NEWS_THEMES_CONFIG. Every refit here starts as a
# first fit does (lda_warm_start false): 2 and 3 measure how alike two fits from scratch are, which a refit from the
# previous model's topics would make alike by construction. Takes four job runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$(realpath "${1:-$root/../shared/corpora/nl-news-2022.jsonl.gz}")"
k="${2:-20}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="$work/out"
models="$work/models"
python3 - "${NEWS_THEMES_CONFIG:-}" "$work/config.json" <<'PY'
import json, sys
config = json.load(open(sys.argv[1])) if sys.argv[1] else {}
config["lda_warm_start"] = False
json.dump(config, open(sys.argv[2], "w"))
PY
# shellcheck disable=SC2206
flags=(--input "$corpus" --output "$out" --model-dir "$models" --topics "$k" --config "$work/config.json"
  ${NEWS_THEMES_FLAGS:-})

run() {  # run NAME FLAGS...: one job run, its log kept for the figures
  local name="$1"; shift
  "$root/jobs/run-local.sh" "${flags[@]}" "$@" > "$work/$name.log" 2>&1 \
    || { echo "topics-bench: the $name run failed:" >&2; tail -n 20 "$work/$name.log" >&2; exit 1; }
  cp "$out/csv/topics.csv" "$work/$name-topics.csv"
  cp "$out/csv/topic_registry.csv" "$work/$name-registry.csv"
  cp "$out/manifest.json" "$work/$name-manifest.json"
}

echo "== 1. coherence and filler words (seed 1, K=$k)"
run seed1 --seed 1 --run-date 2026-01-01
python3 - "$work/seed1-topics.csv" "$work/topics.json" <<'PY'
import csv, json, sys
topics = {}
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    topics.setdefault(int(r["topic"]), []).append((int(r["rank"]), r["term"]))
json.dump({"job": [[t for _, t in sorted(v)][:10] for _, v in sorted(topics.items())]}, open(sys.argv[2], "w"),
          ensure_ascii=False)
PY
python3 "$root/jobs/bench/npmi.py" "$corpus" "$work/topics.json" > "$work/npmi.json"
python3 - "$work/topics.json" "$work/npmi.json" "$work/seed1-manifest.json" <<'PY'
import json, sys
topics = json.load(open(sys.argv[1]))["job"]
npmi = json.load(open(sys.argv[2]))["job"]
manifest = json.load(open(sys.argv[3]))
# Words that say nothing about a subject: the issue's examples and their kind.
filler = {"we", "zegt", "volgens", "jaar", "wel", "gaat", "mensen", "zei", "nog", "ook", "heel", "echt", "gewoon",
          "maar", "denk", "veel", "nu", "goed", "weer", "nieuwe", "zo", "gaan", "moeten", "kunnen", "laten", "komen"}
with_filler = 0
for i, (words, score) in enumerate(zip(topics, npmi["per_topic"])):
    bad = [w for w in words[:5] if w in filler]
    with_filler += bool(bad)
    print("  topic %2d  npmi %6.3f  %s%s" % (i, score, " ".join(words), "   FILLER: " + ",".join(bad) if bad else ""))
print("mean NPMI of the top 10 words (surface words, as the issue defines it): %.3f   (target >= 0.30)" % npmi["mean_npmi"])
print("mean NPMI as the job computes it (over its own terms, in the manifest): %.3f" %
      manifest["topics"]["quality"]["mean_npmi"])
print("topics with a filler word among their top 5: %d   (target 0)" % with_filler)
print("near-duplicates left out of LDA: %s of %s articles" % (
    manifest["counts"]["near_duplicates"], manifest["counts"]["loaded"]))
PY

echo "== 2. another seed, matched to the first model"
run seed2 --seed 2 --run-date 2026-01-02
python3 - "$work/seed2-registry.csv" "$work/seed2-manifest.json" "$k" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
m = json.load(open(sys.argv[2]))["topics"]["model"]
k = int(sys.argv[3])
active = [r for r in rows if r["status"] == "active"]
strong = [r for r in active if r["similarity"] and float(r["similarity"]) >= 0.7]
print("matched %d, new %d, vanished %d (least similarity of a match %.2f)" % (
    m["topics_matched"], m["topics_new"], m["topics_vanished"], m["min_similarity"]))
print("topics of seed 2 matched to seed 1's with similarity >= 0.7: %d of %d = %.0f%%   (target >= 80%%)" % (
    len(strong), k, 100.0 * len(strong) / k))
print("similarities: " + " ".join(sorted((r["similarity"] or "new") for r in active)))
PY

echo "== 3. reuse, then a refit of the same data and seed"
run reuse --seed 2 --run-date 2026-01-03 --model reuse
run refit --seed 2 --run-date 2026-01-04
python3 - "$work/reuse-topics.csv" "$work/refit-topics.csv" "$work/refit-registry.csv" "$work/refit-manifest.json" <<'PY'
import csv, json, sys
def ids(f):
    t = {}
    for r in csv.DictReader(open(f, encoding="utf-8")):
        t.setdefault(int(r["topic"]), []).append(r["term"])
    return t
before, after = ids(sys.argv[1]), ids(sys.argv[2])
m = json.load(open(sys.argv[4]))["topics"]["model"]
kept = sum(1 for i in after if i in before and after[i] == before[i])
print("matched %d, new %d, vanished %d" % (m["topics_matched"], m["topics_new"], m["topics_vanished"]))
print("topics with the same id and the same words after the refit: %d of %d   (target: every matched one, %d)" % (
    kept, len(after), m["topics_matched"]))
PY

echo "== 4. near-duplicates"
python3 - "$out/csv/documents.csv" "$corpus" <<'PY'
import csv, gzip, json, sys
docs = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
dups = [d for d in docs if d["duplicate_of"]]
print("articles that are a near-copy of an earlier one: %d of %d (%.1f%%)" % (len(dups), len(docs), 100.0 * len(dups) / len(docs)))
wanted = set()
step = max(1, len(dups) // 5)
examples = dups[::step][:5]
for d in examples:
    wanted.update([d["doc_id"], d["duplicate_of"]])
texts = {}
for line in gzip.open(sys.argv[2], "rt", encoding="utf-8"):
    a = json.loads(line)
    if str(a.get("id")) in wanted:
        texts[str(a["id"])] = a
for d in examples:
    a, b = texts.get(d["duplicate_of"], {}), texts.get(d["doc_id"], {})
    print("-- %s (%s, %s) is a near-copy of %s (%s, %s)" % (d["doc_id"], b.get("date"), b.get("source"),
                                                          d["duplicate_of"], a.get("date"), a.get("source")))
    for label, x in (("first", a), ("copy ", b)):
        print("   %s: %s | %s" % (label, (x.get("title") or "")[:100], " ".join((x.get("text") or "").split())[:300]))
PY
