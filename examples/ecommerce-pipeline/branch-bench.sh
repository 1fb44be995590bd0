#!/usr/bin/env bash
# Walkthrough of `dq bench run` (docs/bench.md) on this example's own pipeline: main against a feature
# variant, each run into the same fixed partition, snapshotted, compared with the keys of the contracts
# under tests/, and timed. (bench.sh, beside this file, is the dotnet test benchmark of docs/benchmarks.md.)
#
# `dq bench` runs branches of a git repository. This folder lives inside the DataQuality repository, so the
# walkthrough makes a small pipeline repository in a temporary folder: pipeline.sh calls this example's
# pipeline (src/Ecommerce.Pipeline) on main, and with --feature (refunds and out-of-range amounts, the
# variant run.sh tests) on the branch feature/refunds. Nothing outside the temporary folder is written.
#
# Needs: git, the example pipeline built (run.sh builds it; otherwise this script does), and dq
# (DQ=/path/to/dq, else the repository's Debug build, built if missing). Exit 0 when every step checks out;
# lines "branch-bench: ok|FAIL ...".
set -euo pipefail
cd "$(dirname "$0")"
example=$PWD
repo=$(cd ../.. && pwd)
dq=${DQ:-$repo/src/DataQuality.Cli/bin/Debug/net10.0/dq}
[ -x "$dq" ] || dotnet build "$repo/src/DataQuality.Cli" -nologo -v:q >/dev/null
pipeline=$example/src/Ecommerce.Pipeline/bin/Release/net10.0/Ecommerce.Pipeline
[ -x "$pipeline" ] || dotnet build src/Ecommerce.Pipeline -c Release -nologo -v:q >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
check() { # check <name> <command...>
  local name=$1; shift
  if "$@"; then echo "branch-bench: ok   $name"; else echo "branch-bench: FAIL $name"; status=1; fi
}

# 1. The pipeline repository: main runs the pipeline, feature/refunds runs its feature variant.
#    .worktrees/ (where dq bench checks out each branch) must be git-ignored.
git init -q -b main "$work/repo"
cd "$work/repo"
git config user.email bench@example.com; git config user.name bench; git config commit.gpgsign false
printf '.worktrees/\n' > .gitignore
printf '#!/bin/sh\n# pipeline.sh OUTPUTS: writes bronze/silver/gold of ds=2026-02-11 under OUTPUTS\nexec "%s" "$1"\n' "$pipeline" > pipeline.sh
git add -A; git commit -q -m "pipeline"
git checkout -q -b feature/refunds
printf '#!/bin/sh\n# pipeline.sh OUTPUTS: the feature variant (refunds, out-of-range amounts)\nexec "%s" "$1" --feature\n' "$pipeline" > pipeline.sh
git commit -q -am "feature: refunds"
git checkout -q main
cd "$example"

# 2. The canonical outputs already hold a main run: the bench must put that partition back (--restore).
"$pipeline" "$work/outputs" >/dev/null
# (The pipeline also rewrites each entity's manifest.json beside its partitions: that is the pipeline's own
# write outside the target partition, which dq neither purges nor restores; the check covers the partition.)
fingerprint() { (cd "$work/outputs" && find silver gold -path '*/ds=2026-02-11/*' -type f -print0 | sort -z | xargs -0 sha256sum); }
before=$(fingerprint)

# 3. The bench: base then head, one after the other, each into ds=2026-02-11 of silver and gold only;
#    snapshots and reports go to the namespace; the comparison keys come from the contracts.
set +e
"$dq" bench run --repo "$work/repo" --base main --head feature/refunds \
  --run 'sh pipeline.sh {outputs}' \
  --outputs "$work/outputs" --partition ds=2026-02-11 \
  --layout '{layer}/{entity}/ds={ds}/*.parquet' --layers silver,gold \
  --namespace "$work/bench-runs" --client shop --env dev \
  --restore --hourly-rate 3.20 --keys-from tests/Ecommerce.Pipeline.Tests/contracts \
  --output "$work/report.md" 2> "$work/bench.log"
code=$?
set -e
sed 's/^/  /' "$work/bench.log"
check "dq bench run exits 0 (both branches ran; no threshold given)" test "$code" = 0
check "the report has the runtime of both branches and the comparison" \
  grep -q '^| head | 1 | 1 |' "$work/report.md"
# The comparison table's silver/orders row: column 10 is the number of changed rows (keys from the contracts).
check "the comparison finds changed rows in silver/orders" \
  awk -F'|' '$2 ~ /^ *silver\/orders *$/ && $10 !~ /^ *0? *$/ { found = 1 } END { exit !found }' "$work/report.md"
check "--restore left the silver and gold partitions byte-identical" test "$before" = "$(fingerprint)"

# 4. The stored bench: list it, and compare its snapshots again with a threshold (no pipeline run):
#    the feature changes orders, so a limit of 0 changed rows fails with exit 1, as dq compare does.
id=$("$dq" bench list --namespace "$work/bench-runs" 2>/dev/null | awk 'NR == 1 { print $1 }')
check "dq bench list shows the bench as passed" sh -c "'$dq' bench list --namespace '$work/bench-runs' 2>/dev/null | grep -q '$id  main -> feature/refunds .* passed'"
set +e
"$dq" bench compare "$id" --namespace "$work/bench-runs" --keys-from tests/Ecommerce.Pipeline.Tests/contracts --max-changed-rows 0 >/dev/null 2>&1
code=$?
set -e
check "dq bench compare --max-changed-rows 0 fails (exit 1) on the feature's changed rows" test "$code" = 1

echo "branch-bench: report of bench $id:"
sed -n '1,/^## Comparison/p' "$work/report.md" | sed 's/^/  /'
exit $status
