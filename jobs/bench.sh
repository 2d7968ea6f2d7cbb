#!/usr/bin/env bash
# Benchmark: the whole job (read, text, TF-IDF, themes, LDA, all outputs) on 25%, 50% and 100% of a corpus, next to
# gensim's LdaMulticore (Debian's python3-gensim; read + tokenize + fit, 2 workers, the same K, one pass) on the same
# articles. Prints wall time per stage, content words per second, peak memory of the driver JVM, the ratio to gensim,
# and both models' document-level NPMI of their top 10 words.
#   jobs/bench.sh [CORPUS.jsonl.gz] [K]        (default ../shared/corpora/nl-news-2022.jsonl.gz, K 20)
# Needs: python3-gensim (apt-get install python3-gensim), GNU time (apt-get install time).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$(realpath "${1:-$root/../shared/corpora/nl-news-2022.jsonl.gz}")"
k="${2:-20}"
py=/usr/bin/python3   # Debian's python, which sees Debian's gensim
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package) >&2
cp_file="$root/target/local-classpath.txt"
mllib="$(tr ':' '\n' < "$cp_file" | grep 'spark-mllib_' | head -n 1)"
unzip -p "$mllib" org/apache/spark/ml/feature/stopwords/dutch.txt > "$work/dutch.txt"

total=$(zcat "$corpus" | wc -l)
printf '%-5s %8s %8s %8s %8s %8s %8s %8s %8s %10s %8s %8s %7s %7s %7s\n' \
  share articles read text vocab lda write job_s words/s peak_MB gensim_s ratio npmi npmi_g stages
for pct in 25 50 100; do
  n=$(( total * pct / 100 ))
  part="$work/part-$pct.jsonl.gz"
  "$py" - "$corpus" "$part" "$n" <<'PY'
import gzip, sys
source, target, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with gzip.open(source, "rt", encoding="utf-8") as lines, gzip.open(target, "wt", encoding="utf-8", compresslevel=1) as out:
    for i, line in enumerate(lines):
        if i == n:
            break
        out.write(line)
PY
  out="$work/out-$pct"
  /usr/bin/time -f '%M' -o "$work/rss-$pct" "$root/jobs/run-local.sh" --input "$part" --output "$out" --topics "$k" \
    > "$work/job-$pct.log" 2>&1
  "$py" "$root/jobs/bench/gensim_peer.py" "$part" "$work/dutch.txt" "$k" 1 > "$work/gensim-$pct.json" 2> "$work/gensim-$pct.log"
  "$py" - "$out" "$work/gensim-$pct.json" "$work/topics-$pct.json" <<'PY'
import csv, json, sys
out, gensim, target = sys.argv[1:]
ours = {}
for r in csv.DictReader(open(f"{out}/csv/topics.csv", encoding="utf-8")):
    ours.setdefault(int(r["topic"]), []).append((int(r["rank"]), r["term"]))
json.dump({"ours": [[t for _, t in sorted(v)][:10] for _, v in sorted(ours.items())],
           "gensim": json.load(open(gensim))["topics"]}, open(target, "w"), ensure_ascii=False)
PY
  "$py" "$root/jobs/bench/npmi.py" "$part" "$work/topics-$pct.json" > "$work/npmi-$pct.json"
  "$py" - "$out/manifest.json" "$work/gensim-$pct.json" "$work/npmi-$pct.json" "$work/rss-$pct" "$pct" "$n" <<'PY'
import json, sys
manifest, gensim, npmi, rss, pct, n = sys.argv[1:]
m = json.load(open(manifest)); g = json.load(open(gensim)); s = json.load(open(npmi))
st = {x["name"]: x["seconds"] for x in m["stages"]}
job = m["seconds"]
read = st.get("ingest", 0) + st.get("count", 0)
words = m["counts"]["content_words"]
print("%-5s %8d %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.0f %10.0f %8.1f %8.2f %7.3f %7.3f  %s" % (
    pct + "%", int(n), read, st.get("text", 0), st.get("vocabulary", 0), st.get("lda", 0) + st.get("lda-input", 0),
    st.get("write", 0), job, words / job, int(open(rss).read().strip()) / 1024, g["total_seconds"],
    job / g["total_seconds"], s["ours"]["mean_npmi"], s["gensim"]["mean_npmi"],
    " ".join("%s=%.1f" % (k, v) for k, v in st.items())))
PY
done
