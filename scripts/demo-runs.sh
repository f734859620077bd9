# Sourced by steady-throughput.sh, probe-agent.sh and jit-tiers.sh: how they run the demo daemon.

# The agent's configurations the scripts compare: "" is no agent, "-" the agent with no options.
declare -A AGENT_CONFIGS=(
  [none]=""
  [bare]="-"
  [default]="jobs=dev.leakhunter.demo.Worker#handle"
  [no-match]="jobs=no.such.Type#run"
  [woven]="jobs=dev.leakhunter.demo.Worker#handle,warmup=2000000000"
)

# agent_args AGENT_JAR CONFIG_NAME REPORT_DIR: sets AGENT_ARGS to the configuration's -javaagent
# argument (none for "none").
agent_args() {
  if [[ ! -v AGENT_CONFIGS[$2] ]]; then
    echo "unknown run '$2' (one of: ${!AGENT_CONFIGS[*]})" >&2
    exit 2
  fi
  AGENT_ARGS=()
  case ${AGENT_CONFIGS[$2]} in
    "") ;;
    -) AGENT_ARGS=("-javaagent:$1") ;;
    *) AGENT_ARGS=("-javaagent:$1=${AGENT_CONFIGS[$2]},out=$3") ;;
  esac
}

# steady_rate FROM JOBS DIR JAVA_ARGS...: runs the demo flat out for JOBS jobs (its stderr to
# DIR/stderr.txt) and sets STEADY_RATE to the jobs/s from the first heartbeat past job FROM to the
# stop, and STEADY_FROM to that heartbeat's job count.
steady_rate() {
  local from=$1 jobs=$2 dir=$3; shift 3
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
  done < <("$@" -jar demo-leaky-daemon/target/demo-leaky-daemon.jar --leak=none --rate=0 --jobs="$jobs" \
             --heartbeat=1 --pid-file="$dir/pid" 2> "$dir/stderr.txt")
  STEADY_RATE=$(( (jobs - ja) * 1000000000 / (tb - ta) ))
  STEADY_FROM=$ja
}
