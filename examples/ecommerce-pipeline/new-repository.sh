# Sourced by run.sh after the packages are in $feed: a new pipeline repository, as docs/getting-started.md
# creates it (the same commands), goes green, then red on a real data defect; and the set-ups that
# DataQuality.Xunit's build targets must refuse early (DQ7202-DQ7204) fail with their code.
# Uses run.sh's check(), $feed, $version; the example's package folder (.packages) so nothing is downloaded twice.

verdict() { # verdict <name> <status> <lines of $out to show on failure>
  check "$1" "$2"
  [ "$2" = 0 ] || echo "$out" | tail -"$3" | sed 's/^/    /'
}

new_repository_checks() {
  local work hive shop out status
  work=$(mktemp -d)
  hive=$work/template-hive   # dotnet new's template cache for this run only; the user's stays untouched
  export NUGET_PACKAGES=$PWD/.packages
  rm -rf "$NUGET_PACKAGES/dataquality.templates"

  # --- docs/getting-started.md, step by step ---
  mkdir -p "$work/shop-pipeline"
  (
    cd "$work/shop-pipeline" || exit 1
    # A repository: contracts may read local data anywhere in their git repository, and no further (DQ1036).
    git init -q &&
    dotnet new install "$feed/DataQuality.Templates.$version.nupkg" --debug:custom-hive "$hive" >/dev/null &&
    dotnet new nugetconfig >/dev/null &&
    dotnet nuget add source "$feed" --name dataquality --configfile nuget.config >/dev/null &&
    dotnet new dq-tests -n Shop --debug:custom-hive "$hive" >/dev/null
  ) || { check "dotnet new dq-tests creates the repository" 1; rm -rf "$work"; return; }
  shop=$work/shop-pipeline
  [ -f "$shop/global.json" ] && [ -f "$shop/tests/Shop.Tests/Shop.Tests.csproj" ] && [ -f "$shop/tests/Shop.Tests/contracts/orders.odcs.yaml" ] \
    && grep -q 'namespace Shop.Tests;' "$shop/tests/Shop.Tests/OrdersTests.cs"
  check "dotnet new dq-tests creates global.json, tests/Shop.Tests (contract, hand-written tests) and data/" $?

  out=$(cd "$shop" && dotnet test 2>&1); status=$?
  [ "$status" -eq 0 ] && echo "$out" | grep -qE '^\s+failed: 0' && echo "$out" | grep -qE '^\s+succeeded: [1-9]'
  verdict "the new repository's dotnet test is green" $? 30
  [ "$(find "$shop/tests/Shop.Tests/bin" \( -name 'libduckdb.*' -o -name 'duckdb.dll' \) | wc -l)" = 1 ]
  check "the test output carries one DuckDB native library, this machine's" $?

  # A real defect in the data: a second order 7, with a negative amount.
  echo '7,104,2026-02-11 12:00:00,placed,-20.00' >> "$shop/data/orders.csv"
  out=$(cd "$shop" && dotnet test 2>&1); status=$?
  [ "$status" -ne 0 ] && echo "$out" | grep -q 'orders · order_id · unique failed' && echo "$out" | grep -q 'orders · amount · minimum 0 failed' \
    && echo "$out" | grep -q 'Expected data checks to pass because order_id is the key of orders, but'
  verdict "the same tests are red on the defect (contract rows and hand-written tests)" $? 40
  ! echo "$out" | grep -q 'FluentAssertions'
  check "hand-written failures are plain xunit v3 failures (no FluentAssertions frames)" $?

  # --- set-ups the build targets refuse, each in its own small repository ---
  refused() { # refused <name> <code> <global.json text or ''> <package references>
    local dir=$work/$1
    mkdir -p "$dir"
    cp "$shop/nuget.config" "$dir/"
    [ -n "$3" ] && printf '%s\n' "$3" > "$dir/global.json"
    printf '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <OutputType>Exe</OutputType>\n  </PropertyGroup>\n  <ItemGroup>\n%s\n    <PackageReference Include="DataQuality.Xunit" Version="%s" />\n  </ItemGroup>\n</Project>\n' "$4" "$version" > "$dir/$1.csproj"
    printf 'public sealed class T { [Xunit.Fact] public void F() { } }\n' > "$dir/T.cs"
    out=$(cd "$dir" && dotnet build 2>&1); status=$?
    [ "$status" -ne 0 ] && echo "$out" | grep -q "error $2:" && ! echo "$out" | grep -qE 'error CS(0433|5001)'
  }
  local xunit_v3
  xunit_v3=$(grep -oE 'Include="xunit.v3" Version="[^"]+' Directory.Packages.props | sed 's/.*Version="//')
  local runner='{ "test": { "runner": "Microsoft.Testing.Platform" } }'
  refused xunit2 DQ7202 "$runner" '    <PackageReference Include="xunit" Version="2.9.3" />'
  verdict "xunit 2.x beside DataQuality.Xunit fails the build with DQ7202 (not CS0433)" $? 10
  refused noxunit DQ7203 "$runner" ''
  verdict "DataQuality.Xunit without xunit.v3 fails the build with DQ7203 (not CS5001)" $? 10
  refused vstest DQ7204 '{ "sdk": { "rollForward": "latestFeature", "version": "10.0.100" } }' "    <PackageReference Include=\"xunit.v3\" Version=\"$xunit_v3\" />"
  verdict "no global.json test runner fails the build with DQ7204 (before dotnet test's VSTest error)" $? 10

  dotnet new uninstall DataQuality.Templates --debug:custom-hive "$hive" >/dev/null 2>&1
  unset NUGET_PACKAGES
  rm -rf "$work"
}
