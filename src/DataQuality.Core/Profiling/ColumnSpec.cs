using Parquet.Schema;

namespace DataQuality.Core.Profiling;

/// <summary>How one Parquet leaf is read and what kind of profile it gets.</summary>
/// <param name="Unsigned64">UINT64: an integer column whose values are profiled as doubles (they may not fit a long).</param>
internal sealed record ColumnSpec(string Path, ColumnKind Kind, string PhysicalType, string? LogicalType, bool Repeated, string? UnsupportedReason, bool Unsigned64 = false)
{
    public static string PathOf(DataField field) => string.Join('.', field.Path.ToList());

    public static ColumnSpec From(DataField field)
    {
        var element = field.SchemaElement;
        var physical = element?.Type?.ToString() ?? "UNKNOWN";
        var logical = DescribeLogical(field);
        var clr = field.ClrType;
        string? unsupported = null;
        var kind = clr switch
        {
            _ when clr == typeof(bool) => ColumnKind.Boolean,
            _ when clr == typeof(sbyte) || clr == typeof(byte) || clr == typeof(short) || clr == typeof(ushort)
                || clr == typeof(int) || clr == typeof(uint) || clr == typeof(long) || clr == typeof(ulong) => ColumnKind.Integer,
            _ when clr == typeof(float) || clr == typeof(double) => ColumnKind.Floating,
            _ when clr == typeof(decimal) => ColumnKind.Decimal,
            _ when clr == typeof(DateTime) => field is DateTimeDataField { DateTimeFormat: DateTimeFormat.Date } || element?.ConvertedType == Parquet.Meta.ConvertedType.DATE
                ? ColumnKind.Date : ColumnKind.Timestamp,
            _ when clr == typeof(DateOnly) => ColumnKind.Date,
            _ when clr == typeof(ReadOnlyMemory<char>) || clr == typeof(string) => ColumnKind.String,
            _ when clr == typeof(ReadOnlyMemory<byte>) || clr == typeof(byte[]) => ColumnKind.Binary,
            _ when clr == typeof(Guid) => ColumnKind.Uuid,
            _ => ColumnKind.Unsupported,
        };
        if (kind == ColumnKind.Unsupported)
            unsupported = $"{ProfileErrors.UnsupportedFeature}: values of type {clr.Name} ({physical}{(logical is null ? "" : " " + logical)}) are not profiled";
        return new ColumnSpec(PathOf(field), kind, physical, logical, field.MaxRepetitionLevel > 0, unsupported, clr == typeof(ulong));
    }

    private static string? DescribeLogical(DataField field)
    {
        var element = field.SchemaElement;
        if (field is DecimalDataField d) return $"DECIMAL({d.Precision},{d.Scale})";
        var logical = element?.LogicalType;
        if (logical is not null)
        {
            // LogicalType is a Thrift union: one property per kind, the set one names it. typeof (not GetType()) so
            // the trimmer of the NativeAOT build keeps those properties.
            foreach (var p in typeof(Parquet.Meta.LogicalType).GetProperties())
                if (p.GetValue(logical) is { } value && p.PropertyType.IsClass && p.PropertyType != typeof(string))
                    return p.Name.ToUpperInvariant();
        }
        return element?.ConvertedType?.ToString();
    }

    public ColumnProfile NewProfile() => new()
    {
        Path = Path,
        Kind = Kind,
        PhysicalType = PhysicalType,
        LogicalType = LogicalType,
        Repeated = Repeated,
        Unsupported = UnsupportedReason,
    };
}
