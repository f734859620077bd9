#!/usr/bin/env bash
# What one of the agent's start-up steps costs the demo daemon by itself, measured with a throwaway
# agent that does only that step, once (scripts/probe-agent/ProbeAgent.java; docs/performance.md,
# "Where the loss came from"). Steady-state jobs/s from the first heartbeat past job $FROM, runs
# interleaved, ratios to the plain run left to the reader.
#
#   scripts/probe-agent.sh                                   # all modes, 4 rounds
#   MODES="mbean-server histogram-direct" ROUNDS=3 scripts/probe-agent.sh
set -euo pipefail
cd "$(dirname "$0")/.."
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
jar=${JAVA_HOME:+$JAVA_HOME/bin/}jar
demo=demo-leaky-daemon/target/demo-leaky-daemon.jar
jobs=${JOBS:-250000}
from=${FROM:-50000}
out=scripts/out/probe-agent
[ -f "$demo" ] || mvn -B -q -DskipTests package
rm -rf "$out/classes"; mkdir -p "$out/classes"
"$javac" -d "$out/classes" scripts/probe-agent/ProbeAgent.java
printf 'Premain-Class: ProbeAgent\n' > "$out/manifest.txt"
"$jar" cfm "$out/probe-agent.jar" "$out/manifest.txt" -C "$out/classes" .

source scripts/demo-runs.sh

run() { # mode round
  local args=(-Xmx512m -XX:+UseG1GC) dir=$out/$1-$2
  rm -rf "$dir"; mkdir -p "$dir"
  case $1 in
    none) ;;
    histogram-direct) args+=(--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED
                             "-javaagent:$out/probe-agent.jar=$1") ;;
    *) args+=("-javaagent:$out/probe-agent.jar=$1") ;;
  esac
  steady_rate "$from" "$jobs" "$dir" "$java" "${args[@]}"
  grep -q "^\[probe-agent\] failed" "$dir/stderr.txt" && { cat "$dir/stderr.txt" >&2; exit 1; }
  printf '%-21s round %d: %6d jobs/s\n' "$1" "$2" "$STEADY_RATE"
}

for r in $(seq 1 "${ROUNDS:-4}"); do
  for mode in ${MODES:-none nothing mbean-server histogram-via-server histogram-direct gc}; do
    run "$mode" "$r"
  done
done
