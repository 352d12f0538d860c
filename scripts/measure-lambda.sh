#!/usr/bin/env bash
# Sizing evidence for template.yaml (MemorySize, Timeout): runs `./kw measure` over test-fixtures/ with the
# Lambda's JVM flags, first without a heap cap, then with decreasing caps to find the smallest heap that still
# processes every fixture. Usage: scripts/measure-lambda.sh [HEAP_MB...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/kw" help >/dev/null   # builds when needed
source "$ROOT/scripts/jdk.sh"
kw_find_jdk
CP="$ROOT/local/target/classes:$ROOT/local/target/lib/*"
FLAGS=(-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.awt.headless=true -Duser.timezone=Europe/Amsterdam)
echo "== no heap cap"
"$JAVA_HOME/bin/java" "${FLAGS[@]}" -cp "$CP" nl.kansrijkewijk.local.Kw --root "$ROOT" measure
CAPS=("$@")
[ ${#CAPS[@]} -gt 0 ] || CAPS=(512 256 192 128 96 64)
for mb in "${CAPS[@]}"; do
  if "$JAVA_HOME/bin/java" "${FLAGS[@]}" "-Xmx${mb}m" -cp "$CP" nl.kansrijkewijk.local.Kw --root "$ROOT" measure >/tmp/kw-measure.$$ 2>&1; then
    echo "== -Xmx${mb}m: ok ($(tail -1 /tmp/kw-measure.$$))"
  else
    echo "== -Xmx${mb}m: FAILED"; tail -3 /tmp/kw-measure.$$
  fi
done
rm -f /tmp/kw-measure.$$
