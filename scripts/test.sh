#!/usr/bin/env bash
# The test command of the README: builds everything and runs every test with a JDK >= 21.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/jdk.sh
kw_find_jdk
exec mvn -B -ntp verify "$@"
