#!/usr/bin/env bash
# Steady-state throughput of the demo daemon with and without the agent (docs/performance.md,
# "Where the loss without any census comes from"): jobs/s from the first heartbeat past job
# $FROM to the stop, runs interleaved.
#
#   scripts/steady-throughput.sh                        # none, default, no-match, woven; 3 rounds
#   RUNS="none bare" scripts/steady-throughput.sh       # some of them (bare: the agent with no options)
#   ROUNDS=2 JOBS=250000 scripts/steady-throughput.sh
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 scripts/steady-throughput.sh
set -euo pipefail
cd "$(dirname "$0")/.."
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
agent=agent/target/leakhunter.jar
demo=demo-leaky-daemon/target/demo-leaky-daemon.jar # run by demo-runs.sh
jobs=${JOBS:-250000}
from=${FROM:-50000}
rounds=${ROUNDS:-3}
out=scripts/out/steady
[ -f "$agent" ] && [ -f "$demo" ] || mvn -B -q -DskipTests package

source scripts/demo-runs.sh

run() { # name round
  local dir=$out/$1-$2
  rm -rf "$dir"; mkdir -p "$dir"
  agent_args "$agent" "$1" "$dir/reports"
  steady_rate "$from" "$jobs" "$dir" "$java" -Xmx512m -XX:+UseG1GC "${AGENT_ARGS[@]}"
  printf '%-9s round %d: %6d jobs/s (jobs %d to %d)  censuses: %d\n' "$1" "$2" "$STEADY_RATE" "$STEADY_FROM" \
    "$jobs" "$(grep -c '^\[leakhunter\] jobs=' "$dir/stderr.txt" || true)"
}

for r in $(seq 1 "$rounds"); do
  for name in ${RUNS:-none default no-match woven}; do
    run "$name" "$r"
  done
done
