using System.Data.Common;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Checks;

/// <summary>
/// Runs a suite against one data source: plans every expectation into one shared scan, runs it
/// once, evaluates each expectation from the metric row, then fetches bounded samples for the
/// failures. An expectation that cannot be planned or whose SQL fails becomes an error result;
/// the others still run. A user SQL fragment that is not one expression or one query stops the
/// whole run first (<see cref="SuiteSqlCheck"/>): that is a broken suite, not a failed check.
/// </summary>
public sealed class SuiteRunner
{
    private readonly DuckDbSession _session;

    public SuiteRunner(DuckDbSession session) => _session = session;

    /// <summary>Number of scans (metric queries) the last run issued; 1 unless a failing SQL had to be isolated.</summary>
    public int LastScanCount { get; private set; }

    /// <param name="history">Earlier runs of this dataset for history thresholds; null when there is no history store.</param>
    public ValidationReport Run(ExpectationSuite suite, DataSource source, ResultFormat? resultFormat = null, History.MetricHistory? history = null)
    {
        resultFormat ??= ResultFormat.Default with { UnexpectedIndexColumnNames = suite.PrimaryKey };
        SuiteSqlCheck.Validate(suite, _session);
        var schema = DatasetSchema.Describe(_session, source.RelationSql);
        var scan = new ScanBuilder(source);
        var results = new ExpectationResult?[suite.Expectations.Count];
        var planned = new PlannedCheck?[suite.Expectations.Count];
        var parameters = new Settings.VariableValues(suite.Parameters);

        for (var i = 0; i < suite.Expectations.Count; i++)
        {
            var config = suite.Expectations[i];
            try
            {
                var definition = ExpectationCatalog.Get(config.Type, config.Location);
                Expectations.Arguments.ExpectationArguments.Check(config, definition);
                planned[i] = definition.Plan(new PlanContext(config, schema, scan, source, resultFormat, parameters) { History = history });
            }
            catch (Diagnostics.InputException ex)
            {
                results[i] = ExpectationResult.FromError(config, ex.Code, ex.Message);
            }
        }

        var values = RunScan(scan, planned, results, suite);
        for (var i = 0; i < planned.Length; i++)
        {
            if (planned[i] is not { } check || results[i] is not null) continue;
            var config = suite.Expectations[i];
            try
            {
                results[i] = check.Evaluate(new EvaluationContext(config, values, _session, scan, resultFormat));
            }
            catch (Exception ex) when (ex is DbException or Diagnostics.InputException or InvalidCastException or FormatException)
            {
                results[i] = ExpectationResult.FromError(config, ex is Diagnostics.InputException ie ? ie.Code : "DQ4301", ex.Message);
            }
        }

        return new ValidationReport(suite.Name, source.Name, results.Select(r => r!).ToList());
    }

    /// <summary>
    /// One query for all metrics. If DuckDB rejects it (a bad regex, a type error in one check), each
    /// check's metrics are run on their own so only the checks at fault become errors.
    /// </summary>
    private MetricValues RunScan(ScanBuilder scan, PlannedCheck?[] planned, ExpectationResult?[] results, ExpectationSuite suite)
    {
        var values = new Dictionary<int, object?>();
        LastScanCount = 0;
        if (scan.AggregateCount == 0) return new MetricValues(values);
        try
        {
            ReadRow(scan.ScanSql(), Enumerable.Range(0, scan.AggregateCount).ToArray(), values);
            return new MetricValues(values);
        }
        catch (DbException)
        {
            values.Clear();
        }

        for (var i = 0; i < planned.Length; i++)
        {
            if (planned[i] is not { } check || check.Metrics.Count == 0) continue;
            var indexes = check.Metrics.Select(m => m.Index).Distinct().Where(ix => !values.ContainsKey(ix)).ToArray();
            if (indexes.Length == 0) continue;
            try
            {
                ReadRow(scan.ScanSql(indexes), indexes, values);
            }
            catch (DbException ex)
            {
                results[i] = ExpectationResult.FromError(suite.Expectations[i], "DQ4301", $"DuckDB could not evaluate {suite.Expectations[i].Type}: {FirstLine(ex.Message)}");
            }
        }
        return new MetricValues(values);
    }

    private void ReadRow(string sql, int[] indexes, Dictionary<int, object?> values)
    {
        LastScanCount++;
        using var command = _session.CreateCommand(sql);
        using var reader = command.ExecuteReader();
        reader.Read();
        for (var i = 0; i < indexes.Length; i++)
            values[indexes[i]] = DuckValue.Read(reader, i);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
