#!/bin/sh
# Regenerates docs/report.png (the README's picture) from dq demo's report.html: runs the demo into a
# temporary folder, then the report test that opens the page in headless chromium (/usr/bin/chromium),
# opens its sections, checks the profile, comparison and bench charts drew visible bars, and takes a
# full-page screenshot. Look at the PNG before committing it (keep it under ~500 KB).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
dotnet run --project src/DataQuality.Cli -- demo --output "$work/dq-demo"
dotnet build tests/DataQuality.Reports.Tests -v q -clp:ErrorsOnly
DQ_REPORT_SCREENSHOT_OF="$work/dq-demo/report.html" DQ_REPORT_SCREENSHOT_TO="$root/docs/report.png" \
  tests/DataQuality.Reports.Tests/bin/Debug/net10.0/DataQuality.Reports.Tests --filter-method '*Screenshot_of_the_report_with_its_sections_open_shows_the_charts'
ls -l "$root/docs/report.png"
