#!/usr/bin/env bash
# What leakhunter costs, measured side by side in one run (issue 7; results in docs/performance.md):
#   1. demo daemon throughput without / with the agent (default options, every=1), and a 15 s run
#   2. one census vs a plain System.gc() at ~50 MB, ~500 MB, ~2 GB of live heap
#   3. the job advice per job in ns (JMH), no sample due
#   4. the agent's own retained memory after 10,000 and 1,000,000 jobs
#   5. time to detect each demo leak under the default options
#   6. whole processes, every catalogue fixture and the demo flat out, without / with the agent at
#      its defaults and the JVM's default heap: wall, CPU and peak RSS per pair, and the agent's ledger
#
#   scripts/bench.sh            # full: ~20 min on 2 cores (TP_RUNS=N: rounds of table 1, default 11)
#   scripts/bench.sh --quick    # fewer runs, shorter runs, 100,000 instead of 1,000,000 jobs: ~5 min
#   scripts/bench.sh --only=2,3 # some sections only (--only=6: the per-fixture table, ~15 min; 1 pair in --quick;
#                               # PAIRS=N pairs, FIXTURES="ByteChunks demo" some daemons only)
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 scripts/bench.sh --quick
#
# Builds what is missing (mvn -B -q -DskipTests package). Writes scripts/out/bench/results.md and
# the raw logs beside it. Medians of several runs; ratios of runs interleaved in one loop, so drift
# of a shared machine hits both sides alike.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
only=123456
for arg in "$@"; do
  case $arg in
    --quick) quick=true ;;
    --only=*) only=${arg#--only=}; only=${only//,/} ;;
    *) echo "usage: scripts/bench.sh [--quick] [--only=1,2,3,4,5,6]" >&2; exit 2 ;;
  esac
done
want() { [[ $only == *$1* ]]; }
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jcmd=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
agent=$PWD/agent/target/leakhunter.jar
demo=$PWD/demo-leaky-daemon/target/demo-leaky-daemon.jar
bench=$PWD/benchmarks/target/benchmarks.jar
out=$PWD/scripts/out/bench
boundary=dev.leakhunter.demo.Worker#handle

if $quick; then
  runs=3; tp_runs=3; tp_jobs=60000; census_runs=3; mem_points="10000 100000"; jmh="-wi 2 -i 3 -w 1 -r 1"; detect_limit=60; pairs=1
else
  # Table 1's whole runs swing by +-3% between medians of 5: 11 rounds, interleaved.
  runs=5; tp_runs=11; tp_jobs=100000; census_runs=5; mem_points="10000 1000000"; jmh="-wi 3 -i 5 -w 1 -r 1"; detect_limit=120; pairs=3
fi
tp_runs=${TP_RUNS:-$tp_runs}

pairs=${PAIRS:-$pairs}
catalogue=$PWD/agent/target/test-classes
all_fixtures="StaticMapCache ListenerBus ThreadLocalList ClassPerJob ThreadPerJob StuckExecutor SlowLeak GrowingBuffer ByteChunks ConcurrentKinds ShutdownHookPerJob BoundedLru LazySingletonAndSpike SoftCache ConcurrentNoLeak demo"
fixtures=${FIXTURES:-$all_fixtures}
if ! [[ $pairs =~ ^[1-9][0-9]*$ ]]; then
  echo "PAIRS=$pairs: expected a whole number of pairs >= 1" >&2; exit 2
fi
for f in $fixtures; do
  [[ " $all_fixtures " == *" $f "* ]] || { echo "FIXTURES: no daemon '$f'; known: $all_fixtures" >&2; exit 2; }
done

stale() { [ ! -f "$1" ] || [ -n "$(find "$2" pom.xml -newer "$1" -type f -print -quit)" ]; }
if stale "$agent" agent/src/main || stale "$demo" demo-leaky-daemon/src/main || stale "$bench" benchmarks/src \
    || stale "$catalogue/dev/leakhunter/catalogue/Catalogue.class" agent/src/test/java/dev/leakhunter/catalogue; then
  echo "== building (mvn -B -q -DskipTests package: the jars and the catalogue's test classes)"
  mvn -B -q -DskipTests package
fi
# Section 6 times whole processes with GNU time (its peak RSS, %M).
if want 6 && [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -q >/dev/null && apt-get install -y -q time >/dev/null
  else
    echo "section 6 needs GNU time (/usr/bin/time): apt-get install time" >&2; exit 1
  fi
fi
rm -rf "$out"
mkdir -p "$out"
# A daemon started in the background is stopped if this script stops early.
# `|| true`, not `; true`: under set -e a failed kill (the daemon already gone) would end the trap,
# and the script, with status 1 after a complete run.
trap 'p=$(cat "$out/running.pid" 2>/dev/null) && kill -TERM -- "$p" 2>/dev/null || true' EXIT
results=$out/results.md

# The middle value; the mean of the two middle ones for an even count.
median() { awk 'NF' | sort -g | awk '{a[NR]=$1} END {if (NR) print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
now_ns() { date +%s%N; }
say() { echo "$@" | tee -a "$results"; }

machine="$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB, $("$java" -version 2>&1 | head -1), $(uname -sr), load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
{
  echo "# leakhunter benchmark ($($quick && echo quick || echo full))"
  echo
  echo "Machine: $machine. Command: \`scripts/bench.sh $*\`. $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo '?')."
  echo
} > "$results"
cat "$results"

# One demo run; prints jobs/s measured from its "started" to its "stopped" line (JVM and agent
# start-up excluded), and keeps its output in $out/$name.*.
demo_rate() {
  local name=$1 agent_opts=$2; shift 2
  local dir=$out/$name; mkdir -p "$dir"
  local args=(-Xmx512m -XX:+UseG1GC)
  [ -n "$agent_opts" ] && args+=("-javaagent:$agent=jobs=$boundary,out=$dir,$agent_opts")
  local t0=0 t1=0 jobs=0 line
  while IFS= read -r line; do
    case $line in
      started:*) t0=$(now_ns) ;;
      "stopped after "*) t1=$(now_ns); jobs=${line#stopped after }; jobs=${jobs%% *} ;;
    esac
  done < <(cd "$dir" && "$java" "${args[@]}" -jar "$demo" "$@" --heartbeat=0 --pid-file="$dir/pid" 2>"$dir/stderr.txt")
  awk -v j="$jobs" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f\n", (b > a ? j / ((b - a) / 1e9) : 0) }'
}

# ---------------------------------------------------------------------------------------------
if want 1; then
  say "## 1. Throughput of the demo daemon (jobs/s, --leak=none --rate=0 --jobs=$tp_jobs, median of $tp_runs; the 15 s run: median of $runs)"
  say
  declare -A tp
  for i in $(seq "$tp_runs"); do
    for mode in none default every1; do
      case $mode in
        none) opts="" ;; default) opts="quiet=true" ;; every1) opts="quiet=true,every=1" ;;
      esac
      r=$(demo_rate "tp-$mode-$i" "$opts" --leak=none --rate=0 --jobs="$tp_jobs")
      tp[$mode]+="$r "
      echo "   run $i $mode: $r jobs/s"
    done
  done
  # The 15 s run: ~4,000 short jobs/s (the rate the demo is asked for; 60,000 jobs), default options.
  declare -A sr
  for i in $(seq "$runs"); do
    for mode in none default; do
      opts=""; [ $mode = default ] && opts="quiet=true"
      r=$(demo_rate "short-$mode-$i" "$opts" --leak=processed-log --rate=4000 --jobs=60000)
      sr[$mode]+="$r "
      echo "   15 s run $i $mode: $r jobs/s"
    done
  done
  verdicts=$(for i in $(seq "$runs"); do grep -o '"verdict": "[a-z-]*"' "$out/short-default-$i/leakhunter-report.json" | cut -d'"' -f4; done | sort | uniq -c | tr -s ' ' | tr '\n' ',')
  m_none=$(echo "${tp[none]}" | tr ' ' '\n' | median)
  m_def=$(echo "${tp[default]}" | tr ' ' '\n' | median)
  m_e1=$(echo "${tp[every1]}" | tr ' ' '\n' | median)
  s_none=$(echo "${sr[none]}" | tr ' ' '\n' | median)
  s_def=$(echo "${sr[default]}" | tr ' ' '\n' | median)
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }
  # Each round's runs ran back to back: the median of the per-round ratios is the steadier figure.
  paired() { paste <(echo "$1" | tr ' ' '\n') <(echo "$2" | tr ' ' '\n') | awk 'NF == 2 && $2 > 0 { printf "%.4f\n", $1 / $2 }' | median; }
  {
    echo "| run | without agent | with agent | ratio | target |"
    echo "|---|---|---|---|---|"
    echo "| --rate=0, default options | $m_none | $m_def | $(ratio "$m_def" "$m_none") | >= 0.98 |"
    echo "| --rate=0, every=1 | $m_none | $m_e1 | $(ratio "$m_e1" "$m_none") | (reported) |"
    echo "| 15 s run: --rate=4000 --jobs=60000 --leak=processed-log, default options | $s_none | $s_def | $(ratio "$s_def" "$s_none") | a few % (verdicts:${verdicts%,}) |"
    echo
    echo "Median of the per-round ratios (each round's runs back to back): default $(paired "${tp[default]}" "${tp[none]}"), every=1 $(paired "${tp[every1]}" "${tp[none]}"), 15 s $(paired "${sr[default]}" "${sr[none]}")."
    echo
    echo "All runs (jobs/s): none: ${tp[none]}; default: ${tp[default]}; every=1: ${tp[every1]}; 15 s none: ${sr[none]}; 15 s default: ${sr[default]}"
    echo
  } | tee -a "$results"

fi

# ---------------------------------------------------------------------------------------------
if want 2; then
  say "## 2. One census vs a plain System.gc() on the same live heap (G1, median of $census_runs)"
  say
  {
    echo "| live heap | objects | System.gc() | census pause | + parse | + model | census total | total / gc | target |"
    echo "|---|---|---|---|---|---|---|---|---|"
  } | tee -a "$results"
  for mb in 50 500 2000; do
    xmx=$(( mb * 3 + 512 ))
    line=$("$java" -Xmx${xmx}m -Xms${xmx}m -XX:+UseG1GC -cp "$bench" dev.leakhunter.bench.CensusCost "$mb" "$census_runs" | tee "$out/census-$mb.txt")
    echo "$line" | awk -v target="<= 2x" '{
      for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      printf "| %s MB | %s M | %s ms | %s ms | %s ms | %s ms | %s ms | %sx | %s |\n", v["heap_after_gc_mb"], v["objects_m"], v["gc_ms"],
        v["census_pause_ms"], v["parse_ms"], v["model_ms"], v["census_total_ms"], v["ratio"], target }' | tee -a "$results"
  done
  say

fi

# ---------------------------------------------------------------------------------------------
if want 3; then
  say "## 3. The job advice per job (JMH, ns/op, avgt; \`$jmh\`)"
  say
  "$java" -jar "$bench" 'JobAdviceBench' $jmh -rf text -rff "$out/jmh-tracker.txt" > "$out/jmh-tracker.log" 2>&1
  "$java" -jar "$bench" 'WovenJobBench' $jmh -rf text -rff "$out/jmh-plain.txt" > "$out/jmh-plain.log" 2>&1
  "$java" -jar "$bench" 'WovenJobBench' $jmh -rf text -rff "$out/jmh-woven.txt" \
    -jvmArgsAppend "-javaagent:$agent=jobs=dev.leakhunter.bench.WovenJobBench\$Job#run,warmup=2000000000,quiet=true,out=$out/jmh-agent" \
    > "$out/jmh-woven.log" 2>&1
  score() { awk -v b="$2" '$1 ~ b"$" { print $(NF-3) " ± " $(NF-1) }' "$1"; }
  {
    echo "| benchmark | ns/op |"
    echo "|---|---|"
    for b in bare tracked bareTwoThreads trackedTwoThreads; do echo "| JobAdviceBench.$b | $(score "$out/jmh-tracker.txt" "\\.$b") |"; done
    echo "| WovenJobBench.job, no agent | $(score "$out/jmh-plain.txt" '\.job') |"
    echo "| WovenJobBench.job, woven by the agent, sampler waiting for a job count (warm-up, every=N) | $(score "$out/jmh-woven.txt" '\.job') |"
    echo
    echo "Target: tracked - bare <= 10 ns with no sample due (every=auto between censuses). The woven run keeps the"
    echo "agent waiting for job 2,000,000,000 (warmup=2000000000), so each exit also counts down a shared AtomicLong."
    echo
  } | tee -a "$results"

fi

# ---------------------------------------------------------------------------------------------
if want 4; then
  say "## 4. The agent's own retained memory (--leak=none --rate=0, live heap after a full GC via jcmd GC.class_histogram)"
  say
  # At each point: the live heap of the same daemon with and without the agent, and the agent's own
  # types (dev.leakhunter.{agent,jobs,census,growth,report,...,shaded}) in it. The difference of the
  # totals also counts the JDK objects the agent holds (its long[] series, Strings, maps); the demo's
  # own state (queue, caches) is the noise, seen in the spread over runs.
  heap_at() {
    local name=$1 agent_opts=$2 point=$3
    local dir=$out/$name; mkdir -p "$dir"
    local args=(-Xmx1g -XX:+UseG1GC)
    [ -n "$agent_opts" ] && args+=("-javaagent:$agent=jobs=$boundary,out=$dir,$agent_opts")
    (cd "$dir" && exec "$java" "${args[@]}" -jar "$demo" --leak=none --rate=0 --heartbeat=1 --pid-file="$dir/pid" \
      > "$dir/stdout.txt" 2> "$dir/stderr.txt") &
    local pid=$! jobs=0 waited=0
    echo "$pid" > "$out/running.pid"
    while [ "$jobs" -lt "$point" ] && [ $waited -lt 3000 ]; do
      sleep 0.2; waited=$((waited + 1))
      jobs=$( (grep -o 'heartbeat: jobs=[0-9]*' "$dir/stdout.txt" 2>/dev/null || true) | tail -1 | cut -d= -f2); jobs=${jobs:-0}
    done
    local jpid; jpid=$(cat "$dir/pid" 2>/dev/null || echo "$pid")
    # Twice, keeping the smaller: HotSpot skips the forced GC while the GC locker is held (it logs
    # "pre-dump GC was skipped"), and that histogram counts garbage too.
    "$jcmd" "$jpid" GC.class_histogram > "$dir/histogram.txt" 2>&1 || true
    "$jcmd" "$jpid" GC.class_histogram > "$dir/histogram2.txt" 2>&1 || true
    if [ "$(awk '/^Total/ {print $3}' "$dir/histogram2.txt")" -lt "$(awk '/^Total/ {print $3}' "$dir/histogram.txt")" ] 2>/dev/null; then
      mv "$dir/histogram2.txt" "$dir/histogram.txt"
    fi
    kill -TERM "$jpid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    awk -v jobs="$jobs" '
      /^Total/ { total = $3 }
      $4 ~ /^dev\.leakhunter\.(agent|jobs|census|growth|retention|allocation|report|cli|junit|shaded)\./ { own += $3 }
      $4 ~ /^\[Ldev\.leakhunter\.(agent|jobs|census|growth|report|shaded)\./ { own += $3 }
      END { printf "%d %d %d\n", jobs, total, own }' "$dir/histogram.txt"
  }
  {
    echo "| jobs (about) | live heap without agent | live heap with agent | difference | agent's own types | target |"
    echo "|---|---|---|---|---|---|"
  } | tee -a "$results"
  mem_runs=$($quick && echo 1 || echo 2)
  for point in $mem_points; do
    diffs=""; withs=""; withouts=""; owns=""; at=""
    for i in $(seq "$mem_runs"); do
      read -r j0 t0 _ < <(heap_at "mem-none-$point-$i" "" "$point")
      read -r j1 t1 own < <(heap_at "mem-agent-$point-$i" "quiet=true" "$point")
      withouts+="$t0 "; withs+="$t1 "; diffs+="$((t1 - t0)) "; owns+="$own "; at+="$j0/$j1 "
    done
    mb() { awk -v b="$1" 'BEGIN { printf "%.2f MB", b / 1e6 }'; }
    echo "| $point ($at) | $(mb "$(echo "$withouts" | tr ' ' '\n' | median)") | $(mb "$(echo "$withs" | tr ' ' '\n' | median)") | $(mb "$(echo "$diffs" | tr ' ' '\n' | median)") (runs: $diffs) | $(mb "$(echo "$owns" | tr ' ' '\n' | median)") | same, < 20 MB |" | tee -a "$results"
  done
  say

fi

# ---------------------------------------------------------------------------------------------
if want 5; then
  say "## 5. Time to detect, default options (--rate=0, one worker; the first sample whose verdict is leak and names the planted type)"
  say
  {
    echo "| leak | planted type | detected after jobs | after seconds (from daemon start) | censuses by then |"
    echo "|---|---|---|---|---|"
  } | tee -a "$results"
  for spec in processed-log:dev.leakhunter.demo.orders.Order template-cache:dev.leakhunter.demo.mail.TemplateClassLoader async-save:dev.leakhunter.demo.avatar.Member; do
    leak=${spec%%:*}; type=${spec#*:}
    dir=$out/detect-$leak; mkdir -p "$dir"
    (cd "$dir" && exec "$java" -Xmx1g -XX:+UseG1GC "-javaagent:$agent=jobs=$boundary,out=$dir" -jar "$demo" \
      --leak="$leak" --rate=0 --heartbeat=0 --pid-file="$dir/pid" > "$dir/stdout.txt" 2> "$dir/stderr.txt") &
    pid=$!
    echo "$pid" > "$out/running.pid"
    t0=$(now_ns); found=""; n=0
    while [ -z "$found" ] && [ $(( ($(now_ns) - t0) / 1000000000 )) -lt $detect_limit ]; do
      sleep 0.1
      # The report is rewritten as soon as the suspects change (the log line shows the top three only).
      if grep -q '"verdict": "leak"' "$dir/leakhunter-report.json" 2>/dev/null \
          && grep -q "\"type\": \"$type\"" "$dir/leakhunter-report.json" 2>/dev/null; then
        found=$(grep '\[leakhunter\] jobs=' "$dir/stderr.txt" | tail -1)
      fi
    done
    t1=$(now_ns)
    kill -TERM "$(cat "$dir/pid" 2>/dev/null || echo $pid)" 2>/dev/null || true
    wait $pid 2>/dev/null || true
    if [ -n "$found" ]; then
      jobs=$(echo "$found" | grep -o 'jobs=[0-9]*' | head -1 | cut -d= -f2)
      n=$(awk -v f="[leakhunter] jobs=$jobs " 'index($0, "[leakhunter] jobs=") == 1 { c++ } index($0, f) == 1 { print c; exit }' "$dir/stderr.txt")
      echo "| $leak | $type | $jobs | $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }') | $n |" | tee -a "$results"
    else
      echo "| $leak | $type | not within ${detect_limit} s | - | $(grep -c '\[leakhunter\] jobs=' "$dir/stderr.txt" || true) |" | tee -a "$results"
    fi
  done
  say
fi

# ---------------------------------------------------------------------------------------------
if want 6; then
  say "## 6. Whole processes flat out, without / with the agent at its defaults (no -Xmx: the JVM's default heap; median of $pairs pairs, each pair back to back)"
  say
  say "Each catalogue fixture: \`--jobs=60000 --rate=0\`, one worker and 4 (ThreadPerJob: 5,000 jobs, a thread each; ConcurrentNoLeak: 15,000, its jobs wait 2 ms each). The demo: \`--leak=none --jobs=60000 --rate=0\`. Ratios are with / without, per pair. The ledger is the agent's own line: its share of the wall time, and of the process's CPU time (census pauses on the GC's threads, sampler, explaining; start-up left out)."
  say
  {
    echo "| daemon | workers | wall without (s) | wall | CPU | peak RSS without (MB) | peak RSS with (MB) | peak RSS | ledger (wall) | ledger (CPU) | censuses | verdict |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  } | tee -a "$results"
  # One whole process: prints "wall cpu rss_kb" (GNU time), keeps its output in $dir.
  whole() {
    local dir=$1; shift
    mkdir -p "$dir"
    (cd "$dir" && /usr/bin/time -o "$dir/time.txt" -f "%e %U %S %M" "$@" > "$dir/stdout.txt" 2> "$dir/stderr.txt") || true
    awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$dir/time.txt"
  }
  pmedian() { tr ' ' '\n' | median; }
  for f in $fixtures; do
    for w in 1 4; do
      [ $f = demo ] && [ $w = 4 ] && continue
      jobs=60000; [ $f = ThreadPerJob ] && jobs=5000; [ $f = ConcurrentNoLeak ] && jobs=15000
      walls=""; cpus=""; rsss=""; wall0s=""; rss0s=""; rss1s=""; ledgers=""; cpuledgers=""; censuses=""; verdicts=""
      for i in $(seq "$pairs"); do
        for side in without with; do
          dir=$out/fixtures/$f-w$w-$side-$i
          agent_arg=()
          if [ $f = demo ]; then
            [ $side = with ] && agent_arg=("-javaagent:$agent=jobs=$boundary,out=$dir")
            r=$(whole "$dir" "$java" "${agent_arg[@]}" -jar "$demo" --leak=none --jobs=$jobs --rate=0 --heartbeat=0)
          else
            [ $side = with ] && agent_arg=("-javaagent:$agent=jobs=dev.leakhunter.catalogue.Fixture#job,out=$dir")
            r=$(whole "$dir" "$java" "${agent_arg[@]}" -cp "$catalogue" dev.leakhunter.catalogue.Catalogue "$f" --jobs=$jobs --rate=0 --workers=$w)
          fi
          eval "r_$side=(\$r)"
        done
        walls+="$(awk -v a="${r_with[0]}" -v b="${r_without[0]}" 'BEGIN { printf "%.3f", a / b }') "
        cpus+="$(awk -v a="${r_with[1]}" -v b="${r_without[1]}" 'BEGIN { printf "%.3f", a / b }') "
        rsss+="$(awk -v a="${r_with[2]}" -v b="${r_without[2]}" 'BEGIN { printf "%.3f", a / b }') "
        wall0s+="${r_without[0]} "; rss0s+="$(( r_without[2] / 1024 )) "; rss1s+="$(( r_with[2] / 1024 )) "
        d=$out/fixtures/$f-w$w-with-$i
        ledgers+="$( (grep -o 'hunt cost [0-9.]*%' "$d/stderr.txt" || true) | grep -o '[0-9.]*' | head -1) "
        cpuledgers+="$( (grep -o 'CPU: [0-9.]*% of the process' "$d/stderr.txt" || true) | grep -o '[0-9.]*' | head -1) "
        censuses+="$(grep -c '^\[leakhunter\] jobs=' "$d/stderr.txt" || true) "
        verdicts+="$(grep -o '"verdict": "[a-z-]*"' "$d/leakhunter-report.json" 2>/dev/null | cut -d'"' -f4 || echo none) "
      done
      echo "| $f | $w | $(echo $wall0s | pmedian) | $(echo $walls | pmedian) | $(echo $cpus | pmedian) | $(echo $rss0s | pmedian) | $(echo $rss1s | pmedian) | $(echo $rsss | pmedian) | $(echo $ledgers | pmedian)% | $(echo $cpuledgers | pmedian)% | $(echo $censuses | pmedian) | $(echo $verdicts | tr ' ' '\n' | sort | uniq -c | awk '{printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2}') |" | tee -a "$results"
    done
  done
  say
fi

say "Raw logs: $out"
