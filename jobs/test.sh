#!/usr/bin/env bash
# Runs every test, as CI does (.ci/run calls this): installs, where missing, the Debian packages that the browser and
# notebook tests use (jobs/install-test-packages.sh: apt-get as root or through sudo; where it cannot, it says what to
# install and nothing runs), then builds and runs every test with Maven. Arguments pass through to Maven, e.g.
# jobs/test.sh -Dtest=SampleJobTest -DskipITs.
#
# Only the integration tests (mvn verify's failsafe part) use those packages, so they install while Maven builds and
# runs the unit tests: on a fresh machine apt-get takes about two minutes, mostly waiting for downloads.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
jobs/install-test-packages.sh --check
installer_log="$(mktemp)"
trap 'rm -f "$installer_log"' EXIT
jobs/install-test-packages.sh > "$installer_log" 2>&1 &
installer=$!

unit=0
mvn -B test "$@" || unit=$?
installed=0
wait "$installer" || installed=$?
cat "$installer_log"
if [ "$installed" != 0 ]; then
  echo "test.sh: installing the test packages failed (exit $installed); the integration tests did not run" >&2
  exit 1
fi
if [ "$unit" != 0 ]; then
  exit "$unit"
fi
# The unit tests have run: package the jars and run the integration tests.
mvn -B verify -DskipUnitTests "$@"
