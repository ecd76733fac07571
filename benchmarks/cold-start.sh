#!/usr/bin/env bash
# Cold start, as a user meets it: process wall time (and CPU time) of
#   1. complaint-rules --help                          (the runtime's own start, a floor)
#   2. complaint-rules analyze ONE.jsonl               (one complaint through the CLI, default rule set)
#   3. new ComplaintAnalyzer() + the first Analyze     (in a fresh process: the benchmarks' --cold-start mode)
# each run RUNS times (default 11), medians printed. With --r2r, the CLI is also published ReadyToRun
# (dotnet publish -r <this machine's RID> -p:PublishReadyToRun=true) and measured the same way, and so is 3. with the
# library compiled ReadyToRun, as the ComplaintRules package installs it on linux-x64.
# Usage: benchmarks/cold-start.sh [RUNS] [--r2r]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=11
r2r=false
for arg in "$@"; do
  case "$arg" in
    --r2r) r2r=true ;;
    *) runs=$arg ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/ComplaintRules.Cli -c Release -v quiet -nologo > /dev/null
dotnet build benchmarks/ComplaintRules.Benchmarks -c Release -v quiet -nologo > /dev/null
cli=src/ComplaintRules.Cli/bin/Release/net10.0/complaint-rules
bench=benchmarks/ComplaintRules.Benchmarks/bin/Release/net10.0/ComplaintRules.Benchmarks.dll
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -n 1 samples/complaints.jsonl > "$work/one.jsonl"

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Prints "wall user+sys" in seconds for one run of the command.
timed() {
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$@" > /dev/null 2> /dev/null; } 2>&1 )
  awk '{ printf "%s %.3f\n", $1, $2 + $3 }' <<< "$t"
}

measure() {
  local label=$1; shift
  local results
  results=$(for _ in $(seq "$runs"); do timed "$@"; done)
  printf '%-44s wall %s s   cpu %s s   (median of %s)\n' "$label" \
    "$(cut -d' ' -f1 <<< "$results" | median)" "$(cut -d' ' -f2 <<< "$results" | median)" "$runs"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), .NET $(dotnet --version)"
measure "complaint-rules --help" "$cli" --help
measure "complaint-rules analyze (one complaint)" "$cli" analyze "$work/one.jsonl"
measure "new ComplaintAnalyzer() + first Analyze" dotnet "$bench" --cold-start
inside=$(for _ in $(seq "$runs"); do dotnet "$bench" --cold-start | awk '{ print $6 }'; done | median)
printf '%-44s %s ms inside the process (median of %s)\n' "  of which ctor + first Analyze" "$inside" "$runs"

if [ "$r2r" = true ]; then
  rid=$(dotnet --info | awk '/RID:/ { print $2; exit }')
  dotnet publish src/ComplaintRules.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$work/r2r" -v quiet -nologo > /dev/null
  measure "complaint-rules analyze, ReadyToRun ($rid)" "$work/r2r/complaint-rules" analyze "$work/one.jsonl"
  # The library as its package installs it on this platform (runtimes/<rid>/lib: the same ReadyToRun compilation).
  cp -r "$(dirname "$bench")" "$work/bench-r2r"
  cp "$work/r2r/ComplaintRules.dll" "$work/bench-r2r/"
  measure "new ComplaintAnalyzer() + first Analyze, R2R" dotnet "$work/bench-r2r/$(basename "$bench")" --cold-start
  inside=$(for _ in $(seq "$runs"); do dotnet "$work/bench-r2r/$(basename "$bench")" --cold-start | awk '{ print $6 }'; done | median)
  printf '%-44s %s ms inside the process (median of %s)\n' "  of which ctor + first Analyze" "$inside" "$runs"
fi
