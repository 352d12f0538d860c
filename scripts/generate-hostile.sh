#!/usr/bin/env bash
# Regenerates the hostile corpus (README "Hostile corpus"): the small kinds committed in test-fixtures/hostile/,
# the large ones (MBs on disk, GBs inflated) in test-fixtures/hostile/generated/ (git-ignored; HostileCorpusTest
# also generates them when missing), and the seed corpora of ReaderFuzzTest. Deterministic generators: a rerun
# changes no committed file unless the form, the filler or a generator changed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/jdk.sh
kw_find_jdk
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -q -o -pl shared -am -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file"
cp="shared/target/test-classes:shared/target/classes:$(cat "$cp_file")"
"$JAVA_HOME/bin/java" -cp "$cp" nl.kansrijkewijk.hostile.HostileCorpus test-fixtures/hostile
"$JAVA_HOME/bin/java" -cp "$cp" nl.kansrijkewijk.hostile.HostileCorpus --fuzz-seeds \
  shared/src/test/resources/nl/kansrijkewijk/reader/ReaderFuzzTestInputs
