#!/usr/bin/env bash
# The main job: run the demo daemon under leakhunter with one of its leaks switched on, for a
# bounded number of jobs, with the agent's default options, then print the text report.
#
#   scripts/demo.sh                      # --leak=processed-log
#   scripts/demo.sh template-cache       # or async-save, none, or several: processed-log,async-save
#   JOBS=6000 RATE=400 scripts/demo.sh   # longer run
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."

leak=${1:-processed-log}
jobs=${JOBS:-4000}
rate=${RATE:-300}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
agent=agent/target/leakhunter.jar
demo=demo-leaky-daemon/target/demo-leaky-daemon.jar
out=scripts/out/demo-${leak//,/+}

# Build what is missing or older than its sources (a fresh clone builds once, tests skipped).
stale() { [ ! -f "$1" ] || [ -n "$(find "$2" pom.xml -newer "$1" -type f -print -quit)" ]; }
if stale "$agent" agent/src/main || stale "$demo" demo-leaky-daemon/src/main; then
  echo "== building leakhunter.jar and the demo daemon (mvn -B -q -DskipTests package)"
  mvn -B -q -DskipTests package
fi

rm -rf "$out"
mkdir -p "$out"
echo "== demo daemon, --leak=$leak, $jobs jobs at $rate jobs/s, under leakhunter with default options"
start=$(date +%s%N)
"$java" -Xmx256m \
  "-javaagent:$agent=jobs=dev.leakhunter.demo.Worker#handle,out=$out" \
  -jar "$demo" --leak="$leak" --jobs="$jobs" --rate="$rate" --pid-file="$out/demo.pid" \
  2> >(tee "$out/stderr.log" | grep --line-buffered -E '^\[leakhunter\]' >&2)
end=$(date +%s%N)
echo
ms=$(( (end - start) / 1000000 ))
echo "== the report (demo wall time $((ms / 1000)).$(printf '%03d' $((ms % 1000))) s)"
cat "$out/leakhunter-report.txt"
echo
echo "reports: $out/leakhunter-report.json $out/leakhunter-report.txt $out/leakhunter-report.html"
