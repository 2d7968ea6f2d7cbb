# Sourced by jobs/run-local.sh and jobs/bench.sh: which installed Java the job runs on when JAVA_HOME names none.
# Spark 4.2 runs on Java 25 from 25.0.3 on, and the job is faster there with the same outputs (README, "Performance").

java_version() {  # java_version JAVA: its java.version, e.g. 17.0.15 or 25.0.3
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p'
}

at_least() {  # at_least VERSION MINIMUM: whether VERSION is MINIMUM or later
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]
}

newest_java25() {  # prints "HOME VERSION" of the newest Java 25.0.3 or later under /usr/lib/jvm, or nothing
  local home v best="" newest=""
  for home in /usr/lib/jvm/*-2[5-9]-* /usr/lib/jvm/*-[3-9][0-9]-*; do
    [ -x "$home/bin/java" ] || continue
    v="$(java_version "$home/bin/java")"
    if at_least "$v" 25.0.3 && { [ -z "$newest" ] || ! at_least "$newest" "$v"; }; then
      best="$home"
      newest="$v"
    fi
  done
  [ -z "$best" ] || echo "$best $newest"
}

choose_job_java() {  # sets job_java, the java the job runs on, and job_java25, its version where it is a Java 25 found here
  # JAVA_HOME's; else the newest Java 25 (25.0.3 or later) under /usr/lib/jvm; else the one on the PATH.
  job_java25=""
  if [ -n "${JAVA_HOME:-}" ]; then
    job_java="$JAVA_HOME/bin/java"
    return
  fi
  job_java=java
  local found
  found="$(newest_java25)"
  if [ -n "$found" ]; then
    job_java="${found% *}/bin/java"
    job_java25="${found#* }"
  fi
}
