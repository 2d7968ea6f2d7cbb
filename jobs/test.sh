#!/usr/bin/env bash
# Runs every test, as CI does (.ci/run calls this): installs, where missing, the Debian packages that the browser and
# notebook tests use (jobs/install-test-packages.sh: apt-get as root or through sudo; where it cannot, it says what to
# install and nothing runs), then builds and runs every test with `mvn -B verify`. Arguments pass through to Maven,
# e.g. jobs/test.sh -Dtest=SampleJobTest -DskipITs.
#
# The packages install first, not beside the unit tests: unpacking them takes most of a core for about a minute and a
# half, which slowed the tests beside it about as much as it saved, and numpy's libblas appearing in the middle of
# the run would change which BLAS the test JVMs load.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
jobs/install-test-packages.sh
exec mvn -B verify "$@"
