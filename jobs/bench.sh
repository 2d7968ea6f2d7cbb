#!/usr/bin/env bash
# Benchmark of the job's speed, with the figures of each target printed side by side in one run:
#   fixed   the sample (data/sample) with the defaults, next to a bare Spark job on the same files (a JVM, a local
#           session, one read, a count, one Parquet and one CSV write: jobs/bench/BareSparkJob.java); target <= 2x;
#           and the sample run 4 times in one JVM (jobs/bench/WarmRuns.java), as the tests run it: each run's seconds
#           and the JVM's CPU seconds; and, where a Java 25 is installed, the sample on it with the AOT cache that
#           jobs/run-local.sh records. BENCH_JAVA_OPTS adds JVM options (or -Dspark.* settings) to that JVM, to try
#           a setting: e.g. BENCH_PARTS=fixed BENCH_JAVA_OPTS=-Dspark.sql.shuffle.partitions=2 jobs/bench.sh
#   corpus  the whole job on 25%, 50% and 100% of a corpus, next to gensim's LdaMulticore (Debian's python3-gensim;
#           read + tokenize + fit, 2 workers, the same K, one pass) on the same articles: stage seconds, content words
#           per second, the driver's peak memory, the ratio to gensim (target <= 3x at 100%), the job's read + text +
#           vocabulary + LDA against gensim's whole run (target <= 1x), and both models' mean NPMI of their top 10
#           words (jobs/bench/npmi.py; target >= 0.35); and MLlib alone on gensim's steps (jobs/bench/BareMllibLda.java),
#           what Spark and MLlib's LDA alone take for the like-for-like part's work;
#   nights  on the whole corpus: a nightly refit that has the previous model against the first fit (target <= 1x), with
#           both runs' mean NPMI and how close each refitted topic stays to its previous one; and --topics auto against
#           a run with one K (target <= 3x).
# The 10x corpus is jobs/bench-scale.sh (longer); topic stability across seeds is jobs/topics-bench.sh.
#   jobs/bench.sh [CORPUS.jsonl.gz] [K]        (default ../shared/corpora/nl-news-2022.jsonl.gz, K 20)
#   BENCH_PARTS="fixed corpus nights" (the default) chooses the parts.
# Needs: python3-gensim (apt-get install python3-gensim), GNU time (apt-get install time).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=jobs/java25.sh
. "$root/jobs/java25.sh"
corpus="$(realpath "${1:-$root/../shared/corpora/nl-news-2022.jsonl.gz}")"
k="${2:-20}"
parts="${BENCH_PARTS:-fixed corpus nights}"
py=/usr/bin/python3   # Debian's python, which sees Debian's gensim
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package) >&2
cp_file="$root/target/local-classpath.txt"
jar="$(ls -t "$root"/target/news-themes-*.jar | grep -v -- '-cluster.jar' | head -n 1)"

seconds() {  # seconds COMMAND...: runs it, its output to $work/last.log, and prints its wall seconds
  local start end
  start=$(date +%s.%N)
  "$@" > "$work/last.log" 2>&1 || { echo "bench: failed: $*" >&2; tail -n 20 "$work/last.log" >&2; exit 1; }
  end=$(date +%s.%N)
  "$py" -c "print('%.1f' % ($end - $start))"
}

stage_seconds() {  # stage_seconds MANIFEST STAGE...: the seconds of those stages, added up
  "$py" - "$@" <<'PY'
import json, sys
st = {}
for s in json.load(open(sys.argv[1]))["stages"]:
    st[s["name"]] = st.get(s["name"], 0) + s["seconds"]
print("%.1f" % sum(st.get(n, 0) for n in sys.argv[2:]))
PY
}

if [[ " $parts " == *" fixed "* ]]; then
  echo "== fixed costs: the sample (data/sample, every default) next to a bare Spark job on the same files"
  javac -d "$work/bare" -cp "$(cat "$cp_file")" "$root/jobs/bench/BareSparkJob.java"
  # Both JVMs with the collector jobs/run-local.sh gives the job.
  bare_job() {  # bare_job JAVA OUTPUT: the bare Spark job on the sample, with that java
    "$1" @"$root/jobs/gc.args" @"$root/jobs/spark-jvm.args" -cp "$work/bare:$(cat "$cp_file")" BareSparkJob \
      "$root/data/sample" "$2"
  }
  bare=$(seconds bare_job java "$work/bare-out")
  # run-local.sh runs on a Java 25 where one is installed; this comparison is on the PATH's Java (17), as the tests run.
  path_java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  job=$(JAVA_HOME="$path_java_home" seconds "$root/jobs/run-local.sh" --output "$work/sample-out")
  cp "$work/last.log" "$work/sample.log"
  "$py" - "$bare" "$job" "$work/sample-out/manifest.json" <<'PY'
import json, sys
bare, job, manifest = float(sys.argv[1]), float(sys.argv[2]), json.load(open(sys.argv[3]))
print("on the PATH's Java: bare Spark job %.1f s; the job %.1f s (%.1f s inside the session); ratio %.2f   (target <= 2)" % (
    bare, job, manifest["seconds"], job / bare))
print("  stages: " + " ".join("%s=%.1f" % (s["name"], s["seconds"]) for s in manifest["stages"]))
PY
  # The same on Java 25 with the AOT cache jobs/run-local.sh keeps (a first run records it), where a Java 25 is here.
  found="$(newest_java25)"
  java25="${BENCH_JAVA25_HOME:-${found% *}}"
  if [ -x "$java25/bin/java" ]; then
    bare25=$(seconds bare_job "$java25/bin/java" "$work/bare25-out")
    rm -rf "$root/target/aot"   # so that the first run records the cache
    recorded=$(JAVA_HOME="$java25" seconds "$root/jobs/run-local.sh" --output "$work/aot-record-out")
    aot=$(JAVA_HOME="$java25" seconds "$root/jobs/run-local.sh" --output "$work/aot-out")
    "$py" - "$bare25" "$recorded" "$aot" "$(basename "$java25")" <<'PY'
import sys
bare, recorded, aot, java = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
print("on Java 25 (%s), which jobs/run-local.sh chooses where it is installed: bare Spark job %.1f s; the job with its"
      " AOT cache %.1f s, ratio %.2f   (the run that recorded the cache: %.1f s)" % (java, bare, aot, aot / bare, recorded))
PY
  else
    echo "no Java 25.0.3 or later under /usr/lib/jvm (BENCH_JAVA25_HOME names one): the AOT cache not measured"
  fi
  javac -d "$work/warm" -cp "$jar:$(cat "$cp_file")" "$root/jobs/bench/WarmRuns.java"
  # shellcheck disable=SC2086  # BENCH_JAVA_OPTS is a list of options
  /usr/bin/time -f "warm-runs: the JVM: %e s, %U s user and %S s system CPU, peak RSS %M KB" \
    java @"$root/jobs/gc.args" @"$root/jobs/spark-jvm.args" ${BENCH_JAVA_OPTS:-} -cp "$work/warm:$jar:$(cat "$cp_file")" WarmRuns 4 \
    "$work/warm-out" --input "$root/data/sample" > "$work/warm.log" 2>&1 \
    || { echo "bench: warm runs failed" >&2; tail -n 20 "$work/warm.log" >&2; exit 1; }
  grep '^warm-runs: ' "$work/warm.log"
fi

if [[ " $parts " == *" corpus "* || " $parts " == *" nights "* ]]; then
  mllib="$(tr ':' '\n' < "$cp_file" | grep 'spark-mllib_' | head -n 1)"
  unzip -p "$mllib" org/apache/spark/ml/feature/stopwords/dutch.txt > "$work/dutch.txt"
  # First a run on the sample, untimed: on Java 25 it records the AOT cache (README, "Performance") if this build has
  # none yet, so that no timed run pays for the recording; and its log says which Java run-local.sh chose.
  "$root/jobs/run-local.sh" --output "$work/untimed-out" > "$work/untimed.log" 2>&1 \
    || { echo "bench: the job failed on the sample:" >&2; tail -n 20 "$work/untimed.log" >&2; exit 1; }
  echo "the job on $(sed -n 's/^run-local: \(Java [^ ]* from [^ ]*\).*/\1/p' "$work/untimed.log" | head -n 1 | grep . \
    || java -version 2>&1 | head -n 1) (jobs/run-local.sh's choice; JAVA_HOME chooses another)"
fi

if [[ " $parts " == *" corpus "* ]]; then
  "$py" -c 'import gensim' 2> /dev/null \
    || { echo "bench: the corpus part needs Debian's gensim for $py: apt-get install python3-gensim" >&2; exit 1; }
  echo "== the corpus: $(basename "$corpus"), K=$k, the whole job, gensim and MLlib alone on the same articles"
  total=$(zcat "$corpus" | wc -l)
  # MLlib alone on gensim's steps (jobs/bench/BareMllibLda.java), on the Java that jobs/run-local.sh chooses and with
  # the BLAS the job chooses under a local master: what Spark and MLlib's LDA alone take for the like-for-like part.
  javac -d "$work/mllib" -cp "$jar:$(cat "$cp_file")" "$root/jobs/bench/BareMllibLda.java"
  choose_job_java
  printf '%-5s %8s %7s %7s %7s %7s %7s %8s %8s %8s %8s %7s %7s %8s %7s %7s %7s %7s  %s\n' \
    share articles read text vocab lda write job_s words/s peak_MB gensim_s ratio like4like mllib_s mllib_g npmi npmi_g \
    npmi_m stages
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
      > "$work/job-$pct.log" 2>&1 \
      || { echo "bench: the job failed on $pct% of the corpus:" >&2; tail -n 20 "$work/job-$pct.log" >&2; exit 1; }
    "$py" "$root/jobs/bench/gensim_peer.py" "$part" "$work/dutch.txt" "$k" 1 > "$work/gensim-$pct.json" 2> "$work/gensim-$pct.log" \
      || { echo "bench: gensim failed on $pct% of the corpus:" >&2; tail -n 20 "$work/gensim-$pct.log" >&2; exit 1; }
    "$job_java" @"$root/jobs/gc.args" @"$root/jobs/spark-jvm.args" \
      -cp "$work/mllib:$jar:$(cat "$cp_file")" BareMllibLda "$part" "$k" 1 > "$work/mllib-$pct.json" 2> "$work/mllib-$pct.log" \
      || { echo "bench: MLlib alone failed on $pct% of the corpus:" >&2; tail -n 20 "$work/mllib-$pct.log" >&2; exit 1; }
    "$py" - "$out" "$work/gensim-$pct.json" "$work/mllib-$pct.json" "$work/topics-$pct.json" <<'PY'
import csv, json, sys
out, gensim, mllib, target = sys.argv[1:]
ours = {}
for r in csv.DictReader(open(f"{out}/csv/topics.csv", encoding="utf-8")):
    ours.setdefault(int(r["topic"]), []).append((int(r["rank"]), r["term"]))
json.dump({"ours": [[t for _, t in sorted(v)][:10] for _, v in sorted(ours.items())],
           "gensim": json.load(open(gensim))["topics"], "mllib": json.load(open(mllib))["topics"]},
          open(target, "w"), ensure_ascii=False)
PY
    "$py" "$root/jobs/bench/npmi.py" "$part" "$work/topics-$pct.json" > "$work/npmi-$pct.json"
    "$py" - "$out/manifest.json" "$work/gensim-$pct.json" "$work/mllib-$pct.json" "$work/npmi-$pct.json" "$work/rss-$pct" \
      "$pct" "$n" <<'PY'
import json, sys
manifest, gensim, mllib, npmi, rss, pct, n = sys.argv[1:]
m = json.load(open(manifest)); g = json.load(open(gensim)); b = json.load(open(mllib)); s = json.load(open(npmi))
st = {}
for x in m["stages"]:
    st[x["name"]] = st.get(x["name"], 0) + x["seconds"]
job = m["seconds"]
read = st.get("ingest", 0) + st.get("count", 0)
# Like for like: what gensim does too (read, tokenize, vocabulary, fit).
like = read + sum(st.get(x, 0) for x in ("text", "phrases", "vocabulary", "idf", "lda-input", "lda"))
words = m["counts"]["content_words"]
print("%-5s %8d %7.1f %7.1f %7.1f %7.1f %7.1f %8.1f %8.0f %8.0f %8.1f %7.2f %7.2f %8.1f %7.2f %7.3f %7.3f %7.3f  %s" % (
    pct + "%", int(n), read, st.get("text", 0), st.get("vocabulary", 0), st.get("lda", 0) + st.get("lda-input", 0),
    st.get("write", 0), job, words / job, int(open(rss).read().strip()) / 1024, g["total_seconds"],
    job / g["total_seconds"], like / g["total_seconds"], b["total_seconds"], b["total_seconds"] / g["total_seconds"],
    s["ours"]["mean_npmi"], s["gensim"]["mean_npmi"], s["mllib"]["mean_npmi"],
    " ".join("%s=%.1f" % (k, v) for k, v in st.items())))
PY
  done
  echo "targets at 100%: ratio <= 3, like4like <= 1, npmi >= 0.35"
  echo "  mllib_s: MLlib alone on gensim's steps (read, tokenize, vocabulary, one pass of online LDA), from the first read"
  echo "  to the model; mllib_g: that against gensim (above 1, like4like cannot reach 1 with MLlib's LDA here)"
fi

if [[ " $parts " == *" nights "* ]]; then
  echo "== nights on $(basename "$corpus"), K=$k: a refit that has the previous model, and --topics auto"
  nights="$work/nights"
  first=$(seconds "$root/jobs/run-local.sh" --input "$corpus" --output "$nights" --topics "$k" --run-date 2026-01-01)
  first_lda=$(stage_seconds "$nights/manifest.json" lda-input lda)
  cp "$nights/manifest.json" "$work/first-manifest.json"
  refit=$(seconds "$root/jobs/run-local.sh" --input "$corpus" --output "$nights" --topics "$k" --run-date 2026-01-02)
  refit_lda=$(stage_seconds "$nights/manifest.json" lda-input lda)
  auto=$(seconds "$root/jobs/run-local.sh" --input "$corpus" --output "$work/auto" --topics auto --run-date 2026-01-01)
  "$py" - "$first" "$first_lda" "$refit" "$refit_lda" "$auto" "$work/first-manifest.json" "$nights/manifest.json" \
    "$nights/csv/topic_registry.csv" <<'PY'
import csv, json, sys
first, first_lda, refit, refit_lda, auto = map(float, sys.argv[1:6])
before, after = (json.load(open(f))["topics"] for f in sys.argv[6:8])
similarities = sorted(float(r["similarity"]) for r in csv.DictReader(open(sys.argv[8])) if r["similarity"])
print("first fit %.1f s (lda %.1f s); refit with the previous model %.1f s (lda %.1f s): ratio %.2f   (target <= 1)" % (
    first, first_lda, refit, refit_lda, refit / first))
print("  the refit started from run %s's topics; mean NPMI %.3f, first fit %.3f; %d topics kept their id, "
      "similarity to the previous topic %.3f to %.3f" % (after["model"]["started_from"], after["quality"]["mean_npmi"],
      before["quality"]["mean_npmi"], after["model"]["topics_matched"], similarities[0] if similarities else 0,
      similarities[-1] if similarities else 0))
print("--topics auto %.1f s against one K %.1f s: ratio %.2f   (target <= 3)" % (auto, first, auto / first))
PY
fi
