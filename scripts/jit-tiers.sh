#!/usr/bin/env bash
# At which JIT tier the demo's hottest comparator (Collections$ReverseComparator2.compare, in
# Recommendations' sort) is first compiled, with and without the agent (docs/performance.md, "What
# is left"). Tier 3 is C1 with full profiling; tier 2, which HotSpot's tiered policy picks while
# C2's queue is long, profiles no receiver types, and C2 then leaves the demo's comparator out of
# line in TimSort: the slow mode of the steady-state runs. A sharper signal than jobs/s, which
# swings by +-5% between identical runs.
#
#   scripts/jit-tiers.sh                       # none bare default no-match, 5 runs each
#   RUNS="none default" N=10 scripts/jit-tiers.sh
set -euo pipefail
cd "$(dirname "$0")/.."
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
agent=agent/target/leakhunter.jar
demo=demo-leaky-daemon/target/demo-leaky-daemon.jar
out=scripts/out/jit-tiers
[ -f "$agent" ] && [ -f "$demo" ] || mvn -B -q -DskipTests package
source scripts/demo-runs.sh

for name in ${RUNS:-none bare default no-match}; do
  tiers=()
  for i in $(seq 1 "${N:-5}"); do
    dir=$out/$name-$i; rm -rf "$dir"; mkdir -p "$dir"
    agent_args "$agent" "$name" "$dir/reports"
    "$java" -Xmx512m -XX:+UseG1GC -XX:+PrintCompilation "${AGENT_ARGS[@]}" -jar "$demo" --leak=none --rate=0 --jobs=30000 --heartbeat=0 \
      > "$dir/compilation.txt" 2> "$dir/stderr.txt"
    # "   686 2235       2       java.util.Collections$ReverseComparator2::compare (12 bytes)"
    first=$(grep -m1 'java.util.Collections$ReverseComparator2::compare ' "$dir/compilation.txt" | grep -v 'made not' \
      | awk '{for (i = 2; i <= NF; i++) if ($i ~ /^[0-4]$/) { print $1 "ms:tier" $i; exit }}' || true)
    tiers+=("${first:-none}")
  done
  t2=$(printf '%s\n' "${tiers[@]}" | grep -c 'tier2$' || true)
  printf '%-9s first compiled at tier 2 in %d of %d runs: %s\n' "$name" "$t2" "${#tiers[@]}" "${tiers[*]}"
done
