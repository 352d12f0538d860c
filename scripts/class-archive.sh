#!/usr/bin/env bash
# Builds the class-data archive of the aanvraag function for the JDK found by scripts/jdk.sh: a training run
# of the deployment jar (through the real handler, every fixture in test-fixtures/, against an in-memory S3,
# with the Lambda runtime's flags) that writes
#   JDK 25+:   local/target/bench/kw-function-aanvraag.aot  (-XX:AOTCacheOutput; used with -XX:AOTCache)
#   JDK 21-24: local/target/bench/kw-function-aanvraag.jsa  (-XX:ArchiveClassesAtExit; used with -XX:SharedArchiveFile)
# `./kw bench` then also times cold starts with it (cold_ms_archive). An archive only fits the exact JDK build
# and jar it was made with: rebuild it after either changes (./kw bench ignores one older than the jar).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$ROOT/kw" bench --train-archive
