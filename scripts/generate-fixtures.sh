#!/usr/bin/env bash
# Regenerates test-fixtures/generated/ from test-fixtures/specs/*.yaml (deterministic: unchanged specs give
# unchanged bytes). Run after changing a spec, the form or the filler; CommittedFixturesTest fails until you do.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/jdk.sh
kw_find_jdk
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# The generator and the filler are test tooling (shared/src/test), so they run from the test class path.
mvn -B -q -pl shared -am -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
"$JAVA_HOME/bin/java" -cp "shared/target/test-classes:shared/target/classes:$(cat "$cp_file")" nl.kansrijkewijk.form.FixtureGenerator test-fixtures
