#!/usr/bin/env bash
# Runs the job on this machine with an embedded local Spark (local[*]); arguments pass through to the job
# (run with --help for them). Builds the jar first when it is missing or older than the sources.
# Memory and other JVM options: JAVA_OPTS, e.g. JAVA_OPTS=-Xmx8g jobs/run-local.sh --input big.jsonl.gz
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$(ls "$root"/target/news-themes-*.jar 2>/dev/null | grep -v -- '-cluster.jar' | head -n 1 || true)"
classpath="$root/target/local-classpath.txt"
if [ -z "$jar" ] || [ ! -f "$classpath" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]; then
  echo "run-local: building the jar (mvn package, tests skipped)..." >&2
  (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package) >&2
  jar="$(ls "$root"/target/news-themes-*.jar | grep -v -- '-cluster.jar' | head -n 1)"
fi
# The parallel garbage collector, unless JAVA_OPTS names one: a batch job wants throughput, not short pauses, and on
# two cores G1's concurrent work took a fifth of the CPU (README, Performance; the same outputs either way).
gc="-XX:+UseParallelGC"
case " ${JAVA_OPTS:-} " in *" -XX:+Use"*"GC "*) gc="" ;; esac
# Spark on Java 17 needs its launcher's --add-opens flags, kept in one file for the tests and this runner.
# shellcheck disable=SC2086  # JAVA_OPTS and gc are lists of options
exec java $gc ${JAVA_OPTS:-} @"$root/jobs/spark-jvm.args" -cp "$jar:$(cat "$classpath")" "${NEWS_THEMES_MAIN:-nl.newsthemes.ThemesJob}" "$@"
