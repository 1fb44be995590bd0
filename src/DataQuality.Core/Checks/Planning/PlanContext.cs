using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;
using DataQuality.Core.History;

namespace DataQuality.Core.Checks.Planning;

/// <summary>Everything an expectation definition needs to plan itself against one dataset.</summary>
public sealed class PlanContext
{
    public PlanContext(ExpectationConfig config, DatasetSchema schema, ScanBuilder scan, DataSource source, ResultFormat resultFormat,
        Settings.VariableValues? parameters = null)
    {
        Config = config;
        Kwargs = new Kwargs(config) { Parameters = parameters };
        Schema = schema;
        Scan = scan;
        Source = source;
        ResultFormat = resultFormat;
    }

    public ExpectationConfig Config { get; }
    public Kwargs Kwargs { get; }
    public DatasetSchema Schema { get; }
    public ScanBuilder Scan { get; }
    public DataSource Source { get; }
    public ResultFormat ResultFormat { get; }

    /// <summary>
    /// Earlier runs of this dataset for history thresholds (<c>dq_metric_within_history</c>); null when the
    /// run has no history store. Passed per run through <see cref="SuiteRunner.Run"/>, never global.
    /// </summary>
    public MetricHistory? History { get; init; }

    /// <summary>The column named by a kwarg, which must exist (unknown columns get a did-you-mean).</summary>
    public SchemaColumn Column(string kwarg = "column") => ColumnNamed(Kwargs.RequiredString(kwarg));

    /// <summary>
    /// The not-evaluable rule, in one place for every front end: a check on a column the data does not
    /// have (unknown to the schema, or only the typed NULL a contract run adds for it) cannot be
    /// evaluated, and says so with one text (<see cref="ColumnMissing"/>). Only the presence check
    /// (<c>dq_column_is_present</c>, <c>expect_column_to_exist</c>) answers such a column, by failing.
    /// </summary>
    public SchemaColumn ColumnNamed(string name)
    {
        if (Schema.TryGet(name, out var column) && !Source.AbsentColumns.Contains(name)) return column;
        throw ColumnMissing(Config, name, Source.Name, EditDistance.Suggest(name, Schema.Columns.Select(c => c.Name).Where(c => !Source.AbsentColumns.Contains(c))));
    }

    /// <summary>DQ4201 "not evaluable: column missing", with a did-you-mean when a column is spelled alike.</summary>
    public static ExpectationArgumentException ColumnMissing(ExpectationConfig config, string column, string dataset, string? suggestion) =>
        new("DQ4201", $"not evaluable: column missing: '{column}' is not in {dataset}" + (suggestion is null ? "." : $"; did you mean '{suggestion}'?"), config.Location);

    public IReadOnlyList<SchemaColumn> Columns(string kwarg = "column_list") =>
        Kwargs.RequiredStringList(kwarg).Select(ColumnNamed).ToList();

    public static string Ident(SchemaColumn column) => SqlText.Identifier(column.Name);

    /// <summary>The rows the expectation applies to: its row_condition as SQL, or TRUE.</summary>
    public string Condition()
    {
        var condition = Kwargs.OptionalString("row_condition");
        return string.IsNullOrWhiteSpace(condition) ? "TRUE" : "(" + RowConditions.ToSql(condition, Kwargs.OptionalString("condition_parser"), Config) + ")";
    }

    /// <summary>
    /// A JSON value as a SQL literal comparable with <paramref name="column"/>: strings compared with
    /// numeric or temporal columns are cast (TRY_CAST, so a value that cannot convert matches nothing).
    /// </summary>
    public static string Literal(JsonNode? value, SchemaColumn? column = null)
    {
        if (value is null) return "NULL";
        if (value is JsonArray array) return "[" + string.Join(", ", array.Select(v => Literal(v, null))) + "]";
        if (value is JsonObject) throw new ArgumentException("objects are not literals");
        var v = (JsonValue)value;
        var family = column?.Family ?? TypeFamily.Other;
        switch (v.GetValueKind())
        {
            case JsonValueKind.True: return "TRUE";
            case JsonValueKind.False: return "FALSE";
            case JsonValueKind.Number:
                var number = v.ToJsonString();
                // A number compared with a string column is compared as its text, as pandas would not match it either way.
                return family == TypeFamily.String ? SqlText.Literal(number) : NumberLiteral(number);
            case JsonValueKind.String:
                var s = v.GetValue<string>();
                return family switch
                {
                    TypeFamily.String or TypeFamily.Other or TypeFamily.Nested => SqlText.Literal(s),
                    _ => $"TRY_CAST({SqlText.Literal(s)} AS {column!.Type})",
                };
            default: return "NULL";
        }
    }

    private static string NumberLiteral(string json) =>
        // DuckDB reads 1e3 as DOUBLE and 1.5 as DECIMAL; force DOUBLE for non-integers so comparisons never overflow a DECIMAL width.
        json.Contains('.') || json.Contains('e') || json.Contains('E')
            ? double.Parse(json, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) + "::DOUBLE"
            : json;
}
