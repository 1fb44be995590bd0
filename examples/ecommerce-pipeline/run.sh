#!/usr/bin/env bash
# Builds this example the way a pipeline repository would use DataQuality, and checks the gate:
#   1. dotnet pack DataQuality.Core + DataQuality.Xunit (with the generator and dq-lint inside) into
#      ../../artifacts/packages, the local feed that nuget.config points at;
#   2. run the pipeline for main and for the feature variant;
#   3. a malformed suite must fail the build with path(line,col): error DQ4001, a misspelled argument with DQ4110;
#      a flow-style contract builds, an unknown key in it warns on every build (not only the first), and a
#      misspelled one (requried) fails the build with error DQ1010;
#   4. dotnet test on main's outputs must pass (TRX, JUnit and the Markdown summary are written);
#   5. the same tests on the feature's outputs (DQ_SERVER=feature) must fail on the 'refunded' status;
#   6. a new repository made with `dotnet new dq-tests` (docs/getting-started.md) goes green, then red on a
#      data defect; set-ups DataQuality.Xunit refuses fail the build with DQ7202-DQ7204 (new-repository.sh);
#   7. `dq bench run` on this pipeline, main against its feature variant (branch-bench.sh; ~12 s of CPU).
# Last line: "example: N passed, N failed" (tests of step 4 plus the checks of steps 3, 5, 6 and 7).
set -uo pipefail
cd "$(dirname "$0")"
repo=$(cd ../.. && pwd)
version=0.1.0-local
feed=$repo/artifacts/packages
results=$PWD/TestResults
passed=0; failed=0
check() { # check <name> <0|1>
  if [ "$2" = 0 ]; then passed=$((passed + 1)); echo "example: ok   $1"; else failed=$((failed + 1)); echo "example: FAIL $1"; fi
}
finish() { echo "example: ${passed} passed, ${failed} failed"; [ "$failed" = 0 ]; exit $?; }

for project in DataQuality.Core DataQuality.Xunit DataQuality.Templates; do
  dotnet pack "$repo/src/$project" -c Release -o "$feed" -p:Version=$version -nologo -v:q >/dev/null \
    || { echo "example: dotnet pack $project failed" >&2; failed=$((failed + 1)); finish; }
done
# The same version is re-packed on every run: drop it from the example's own package cache.
rm -rf .packages/dataquality.core .packages/dataquality.xunit

dotnet run --project src/Ecommerce.Pipeline -c Release -- out/main >/dev/null || { echo "example: pipeline (main) failed" >&2; failed=$((failed + 1)); finish; }
dotnet run --project src/Ecommerce.Pipeline -c Release --no-build -- out/feature --feature >/dev/null || { echo "example: pipeline (feature) failed" >&2; failed=$((failed + 1)); finish; }

# 3. Build-time diagnostics: an unknown expectation, and a misspelled argument, fail the build at their line and column.
broken=tests/Ecommerce.Pipeline.Tests/expectations/zz_broken.yaml
typo=tests/Ecommerce.Pipeline.Tests/expectations/zz_typo.yaml
mkdir -p "$(dirname "$broken")"
printf 'suite: silver.broken\ndataset: silver/orders/ds=${ds}\nexpectations:\n  - expect_column_values_to_be_uniqe: { column: order_id }\n' > "$broken"
printf 'suite: silver.typo\ndataset: silver/orders/ds=${ds}\nexpectations:\n  - type: expect_column_values_to_be_between\n    column: amount\n    min_value: 0\n    max_vlaue: 10000\n' > "$typo"
out=$(dotnet build tests/Ecommerce.Pipeline.Tests -nologo 2>&1); status=$?
rm -f "$broken" "$typo"; rmdir "$(dirname "$broken")" 2>/dev/null
echo "$out" | grep -q 'expectations/zz_broken.yaml(4,5): error DQ4001: Unknown expectation type' && [ "$status" -ne 0 ] && ! echo "$out" | grep -q DQ7201
check "malformed suite fails the build with expectations/zz_broken.yaml(4,5): error DQ4001" $?
echo "$out" | grep -q "expectations/zz_typo.yaml(7,16): error DQ4110: unknown argument 'max_vlaue' of expect_column_values_to_be_between; did you mean 'max_value'?"
check "a misspelled argument fails the build with expectations/zz_typo.yaml(7,16): error DQ4110 and a did-you-mean" $?

# 3b. A flow-style contract (valid for dq lint) builds into its test class; an unknown key in it warns on
#     the first build and again on the second, unchanged one (the findings are replayed from obj/); a
#     misspelled key (requried: the constraint would be dropped) fails the build, first and second time.
flow=tests/Ecommerce.Pipeline.Tests/contracts/zz_flow.yaml
head='apiVersion: v3.1.0\nkind: DataContract\nid: zz_flow\nversion: 1.0.0\nstatus: active\nschema: [{name: orders, properties: [{name: order_id, logicalType: integer, '
printf "${head}pii: true}]}]\n" > "$flow"
warning="contracts/zz_flow.yaml(6,82): warning DQ1010: Unknown key 'pii' in property; did you mean 'id'?"
first=$(dotnet build tests/Ecommerce.Pipeline.Tests -nologo 2>&1); first_status=$?
second=$(dotnet build tests/Ecommerce.Pipeline.Tests -nologo 2>&1); second_status=$?
[ "$first_status" = 0 ] && grep -aq ZzFlowContract tests/Ecommerce.Pipeline.Tests/bin/Debug/net10.0/Ecommerce.Pipeline.Tests.dll
check "a flow-style contract builds into ZzFlowContract" $?
echo "$first" | grep -qF "$warning" && [ "$second_status" = 0 ] && echo "$second" | grep -qF "$warning"
check "an unknown contract key warns on the first and on a second, unchanged build" $?
printf "${head}requried: true}]}]\n" > "$flow"
error="contracts/zz_flow.yaml(6,87): error DQ1010: Unknown key 'requried' in property; did you mean 'required'?"
first=$(dotnet build tests/Ecommerce.Pipeline.Tests -nologo 2>&1); first_status=$?
second=$(dotnet build tests/Ecommerce.Pipeline.Tests -nologo 2>&1); second_status=$?
rm -f "$flow"
[ "$first_status" != 0 ] && echo "$first" | grep -qF "$error" && [ "$second_status" != 0 ] && echo "$second" | grep -qF "$error"
check "a misspelled contract key fails the build with error DQ1010, first and second time" $?

# 4. Main's outputs: every error-severity check passes.
dotnet build tests/Ecommerce.Pipeline.Tests -nologo -v:q >/dev/null || { echo "example: build failed" >&2; failed=$((failed + 1)); finish; }
rm -rf "$results"; mkdir -p "$results"
log=$(mktemp)
DQ_SUMMARY_PATH="$results/main-summary.md" dotnet test --project tests/Ecommerce.Pipeline.Tests --no-build \
  --results-directory "$results" --report-trx --report-trx-filename main.trx --report-xunit-junit --report-xunit-junit-filename main.junit.xml 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
p=$(grep -E '^\s+succeeded: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+'); f=$(grep -E '^\s+failed: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
if [ "$status" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then failed=$((failed + 1)); fi
[ -s "$results/main.trx" ] && [ -s "$results/main.junit.xml" ] && grep -q '✅ Data quality: ' "$results/main-summary.md"
check "TRX, JUnit XML and the Markdown summary are written" $?

# 5. The feature branch's outputs (the contracts' feature server): the gate fails, on the status the contract does not allow.
DQ_SERVER=feature DQ_SUMMARY_PATH="$results/feature-summary.md" dotnet test --project tests/Ecommerce.Pipeline.Tests --no-build \
  --results-directory "$results" --report-xunit-junit --report-xunit-junit-filename feature.junit.xml >"$log" 2>&1
status=$?
[ "$status" -ne 0 ] && grep -q 'orders · status · enum' "$results/feature-summary.md" && grep -q 'refunded' "$log"
check "feature outputs fail the gate on status 'refunded'" $?
grep -q 'Orders_match_their_contract' "$log" && ! grep -q 'FluentAssertions' "$log"
check "the failing hand-written test reads as a plain xunit v3 failure (no FluentAssertions frames)" $?
rm -f "$log"

# 6. A new pipeline repository from the template, and the set-ups the build targets refuse.
source ./new-repository.sh
new_repository_checks

# 7. The branch bench walkthrough: its own checks print as "branch-bench: ok|FAIL"; its exit code counts here.
log=$(mktemp)
bash branch-bench.sh >"$log" 2>&1
status=$?
[ "$status" -eq 0 ] || cat "$log"
rm -f "$log"
check "branch-bench.sh: dq bench run on main and the feature variant" $status
finish
