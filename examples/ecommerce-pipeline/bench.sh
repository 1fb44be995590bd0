#!/usr/bin/env bash
# Benchmark for docs/benchmarks.md "## dotnet test integration": 10 suites x 20 checks over the
# example's main outputs, compiled into theories by the packed generator; times `dotnet test
# --no-build` (what a PR gate pays after its build) and the test executable alone. Run run.sh first
# (it packs the packages and writes out/main). Restores the normal build at the end.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf bench && mkdir -p bench/suites
python3 - <<'PY'
import itertools
checks = {
  "bronze/customers": [
    "expect_column_values_to_not_be_null: {{ column: customer_id }}",
    "expect_column_values_to_be_unique: {{ column: customer_id }}",
    "expect_column_values_to_not_be_null: {{ column: email, mostly: {m} }}",
    "expect_column_values_to_be_in_set: {{ column: country, value_set: [DE, FR, GB, NL, US] }}",
    "expect_column_values_to_be_between: {{ column: customer_id, min_value: 1, max_value: {n} }}",
    "expect_column_max_to_be_between: {{ column: customer_id, min_value: 1000, max_value: {n} }}",
    "expect_column_mean_to_be_between: {{ column: customer_id, min_value: 900, max_value: 1100 }}",
    "expect_table_row_count_to_be_between: {{ min_value: 1000, max_value: {n} }}",
  ],
  "silver/orders": [
    "expect_column_values_to_not_be_null: {{ column: order_id }}",
    "expect_column_values_to_be_unique: {{ column: order_id }}",
    "expect_column_values_to_be_in_set: {{ column: status, value_set: [placed, shipped, delivered, cancelled, returned], mostly: {m} }}",
    "expect_column_values_to_be_between: {{ column: amount, min_value: 0, max_value: {n} }}",
    "expect_column_mean_to_be_between: {{ column: amount, min_value: 4000, max_value: 6000 }}",
    "expect_column_max_to_be_between: {{ column: amount, min_value: 9000, max_value: {n} }}",
    "expect_column_values_to_be_in_set: {{ column: currency, value_set: [EUR, USD, GBP] }}",
    "expect_table_row_count_to_be_between: {{ min_value: 9000, max_value: {n} }}",
  ],
  "silver/order_items": [
    "expect_column_values_to_not_be_null: {{ column: order_id }}",
    "expect_column_values_to_be_between: {{ column: quantity, min_value: 1, max_value: {q} }}",
    "expect_column_values_to_be_between: {{ column: unit_price, min_value: 0, max_value: {n} }}",
    "expect_column_values_to_be_between: {{ column: line_no, min_value: 1, max_value: 4, mostly: {m} }}",
    "expect_column_mean_to_be_between: {{ column: quantity, min_value: 5, max_value: 15 }}",
    "expect_column_max_to_be_between: {{ column: unit_price, min_value: 100, max_value: {n} }}",
    "expect_column_to_exist: {{ column: sku }}",
    "expect_table_row_count_to_be_between: {{ min_value: 20000, max_value: {n} }}",
  ],
  "gold/daily_sales": [
    "expect_column_values_to_be_unique: {{ column: country }}",
    "expect_column_values_to_be_in_set: {{ column: country, value_set: [DE, FR, GB, NL, US] }}",
    "expect_column_values_to_be_between: {{ column: revenue, min_value: 0, max_value: {n}000 }}",
    "expect_column_values_to_be_between: {{ column: orders, min_value: 1, max_value: {n} }}",
    "expect_column_values_to_not_be_null: {{ column: revenue, mostly: {m} }}",
    "expect_column_max_to_be_between: {{ column: orders, min_value: 1, max_value: {n} }}",
    "expect_column_mean_to_be_between: {{ column: revenue, min_value: 0, max_value: {n}000 }}",
    "expect_table_row_count_to_be_between: {{ min_value: 5, max_value: {q} }}",
  ],
}
datasets = list(checks)
for i in range(10):
    ds = datasets[i % 4]
    lines = [f"suite: bench.s{i:02d}_{ds.split('/')[1]}", f"dataset: {ds}/ds=${{ds}}", "expectations:"]
    templates = itertools.cycle(checks[ds])
    for k in range(20):
        t = next(templates)
        lines.append("  - " + t.format(m=0.9 + k * 0.001, n=100000 + k, q=20 + k))
    open(f"bench/suites/s{i:02d}.yaml", "w").write("\n".join(lines) + "\n")
PY
project=tests/Ecommerce.Pipeline.Tests
dotnet build $project -nologo -v:q -p:DataQualitySuites=../../bench/suites/*.yaml -p:DataQualityContracts=none -p:DataQualityServer="$PWD/out/main" >/dev/null
exe=$project/bin/Debug/net10.0/Ecommerce.Pipeline.Tests
count=$($exe --list-tests 2>/dev/null | grep -c '(check: ' || true)
echo "bench: $count generated check rows (10 suites x 20 checks) + 3 hand-written tests"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for kind in "dotnet test --no-build" "test executable"; do
  times=()
  for run in 1 2 3; do
    start=$(date +%s.%N)
    if [ "$kind" = "test executable" ]; then $exe >/dev/null 2>&1 || true; else dotnet test --project $project --no-build >/dev/null 2>&1 || true; fi
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  printf 'bench: %-24s runs %s s, median %s s\n' "$kind" "${times[*]}" "$(printf '%s\n' "${times[@]}" | median)"
done
$exe 2>&1 | grep -E '^\s+(total|failed|succeeded):' | tr -s ' ' | tr '\n' ' '; echo
dotnet build $project -nologo -v:q >/dev/null  # back to the normal suites
