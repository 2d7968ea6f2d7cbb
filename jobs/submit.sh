#!/usr/bin/env bash
# Submits the job to a Spark cluster with spark-submit. Arguments pass through to the job (see --help).
#   SPARK_MASTER=spark://host:7077 jobs/submit.sh --input hdfs:///news/2022 --output hdfs:///reports/themes
# Needs: spark-submit on PATH (or SPARK_HOME set), and the cluster jar (built here when missing or older than the
# sources: mvn package).
# Extra spark-submit options: SPARK_SUBMIT_OPTS_EXTRA, e.g. "--executor-memory 4g --num-executors 4".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
master="${SPARK_MASTER:-}"
args=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--master" ] && [ $# -ge 2 ]; then master="$2"; shift 2; else args+=("$1"); shift; fi
done
if [ -z "$master" ]; then
  echo "submit.sh: give the cluster with --master URL or SPARK_MASTER (spark://host:7077, yarn, k8s://...)" >&2
  exit 2
fi
jar="$(ls -t "$root"/target/news-themes-*-cluster.jar 2>/dev/null | head -n 1 || true)"
# Built again when a source or the pom is newer than the jar: an updated checkout must not submit the old code.
if [ -z "$jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]; then
  (cd "$root" && mvn -B -q -DskipTests package)
  jar="$(ls -t "$root"/target/news-themes-*-cluster.jar | head -n 1)"
fi
submit="spark-submit"
if [ -n "${SPARK_HOME:-}" ]; then submit="$SPARK_HOME/bin/spark-submit"; fi
# shellcheck disable=SC2086
exec "$submit" --master "$master" --name news-themes --class nl.newsthemes.ThemesJob \
  ${SPARK_SUBMIT_OPTS_EXTRA:-} "$jar" "${args[@]}"
