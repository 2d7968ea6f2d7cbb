#!/usr/bin/env bash
# Runs every test, as CI does (.ci/run calls this): installs, where missing, the Debian packages that the browser and
# notebook tests use (jobs/install-test-packages.sh: apt-get as root or through sudo), then builds and runs every
# test with `mvn -B verify`. Arguments pass through to Maven, e.g. jobs/test.sh -Dtest=SampleJobTest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
jobs/install-test-packages.sh
exec mvn -B verify "$@"
