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
# The job's garbage collector (jobs/gc.args), unless JAVA_OPTS names one: two would stop the JVM.
gc="@$root/jobs/gc.args"
case " ${JAVA_OPTS:-} " in *" -XX:+Use"*"GC "*) gc="" ;; esac
# Spark on Java 17 needs its launcher's --add-opens flags, kept in one file for the tests and this runner.
# shellcheck disable=SC2086  # JAVA_OPTS is a list of options; gc is one or none
exec java $gc ${JAVA_OPTS:-} @"$root/jobs/spark-jvm.args" -cp "$jar:$(cat "$classpath")" "${NEWS_THEMES_MAIN:-nl.newsthemes.ThemesJob}" "$@"
