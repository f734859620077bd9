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

run() { # mode round
  local args=(-Xmx512m -XX:+UseG1GC) dir=$out/$1-$2
  rm -rf "$dir"; mkdir -p "$dir"
  case $1 in
    none) ;;
    histogram-direct) args+=(--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED
                             "-javaagent:$out/probe-agent.jar=$1") ;;
    *) args+=("-javaagent:$out/probe-agent.jar=$1") ;;
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
  grep -q "^\[probe-agent\] failed" "$dir/stderr.txt" && { cat "$dir/stderr.txt" >&2; exit 1; }
  printf '%-21s round %d: %6d jobs/s\n' "$1" "$2" $(( (jobs - ja) * 1000000000 / (tb - ta) ))
}

for r in $(seq 1 "${ROUNDS:-4}"); do
  for mode in ${MODES:-none nothing mbean-server histogram-via-server histogram-direct gc}; do
    run "$mode" "$r"
  done
done
