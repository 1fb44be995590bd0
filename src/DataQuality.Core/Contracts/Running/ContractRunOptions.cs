using DataQuality.Core.Contracts.Model;
using DataQuality.Core.Datasets;

namespace DataQuality.Core.Contracts.Running;

/// <summary>How to run a contract: which server and model, variable values, and whether to only plan.</summary>
public sealed record ContractRunOptions
{
    /// <summary>Server name (<c>--server</c>); null takes the first server.</summary>
    public string? Server { get; init; }

    /// <summary><c>--var name=value</c> values; <c>DQ_VAR_name</c> is the fallback.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Only this model (schema object); null runs all.</summary>
    public string? Model { get; init; }

    /// <summary>List the derived checks and their SQL without reading data.</summary>
    public bool DryRun { get; init; }

    /// <summary>Directory relative server paths start from; default the contract file's directory.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>
    /// Folders besides the contract's repository that local server paths may point into (<c>--allow-path</c>).
    /// <see cref="BaseDirectory"/>, when set, is allowed too.
    /// </summary>
    public IReadOnlyList<string> AllowedPaths { get; init; } = [];

    /// <summary>
    /// Confine local server paths to the contract's repository and <see cref="AllowedPaths"/> (default). Off only
    /// where the caller is already the branch's own code (the xunit adapter inside <c>dotnet test</c>), so the
    /// confinement could protect nothing.
    /// </summary>
    public bool ConfinePaths { get; init; } = true;

    /// <summary>DuckDB threads and memory; default from the environment.</summary>
    public DuckDbOptions? DuckDb { get; init; }

    /// <summary>A resolver for a given server (e.g. an S3 client built from its endpointUrl and region); default the one passed in.</summary>
    public Func<ContractServer, DatasetResolver>? ResolverForServer { get; init; }

    /// <summary>
    /// Metric history: each model's earlier runs feed <c>dq_metric_within_history</c> checks, and each
    /// model's run is appended afterwards under the dataset key <c>&lt;contract id&gt;/&lt;model&gt;</c>. Null: no history.
    /// </summary>
    public History.IMetricHistoryStore? History { get; init; }

    /// <summary>
    /// Data already located for a model (the hand-written <c>MatchContract</c> names its dataset): that model
    /// is read from here instead of the server's path, and its column types are checked when it is Parquet.
    /// The run is otherwise the same: view, sandbox, typed NULLs for absent columns, one scan.
    /// </summary>
    public IReadOnlyDictionary<string, DatasetRef>? Data { get; init; }

    /// <summary>
    /// Hears the same stages as a suite run (<see cref="Checks.DatasetValidator.Progress"/>): "resolving data" per
    /// model, then "running checks" as each model's checks finish. Null: no reports.
    /// </summary>
    public IProgress<Progress.WorkProgress>? Progress { get; init; }

    /// <summary>Environment lookup for <c>DQ_VAR_*</c> (tests pass their own).</summary>
    public Func<string, string?>? Environment { get; init; }
}
