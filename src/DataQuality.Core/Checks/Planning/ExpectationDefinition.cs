namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// One expectation type: validates its kwargs against the dataset's schema, registers the metrics
/// it needs with the shared scan, and later turns the metric values into a result. Definitions are
/// stateless singletons discovered by <see cref="Expectations.ExpectationCatalog"/>.
/// </summary>
public abstract class ExpectationDefinition
{
    /// <summary>The GX snake_case name, e.g. <c>expect_column_values_to_be_between</c>.</summary>
    public abstract string Type { get; }

    /// <summary>Other names accepted for the same expectation (older GX names, our short forms).</summary>
    public virtual IReadOnlyList<string> Aliases => [];

    /// <summary>
    /// The arguments this expectation reads, with kinds, defaults and whether required; the shared ones
    /// (row_condition, result_format, severity, meta, ...) are in <see cref="Expectations.Arguments.ExpectationArguments.Shared"/>.
    /// Anything else is an unknown argument (DQ4110), and reading an undeclared argument is a bug (see <see cref="Expectations.Kwargs"/>).
    /// </summary>
    public abstract IReadOnlyList<Expectations.Arguments.ExpectationArgument> Arguments { get; }

    /// <summary>Throws <see cref="Expectations.ExpectationArgumentException"/> when the expectation cannot be evaluated as configured.</summary>
    public abstract PlannedCheck Plan(PlanContext context);

    /// <summary>
    /// The user-written query this expectation runs, as dq will splice it (<c>{batch}</c> still in
    /// place); null when it has none or the kwarg is missing (the planner reports that). Throws <see cref="Expectations.ExpectationArgumentException"/>
    /// when the query is rejected. <see cref="SuiteSqlCheck"/> asks every expectation before any check runs.
    /// </summary>
    public virtual string? CheckedQuery(Expectations.Kwargs kwargs, Expectations.ExpectationConfig config) => null;

    /// <summary>Local files this expectation reads besides the dataset (another table); a sandboxed run lets DuckDB read them.</summary>
    public virtual IReadOnlyList<string> OtherFiles(Expectations.Kwargs kwargs) => [];
}

/// <summary>A planned expectation: the metrics it registered and how to evaluate them.</summary>
public sealed class PlannedCheck
{
    public PlannedCheck(IReadOnlyList<MetricHandle> metrics, Func<EvaluationContext, ExpectationResult> evaluate)
    {
        Metrics = metrics;
        Evaluate = evaluate;
    }

    public IReadOnlyList<MetricHandle> Metrics { get; }

    public Func<EvaluationContext, ExpectationResult> Evaluate { get; }
}
