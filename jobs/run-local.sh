#!/usr/bin/env bash
# Runs the job on this machine with an embedded local Spark (local[*]); arguments pass through to the job
# (run with --help for them). Builds the jar first when it is missing or older than the sources; the newest jar runs.
# Memory and other JVM options: JAVA_OPTS, e.g. JAVA_OPTS=-Xmx8g jobs/run-local.sh --input big.jsonl.gz
# The Java: JAVA_HOME's; else the newest Java 25 (25.0.3 or later, as Spark 4.2 needs) under /usr/lib/jvm, on which the
# job is faster with the same outputs; else the one on the PATH. From Java 25 on, runs start from an ahead-of-time
# cache of the job's classes that the first run of each build records (NEWS_THEMES_AOT=off: without; README,
# "Performance").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$(ls -t "$root"/target/news-themes-*.jar 2>/dev/null | grep -v -- '-cluster.jar' | head -n 1 || true)"
classpath="$root/target/local-classpath.txt"
if [ -z "$jar" ] || [ ! -f "$classpath" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]; then
  echo "run-local: building the jar (mvn package, tests skipped)..." >&2
  (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package) >&2
  jar="$(ls -t "$root"/target/news-themes-*.jar | grep -v -- '-cluster.jar' | head -n 1)"
fi
# shellcheck source=jobs/java25.sh
. "$root/jobs/java25.sh"
choose_job_java
if [ -n "$job_java25" ]; then
  # Said on every run that chose it, so that a run's log tells which Java computed it.
  echo "run-local: Java $job_java25 from ${job_java%/bin/java} (JAVA_HOME chooses another)" >&2
fi
# Java 25's AOT cache (JEPs 483, 514, 515): the classes the job loads, already parsed and linked, and the profiles of
# its hot methods, so that a run does not pay for them again. The first run with a new jar records the cache and writes
# it when it exits (a minute more, once); a cache older than the jar is recorded again. A run with options the cache
# does not fit runs without it, as the JVM decides.
opts=()  # JVM options for Java 25 and later
version="$job_java25"
if [ -z "$version" ] && [ "${NEWS_THEMES_AOT:-on}" != off ]; then  # asked of the JVM only where the answer is used
  version="$(java_version "$job_java")"
fi
# A run that only prints the usage would record a cache of almost nothing.
case " $* " in *" --help "* | *" -h "*) record=no ;; *) record=yes ;; esac
if [ "${NEWS_THEMES_AOT:-on}" != off ] && [ "$record" = yes ] && [ "${version%%.*}" -ge 25 ] 2>/dev/null; then
  # A cache fits one JVM build and one program: one per Java version and main class.
  cache="$root/target/aot/$(basename "$jar" .jar)-java$version${NEWS_THEMES_MAIN:+-$NEWS_THEMES_MAIN}.aot"
  if [ -f "$cache" ] && [ "$cache" -nt "$jar" ]; then
    opts=(-XX:AOTCache="$cache")
  else
    mkdir -p "$(dirname "$cache")"
    echo "run-local: Java $version: recording the job's AOT cache in $cache (this run ends a minute later; later runs start faster)" >&2
    opts=(-XX:AOTCacheOutput="$cache")
  fi
  # Quiet: the cache's notes on classes it leaves out.
  opts+=(-Xlog:aot*=off,cds*=off)
fi
# The job's garbage collector (jobs/gc.args), unless JAVA_OPTS names one: two would stop the JVM.
gc="@$root/jobs/gc.args"
case " ${JAVA_OPTS:-} " in *" -XX:+Use"*"GC "*) gc="" ;; esac
# Spark on Java 17 needs its launcher's --add-opens flags, kept in one file for the tests and this runner. Java 25 no
# longer has one of their packages, and says so on every start: that one is left out there.
spark_args="$root/jobs/spark-jvm.args"
if [ "${version%%.*}" -ge 25 ] 2>/dev/null; then
  spark_args="$root/target/spark-jvm-25.args"
  if [ ! "$spark_args" -nt "$root/jobs/spark-jvm.args" ]; then
    # Written aside and moved into place, so that a run starting beside this one never reads half a file.
    mkdir -p "$root/target"
    tmp="$(mktemp "$spark_args.XXXXXX")"
    grep -v 'sun.security.action' "$root/jobs/spark-jvm.args" > "$tmp"
    mv -f "$tmp" "$spark_args"
  fi
  # Quiet: Java 25's warnings on Spark's use of Unsafe and of native code.
  opts+=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
fi
# shellcheck disable=SC2086  # JAVA_OPTS is a list of options; gc is one or none
exec "$job_java" $gc ${JAVA_OPTS:-} ${opts[@]+"${opts[@]}"} @"$spark_args" -cp "$jar:$(cat "$classpath")" "${NEWS_THEMES_MAIN:-nl.newsthemes.ThemesJob}" "$@"
