using System.CommandLine;
using DataQuality.Cli.Commands;
using DataQuality.Core.Comparison;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Cli.Options;

/// <summary>
/// The comparison options of <c>dq compare</c>, defined once so <c>dq bench run</c> and <c>dq bench compare</c>
/// accept exactly the same ones (keys, tolerances, exclusions, thresholds, samples, profile and drift).
/// </summary>
internal sealed class CompareOptionSet
{
    public Option<string> Layout { get; } = new("--layout") { Description = $"Where entities live, e.g. '{{layer}}/v{{schema}}/{{entity}}/ds={{ds}}/*.parquet'. Default: '{TreeLayout.DefaultPattern}'.", DefaultValueFactory = _ => TreeLayout.DefaultPattern };
    public Option<string[]> Key { get; } = new("--key") { Description = "Key columns of an entity: entity=col1,col2 (repeatable); overrides --keys-from. Comparing two files: just col1,col2." };
    public Option<string?> KeysFrom { get; } = new("--keys-from") { Description = "Data contracts (ODCS/DCS file or folder): each model's primary key keys the entity of the same name." };
    public Option<double?> MaxPsi { get; } = new("--max-drift-psi") { Description = "Fail when a column's population stability index (base -> head) exceeds this, e.g. 0.2." };
    public Option<string[]> AbsTol { get; } = new("--abs-tol") { Description = "Absolute tolerance: column=0.01, entity.column=0.01 or default=0.01 (repeatable)." };
    public Option<string[]> RelTol { get; } = new("--rel-tol") { Description = "Relative tolerance: column=1e-6 (repeatable)." };
    public Option<string[]> Exclude { get; } = new("--exclude") { Description = "Column left out of the value comparison, optionally entity.column (repeatable)." };
    public Option<long?> MaxChanged { get; } = new("--max-changed-rows") { Description = "Fail when an entity has more changed + added + removed rows." };
    public Option<double?> MaxDelta { get; } = new("--max-row-count-delta-pct") { Description = "Fail when an entity's row count changes by more than this percentage." };
    public Option<bool> FailOnSchema { get; } = new("--fail-on-schema-change") { Description = "Fail when entities or columns appear, disappear or change type or nullability." };
    public Option<int> Samples { get; } = new("--samples") { Description = "Sample rows per status.", DefaultValueFactory = _ => 5 };
    public Option<bool> NoProfile { get; } = new("--no-profile") { Description = "Skip the per-column profile and drift comparison." };
    public Option<bool> NoDrift { get; } = new("--no-drift") { Description = "Keep the profile, skip the PSI/KS drift (its profiler pass)." };
    public Option<int?> Threads { get; } = new("--threads") { Description = "Threads for the comparison's DuckDB queries and its profiler pass (default: all cores, or DQ_THREADS)." };

    public void AddTo(Command command, bool includeLayout = true)
    {
        if (includeLayout) command.Options.Add(Layout);
        foreach (var o in new Option[] { Key, KeysFrom, AbsTol, RelTol, Exclude, MaxChanged, MaxDelta, FailOnSchema, Samples, NoProfile, NoDrift, MaxPsi, Threads })
            command.Options.Add(o);
    }

    public ComparisonOptions Bind(ParseResult parse, string? layout = null)
    {
        if (parse.GetValue(Samples) < 0) throw new InputException("DQ6005", "--samples must be 0 or more.");
        if (parse.GetValue(MaxChanged) is < 0) throw new InputException("DQ6005", "--max-changed-rows must be 0 or more.");
        if (parse.GetValue(MaxDelta) is { } pct && (pct < 0 || !double.IsFinite(pct))) throw new InputException("DQ6005", "--max-row-count-delta-pct must be 0 or more.");
        if (parse.GetValue(MaxPsi) is { } psi && (psi < 0 || !double.IsFinite(psi))) throw new InputException("DQ6005", "--max-drift-psi must be 0 or more.");
        if (parse.GetValue(MaxPsi) is not null && (parse.GetValue(NoProfile) || parse.GetValue(NoDrift)))
            throw new InputException("DQ6005", "--max-drift-psi needs the drift; drop --no-profile and --no-drift.");
        return new ComparisonOptions
        {
            Layout = TreeLayout.Parse(layout ?? parse.GetValue(Layout)!),
            Keys = CompareArguments.Keys(parse.GetValue(Key) ?? []),
            ContractKeys = parse.GetValue(KeysFrom) is { } contracts ? ContractKeys.Load(contracts) : new Dictionary<string, IReadOnlyList<string>>(),
            AbsoluteTolerance = CompareArguments.Tolerances(parse.GetValue(AbsTol) ?? [], "--abs-tol"),
            RelativeTolerance = CompareArguments.Tolerances(parse.GetValue(RelTol) ?? [], "--rel-tol"),
            Exclude = parse.GetValue(Exclude) ?? [],
            SampleSize = parse.GetValue(Samples),
            Profile = !parse.GetValue(NoProfile),
            Drift = !parse.GetValue(NoDrift),
            Threads = parse.GetValue(Threads) is { } threads ? Core.Settings.SettingValues.Threads(threads, "--threads") : null,
            Thresholds = new ComparisonThresholds
            {
                MaxChangedRows = parse.GetValue(MaxChanged),
                MaxRowCountDeltaPercent = parse.GetValue(MaxDelta),
                FailOnSchemaChange = parse.GetValue(FailOnSchema),
                MaxDriftPsi = parse.GetValue(MaxPsi),
            },
        };
    }
}
