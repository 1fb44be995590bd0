using System.Globalization;
using DataQuality.Core.Datasets;

namespace DataQuality.Core.Profiling;

/// <summary>
/// Drafts an ODCS v3.1.0 data contract from a profile: types; <c>required</c> where a column has no nulls;
/// <c>unique</c> where the distinct estimate is within HLL error of the row count AND an exact DuckDB
/// query confirms it; an invalidValues/validValues rule for low-cardinality text; numeric and temporal
/// ranges widened by a margin; string formats (uuid, email, date) when at least 99.9% of values parse.
/// Hive partition columns get their type and <c>required</c> only. Every suggestion holds on the data it
/// was drawn from.
/// </summary>
public static class ContractSuggester
{
    public const double FormatShare = 0.999;
    public const int MaxEnumValues = 20;
    public const double RangeMargin = 0.1;

    /// <param name="serverPath">When given, a <c>local</c> server pointing at the data, so the draft validates as written.</param>
    public static string SuggestYaml(DatasetProfile profile, string name, string relationSql, DuckDbSession db, string? serverPath = null)
    {
        // physicalType is checked literally against what DuckDB reads, so it is DuckDB's type name, not Parquet's.
        var duckTypes = Checks.Planning.DatasetSchema.Describe(db, relationSql).Columns.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        var properties = new List<object>();
        foreach (var column in profile.Columns.Where(c => c.Unsupported is null && !c.Repeated && !c.Path.Contains('.', StringComparison.Ordinal)))
            properties.Add(Property(column, relationSql, db, duckTypes.GetValueOrDefault(column.Path)));

        var contract = new Dictionary<string, object?>
        {
            ["apiVersion"] = "v3.1.0",
            ["kind"] = "DataContract",
            ["id"] = name,
            ["name"] = name,
            ["version"] = "0.1.0",
            ["status"] = "draft",
            ["description"] = new Dictionary<string, object?>
            {
                ["purpose"] = string.Create(CultureInfo.InvariantCulture, $"Suggested by dq from a profile of {profile.RowCount} rows in {profile.Files.Count} file(s); review before use."),
            },
            ["servers"] = serverPath is null ? null : new List<object>
            {
                new Dictionary<string, object?> { ["server"] = "local", ["type"] = "local", ["format"] = "parquet", ["path"] = serverPath },
            },
            ["schema"] = new List<object>
            {
                new Dictionary<string, object?>
                {
                    ["name"] = name,
                    ["physicalType"] = "table",
                    ["properties"] = properties,
                },
            },
        };
        if (serverPath is null) contract.Remove("servers");
        return Yaml.YamlTreeWriter.Write(contract);
    }

    private static Dictionary<string, object?> Property(ColumnProfile c, string relationSql, DuckDbSession db, string? duckType)
    {
        var property = new Dictionary<string, object?>
        {
            ["name"] = c.Path,
            ["logicalType"] = LogicalType(c),
        };
        if (duckType is not null) property["physicalType"] = duckType;
        if (c.NullCount == 0 && c.RowCount > 0) property["required"] = true;
        if (c.Partition)
        {
            // Ranges, enums and uniqueness of a partition key describe which partitions exist today; the next
            // load adds one, so the draft keeps only what a new partition does not change.
            property["description"] = "Hive partition column: its values come from the key=value directories, not from the files.";
            return property;
        }
        if (LooksUnique(c) && ConfirmUnique(c, relationSql, db)) property["unique"] = true;

        var options = new Dictionary<string, object?>();
        if (c.Kind is ColumnKind.Integer or ColumnKind.Floating or ColumnKind.Decimal && !IsTimeOfDay(c) && c.MinNumber is { } min && c.MaxNumber is { } max)
        {
            var margin = Margin(min, max);
            var low = min - margin;
            var high = max + margin;
            if (c.Kind == ColumnKind.Integer)
            {
                options["minimum"] = (long)Math.Floor(low);
                options["maximum"] = (long)Math.Ceiling(high);
            }
            else
            {
                // The draft must pass on the data it came from: NaN is outside every range and an infinity outside
                // any finite bound (min and max are of the finite values), so such a column gets no bound on that side.
                if (c.NaNCount == 0 && c.NegativeInfinityCount == 0) options["minimum"] = RoundOut(low, down: true);
                if (c.NaNCount == 0 && c.PositiveInfinityCount == 0) options["maximum"] = RoundOut(high, down: false);
            }
        }
        else if (c.Kind.IsTemporal() && c.MinNumber is { } tmin && c.MaxNumber is { } tmax)
        {
            var margin = Margin(tmin, tmax);
            options["minimum"] = c.Kind == ColumnKind.Date ? ValueFormat.DateFromMicros(tmin - margin) : ValueFormat.TimestampFromMicros(tmin - margin);
            options["maximum"] = c.Kind == ColumnKind.Date ? ValueFormat.DateFromMicros(tmax + margin) : ValueFormat.TimestampFromMicros(tmax + margin);
        }
        if (c.Kind == ColumnKind.String && c.Strings is { Count: > 0 } s)
        {
            options["minLength"] = s.MinLength;
            options["maxLength"] = s.MaxLength;
            var format = s.Share(s.Parses.Uuid) >= FormatShare ? "uuid"
                : s.Share(s.Parses.Email) >= FormatShare ? "email"
                : s.Share(s.Parses.Date) >= FormatShare ? "date"
                : null;
            if (format is not null) options["format"] = format;
        }
        if (options.Count > 0) property["logicalTypeOptions"] = options;

        if (c.Kind == ColumnKind.String && ExactEnum(c) is { } values)
        {
            property["quality"] = new List<object>
            {
                new Dictionary<string, object?>
                {
                    ["metric"] = "invalidValues",
                    ["arguments"] = new Dictionary<string, object?> { ["validValues"] = values },
                    ["mustBe"] = 0,
                    ["description"] = string.Create(CultureInfo.InvariantCulture, $"Only the {values.Count} values seen when profiling."),
                },
            };
        }
        return property;
    }

    /// <summary>A TIME column is profiled as microseconds since midnight (an integer kind), but is an ODCS <c>time</c>.</summary>
    private static bool IsTimeOfDay(ColumnProfile c) => c.LogicalType is { } t && t.StartsWith("TIME", StringComparison.Ordinal) && !t.StartsWith("TIMESTAMP", StringComparison.Ordinal);

    private static string LogicalType(ColumnProfile c) => IsTimeOfDay(c) ? "time" : c.Kind switch
    {
        ColumnKind.Integer => "integer",
        ColumnKind.Floating or ColumnKind.Decimal => "number",
        ColumnKind.Boolean => "boolean",
        ColumnKind.Date => "date",
        ColumnKind.Timestamp => "timestamp",
        _ => "string",
    };

    private static bool LooksUnique(ColumnProfile c) =>
        c.NonNullCount > 0 && c.DistinctEstimate >= c.NonNullCount * 0.97;

    /// <summary>HLL cannot prove uniqueness; an exact count does: no surplus copies, by the engine's one definition.</summary>
    private static bool ConfirmUnique(ColumnProfile c, string relationSql, DuckDbSession db) =>
        db.Scalar($"SELECT ({Checks.Planning.Uniqueness.SurplusCopies(SqlText.Identifier(c.Path))} = 0)::BOOLEAN FROM {relationSql}") is true;

    /// <summary>All distinct values, when the Misra–Gries counters hold every value exactly and there are few.</summary>
    private static List<string>? ExactEnum(ColumnProfile c)
    {
        var items = c.TopKSketch.Items;
        if (c.NonNullCount == 0 || items.Count == 0 || items.Count > MaxEnumValues || c.TopKSketch.MaxError != 0) return null;
        if (items.Sum(i => i.Count) != c.NonNullCount) return null;
        // Few values repeated often; an id-like column with 5 rows is not an enum.
        if (c.NonNullCount < items.Count * 5) return null;
        return items.Select(i => i.Value).Order(StringComparer.Ordinal).ToList();
    }

    private static double Margin(double min, double max) =>
        max > min ? (max - min) * RangeMargin : Math.Max(Math.Abs(min) * RangeMargin, 1);

    private static double RoundOut(double value, bool down)
    {
        var magnitude = Math.Abs(value);
        var digits = magnitude >= 100 ? 0 : magnitude >= 1 ? 2 : 4;
        var scale = Math.Pow(10, digits);
        // Round outward, then to the same digits so the YAML shows 10.89, not 10.890000000000001.
        var rounded = down ? Math.Floor(value * scale) / scale : Math.Ceiling(value * scale) / scale;
        return Math.Round(rounded, digits);
    }
}
