#!/usr/bin/env bash
# One line per labelled set: the figures the closing notes and eval/sealed/README.md give for a set, from
# `complaint-rules score` on the default rule set (or on the rules given with --rules, layered as `analyze` layers them).
#
#   eval/score-sets.sh [--rules FILE]... [SET.jsonl...]      # default: every set of eval/sealed
#
# Columns: rows, primary cause accuracy and kappa, causes macro-F1, venting F1, conflict type accuracy and kappa,
# complaint-or-not precision, recall and F1. A set without a label for a column shows "-" there. Needs python3.
set -euo pipefail
cd "$(dirname "$0")/.."

rules=()
sets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rules) rules+=(--rules "$2"); shift 2 ;;
    *) sets+=("$1"); shift ;;
  esac
done
[[ ${#sets[@]} -gt 0 ]] || sets=(eval/sealed/*.jsonl)

dotnet build src/ComplaintRules.Cli -c Release -v quiet -nologo > /dev/null
cli=src/ComplaintRules.Cli/bin/Release/net10.0/complaint-rules

printf '%-22s %5s %6s %6s %6s %6s %6s %6s %6s %6s %6s\n' set rows prim kappa causes vent confl kappa cP cR cF1
for set in "${sets[@]}"; do
  "$cli" score "$set" "${rules[@]}" --format json | python3 -c '
import json, sys
name, d = sys.argv[1], json.load(sys.stdin)
m = d["metrics"]
def get(*path):
    x = m
    for p in path:
        if not isinstance(x, dict) or p not in x or x[p] is None:
            return "-"
        x = x[p]
    return "%.3f" % x if isinstance(x, (int, float)) else "-"
print("%-22s %5d %6s %6s %6s %6s %6s %6s %6s %6s %6s" % (name, d["rows"],
    get("primaryCause", "accuracy"), get("primaryCause", "kappa"), get("causes", "macroF1"),
    get("causes", "perCause", "venting", "f1"), get("conflictType", "accuracy"), get("conflictType", "kappa"),
    get("isComplaint", "precision"), get("isComplaint", "recall"), get("isComplaint", "f1")))
' "$(basename "$set" .jsonl)"
done
