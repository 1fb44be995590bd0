using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Multicolumn;

/// <summary>
/// A row is unexpected when two of the listed columns hold the same value. Two nulls count as the
/// same value (pandas <c>nunique(dropna=False)</c>); a null and a value do not.
/// </summary>
public sealed class ExpectSelectColumnValuesToBeUniqueWithinRecord : MulticolumnMapExpectation
{
    public override string Type => "expect_select_column_values_to_be_unique_within_record";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [];

    protected override string Unexpected(PlanContext context, IReadOnlyList<SchemaColumn> columns, IReadOnlyList<string> idents, string missing) =>
        WithinRecordDuplicate(idents);

    internal static string WithinRecordDuplicate(IReadOnlyList<string> idents)
    {
        var pairs = new List<string>();
        for (var i = 0; i < idents.Count; i++)
            for (var j = i + 1; j < idents.Count; j++)
                pairs.Add($"{idents[i]} IS NOT DISTINCT FROM {idents[j]}");
        return pairs.Count == 0 ? "FALSE" : "(" + string.Join(" OR ", pairs) + ")";
    }
}
