#!/usr/bin/env bash
# The job at scale: a corpus COPIES times the size of CORPUS, of distinct articles (jobs/bench/make-load-corpus.py:
# each version mixes its sentences with other articles of its month, so versions are not near-copies), next to the
# same corpus once. The large run gets a heap of HEAP (default 2g) so that it shows that memory is bounded by the
# vocabulary and K, not by the corpus. Prints per stage the seconds at 1x and COPIESx and their ratio, the driver's
# peak memory, and gensim's read + tokenize + fit of the large corpus with the ratio of the whole job to it.
#   jobs/bench-scale.sh [CORPUS.jsonl.gz] [COPIES] [K]   (default ../shared/corpora/nl-news-2022.jsonl.gz, 10, 20)
# Targets (issue 14): the large run <= 3x gensim on it; growth <= 1.05x COPIES, no stage above 1.2x COPIES; it
# completes in HEAP. Takes about an hour on 2 cores.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$(realpath "${1:-$root/../shared/corpora/nl-news-2022.jsonl.gz}")"
copies="${2:-10}"
k="${3:-20}"
heap="${HEAP:-2g}"
py=/usr/bin/python3
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package) >&2
mllib="$(tr ':' '\n' < "$root/target/local-classpath.txt" | grep 'spark-mllib_' | head -n 1)"
unzip -p "$mllib" org/apache/spark/ml/feature/stopwords/dutch.txt > "$work/dutch.txt"
"$py" "$root/jobs/bench/make-load-corpus.py" "$corpus" "$work/large.jsonl.gz" "$copies"

/usr/bin/time -f '%M' -o "$work/rss-1" "$root/jobs/run-local.sh" --input "$corpus" --output "$work/out-1" \
  --topics "$k" > "$work/job-1.log" 2>&1
JAVA_OPTS="-Xmx$heap ${JAVA_OPTS:-}" /usr/bin/time -f '%M' -o "$work/rss-n" "$root/jobs/run-local.sh" \
  --input "$work/large.jsonl.gz" --output "$work/out-n" --topics "$k" > "$work/job-n.log" 2>&1 \
  || { echo "bench-scale: the ${copies}x run failed with -Xmx$heap:" >&2; tail -n 30 "$work/job-n.log" >&2; exit 1; }
"$py" "$root/jobs/bench/gensim_peer.py" "$work/large.jsonl.gz" "$work/dutch.txt" "$k" 1 > "$work/gensim.json"

"$py" - "$work/out-1/manifest.json" "$work/out-n/manifest.json" "$work/rss-1" "$work/rss-n" "$work/gensim.json" \
  "$copies" "$heap" <<'PY'
import json, sys
one, many, rss1, rssn, gensim, copies, heap = sys.argv[1:]
copies = int(copies)

def stages(path):
    st = {}
    for s in json.load(open(path))["stages"]:
        st[s["name"]] = st.get(s["name"], 0) + s["seconds"]
    return st

a, b = stages(one), stages(many)
ja, jb = json.load(open(one))["seconds"], json.load(open(many))["seconds"]
g = json.load(open(gensim))["total_seconds"]
print("%-16s %9s %9s %7s" % ("stage", "1x_s", "%dx_s" % copies, "ratio"))
for name in b:
    print("%-16s %9.1f %9.1f %7.1f%s" % (name, a.get(name, 0), b[name], b[name] / max(a.get(name, 0), 0.1),
                                         "  ABOVE %.1fx" % (1.2 * copies) if b[name] > 1.2 * copies * max(a.get(name, 0), 0.1) and b[name] > 10 else ""))
print("%-16s %9.1f %9.1f %7.1f   (target <= %.1f)" % ("whole job", ja, jb, jb / ja, 1.05 * copies))
print("peak RSS: 1x %.0f MB, %dx %.0f MB with -Xmx%s" % (int(open(rss1).read()) / 1024, copies,
                                                          int(open(rssn).read()) / 1024, heap))
print("gensim on the %dx corpus: %.1f s; the job %.1f s: ratio %.2f   (target <= 3)" % (copies, g, jb, jb / g))
PY
