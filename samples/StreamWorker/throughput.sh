#!/usr/bin/env bash
# Throughput of the stream worker with 1, 2 and 3 workers on one machine: a private redis-server on a free port
# (nothing persisted), N complaints (samples/complaints.jsonl repeated with new ids), the time until every one is in
# the output stream. A measurement, never a pass/fail test. Usage: samples/StreamWorker/throughput.sh [N] [MAX_WORKERS]
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-20000}
max_workers=${2:-3}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
dir=$(mktemp -d)
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" --daemonize no > "$dir/redis.log" 2>&1 &
redis_pid=$!
workers=()
cleanup() {
  for pid in "${workers[@]}"; do kill "$pid" 2>/dev/null || true; done
  kill "$redis_pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.1; done

dotnet build samples/StreamWorker -c Release -v quiet -o "$dir/bin" > /dev/null

echo "$count complaints, $(nproc) cores, redis $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p')"
for n in $(seq 1 "$max_workers"); do
  redis-cli -p "$port" flushall > /dev/null
  dotnet "$dir/bin/StreamWorker.dll" produce samples/complaints.jsonl --count "$count" --redis "127.0.0.1:$port" 2> /dev/null
  start=$(date +%s.%N)
  workers=()
  for i in $(seq 1 "$n"); do
    dotnet "$dir/bin/StreamWorker.dll" run --consumer "w$i" --redis "127.0.0.1:$port" 2> /dev/null &  # $! is the worker itself
    workers+=($!)
  done
  deadline=$((SECONDS + 600))
  until [ "$(redis-cli -p "$port" xlen assessments)" -ge "$count" ]; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "error: $n worker(s) did not finish within 600 s" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s.%N)
  for pid in "${workers[@]}"; do kill "$pid"; wait "$pid" 2>/dev/null || true; done
  workers=()
  awk -v n="$n" -v c="$count" -v s="$start" -v e="$end" 'BEGIN { printf "%d worker(s): %6.2f s, %8.0f complaints/s (start-up included)\n", n, e - s, c / (e - s) }'
done
