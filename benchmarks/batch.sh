#!/usr/bin/env bash
# Batch throughput of `complaint-rules analyze`: 100,000 complaints, compact and full output, builds measured in turn.
#
#   benchmarks/batch.sh [RUNS] BUILD_DIR...
#
# Each BUILD_DIR holds a built CLI (complaint-rules.dll: `dotnet build` output, or a ReadyToRun `dotnet publish`).
# The input is made once, in the working directory, as the earlier sections of benchmarks/README.md describe: the
# lines of samples/complaints.jsonl cycled with ids c0…c99999, every third with the next sample's text appended.
# Prints, per build and profile, the median wall and CPU (user + sys) time, complaints per second at the median
# wall time, and the highest peak RSS. The builds alternate run by run, so a machine shared with other work
# disturbs them alike.
set -euo pipefail

runs=5
if [[ ${1:-} =~ ^[0-9]+$ ]]; then runs=$1; shift; fi
[[ $# -ge 1 ]] || { echo "usage: $0 [RUNS] BUILD_DIR..." >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
input=${BATCH_INPUT:-100k.jsonl}

if [[ ! -s $input ]]; then
  python3 - "$root/samples/complaints.jsonl" "$input" <<'EOF'
import json, sys
samples = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(100_000):
        complaint = dict(samples[i % len(samples)], id=f"c{i}")
        if i % 3 == 2:
            complaint["text"] += " " + samples[(i + 1) % len(samples)]["text"]
        out.write(json.dumps(complaint, ensure_ascii=False) + "\n")
EOF
fi

lines=$(wc -l < "$input")
results=$(mktemp)
trap 'rm -f "$results"' EXIT
for ((i = 0; i < runs; i++)); do
  for profile in compact full; do
    for build in "$@"; do
      t=$( { /usr/bin/time -f "%e %U %S %M" dotnet "$build/complaint-rules.dll" analyze "$input" --output "$profile" > /dev/null; } 2>&1 | tail -1)
      echo "$profile $build $t" >> "$results"
    done
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each, $lines lines"
for profile in compact full; do
  for build in "$@"; do
    rows=$(grep -F "$profile $build " "$results")
    wall=$(awk '{ print $3 }' <<< "$rows" | median)
    cpu=$(awk '{ print $4 + $5 }' <<< "$rows" | median)
    peak=$(awk '{ print $6 }' <<< "$rows" | sort -n | tail -1)
    awk -v p="$profile" -v b="$build" -v w="$wall" -v c="$cpu" -v m="$peak" -v n="$lines" \
      'BEGIN { printf "%-8s %-40s wall %.2f s  cpu %.2f s  %6.0f complaints/s  peak %d MB\n", p, b, w, c, n / w, m / 1024 }'
  done
done
