#!/usr/bin/env bash
# The job at scale: a corpus COPIES times the size of CORPUS, of distinct articles (jobs/bench/make-load-corpus.py:
# each version mixes its sentences with other articles of its month, so versions are not near-copies), next to the
# same corpus once, and next to a sample of the large corpus as large as CORPUS (the same kind of documents: a version
# mixes topics from several articles, and LDA takes longer to infer the topics of such a document, so growth is read
# against this run as well). Every run gets a heap of HEAP (default 2g) so that the large one shows that memory is
# bounded by the vocabulary and K, not by the corpus. Prints per stage the seconds at 1x, the sample's, COPIESx and the
# ratios, the driver's peak memory, and gensim's read + tokenize + fit of the large corpus with the ratio of the whole
# job to it.
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
"$py" - "$corpus" "$work/large.jsonl.gz" "$work/sample.jsonl.gz" <<'PY'
import gzip, random, sys
corpus, large, sample = sys.argv[1:]
with gzip.open(corpus, "rt") as f:
    n = sum(1 for _ in f)
with gzip.open(large, "rt") as f:
    lines = f.readlines()
random.seed(5)
with gzip.open(sample, "wt") as f:
    f.writelines(random.sample(lines, n))
PY

# One run of the job in HEAP: its outputs in out-NAME, its log in job-NAME.log, its peak memory in rss-NAME.
run() {
  local name="$1" input="$2"
  JAVA_OPTS="-Xmx$heap ${JAVA_OPTS:-}" /usr/bin/time -f '%M' -o "$work/rss-$name" "$root/jobs/run-local.sh" \
    --input "$input" --output "$work/out-$name" --topics "$k" > "$work/job-$name.log" 2>&1 \
    || { echo "bench-scale: the $name run failed with -Xmx$heap:" >&2; tail -n 30 "$work/job-$name.log" >&2; exit 1; }
}
run 1 "$corpus"
run s "$work/sample.jsonl.gz"
run n "$work/large.jsonl.gz"
"$py" "$root/jobs/bench/gensim_peer.py" "$work/large.jsonl.gz" "$work/dutch.txt" "$k" 1 > "$work/gensim.json"

"$py" - "$work/out-1/manifest.json" "$work/out-s/manifest.json" "$work/out-n/manifest.json" "$work/rss-1" \
  "$work/rss-n" "$work/gensim.json" "$copies" "$heap" <<'PY'
import json, sys
one, same, many, rss1, rssn, gensim, copies, heap = sys.argv[1:]
copies = int(copies)

def stages(path):
    st = {}
    for s in json.load(open(path))["stages"]:
        st[s["name"]] = st.get(s["name"], 0) + s["seconds"]
    return st

def ratio(large, small):
    return large / max(small, 0.1)

def flag(large, small):
    return "  ABOVE %.1fx" % (1.2 * copies) if large > 10 and ratio(large, small) > 1.2 * copies else ""

a, s, b = stages(one), stages(same), stages(many)
ja, js, jb = (json.load(open(p))["seconds"] for p in (one, same, many))
g = json.load(open(gensim))["total_seconds"]
print("%-16s %9s %9s %9s %7s %7s" % ("stage", "1x_s", "sample_s", "%dx_s" % copies, "/1x", "/sample"))
for name in b:
    print("%-16s %9.1f %9.1f %9.1f %7.1f %7.1f%s" % (name, a.get(name, 0), s.get(name, 0), b[name],
                                                    ratio(b[name], a.get(name, 0)), ratio(b[name], s.get(name, 0)),
                                                    flag(b[name], a.get(name, 0)) or flag(b[name], s.get(name, 0))))
print("%-16s %9.1f %9.1f %9.1f %7.1f %7.1f   (target <= %.1f)" % ("whole job", ja, js, jb, jb / ja, jb / js,
                                                                   1.05 * copies))
print("peak RSS: 1x %.0f MB, %dx %.0f MB, both with -Xmx%s" % (int(open(rss1).read()) / 1024, copies,
                                                               int(open(rssn).read()) / 1024, heap))
print("gensim on the %dx corpus: %.1f s; the job %.1f s: ratio %.2f   (target <= 3)" % (copies, g, jb, jb / g))
PY
