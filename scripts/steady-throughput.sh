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
demo=demo-leaky-daemon/target/demo-leaky-daemon.jar
jobs=${JOBS:-250000}
from=${FROM:-50000}
rounds=${ROUNDS:-3}
out=scripts/out/steady
[ -f "$agent" ] && [ -f "$demo" ] || mvn -B -q -DskipTests package

declare -A configs=(
  [none]=""
  [bare]="-"
  [default]="jobs=dev.leakhunter.demo.Worker#handle"
  [no-match]="jobs=no.such.Type#run"
  [woven]="jobs=dev.leakhunter.demo.Worker#handle,warmup=2000000000"
)

run() { # name round
  local name=$1 dir=$out/$1-$2
  rm -rf "$dir"; mkdir -p "$dir"
  local args=(-Xmx512m -XX:+UseG1GC)
  case ${configs[$name]} in
    "") ;;
    -) args+=("-javaagent:$agent") ;;
    *) args+=("-javaagent:$agent=${configs[$name]},out=$dir/reports") ;;
  esac
  local ta=0 ja=0 tb=0 line j
  while IFS= read -r line; do
    case $line in
      heartbeat:*)
        if [ "$ta" = 0 ]; then
          j=${line#*jobs=}; j=${j%% *}
          if [ "$j" -ge "$from" ]; then ta=$(date +%s%N); ja=$j; fi
        fi ;;
      "stopped after "*) tb=$(date +%s%N) ;;
    esac
  done < <("$java" "${args[@]}" -jar "$demo" --leak=none --rate=0 --jobs="$jobs" --heartbeat=1 \
             --pid-file="$dir/pid" 2> "$dir/stderr.txt")
  printf '%-9s round %d: %6d jobs/s (jobs %d to %d)  censuses: %d\n' "$name" "$2" \
    $(( (jobs - ja) * 1000000000 / (tb - ta) )) "$ja" "$jobs" "$(grep -c '^\[leakhunter\] jobs=' "$dir/stderr.txt" || true)"
}

for r in $(seq 1 "$rounds"); do
  for name in ${RUNS:-none default no-match woven}; do
    run "$name" "$r"
  done
done
