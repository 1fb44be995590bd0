using System.Text;

namespace DataQuality.Core.Expectations.Arguments;

/// <summary>
/// docs/suites.md's argument tables, written from the declarations (a test fails when the page is
/// stale), so the documentation can never list an argument the engine does not read, or miss one.
/// </summary>
public static class ArgumentTables
{
    public const string Begin = "<!-- argument tables: generated from the declarations (ArgumentTables.Markdown); do not edit by hand -->";
    public const string End = "<!-- end of argument tables -->";

    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append(Begin).Append('\n');
        sb.Append("\n### Shared by every expectation\n\n");
        Table(sb, ExpectationArguments.Shared);
        foreach (var definition in ExpectationCatalog.All)
        {
            sb.Append("\n### `").Append(definition.Type).Append("`\n");
            if (definition.Aliases.Count > 0)
                sb.Append("\nAlso: ").Append(string.Join(", ", definition.Aliases.Select(a => $"`{a}`"))).Append('\n');
            sb.Append('\n');
            if (definition.Arguments.Count == 0) sb.Append("Only the shared arguments.\n");
            else Table(sb, definition.Arguments);
        }
        sb.Append('\n').Append(End).Append('\n');
        return sb.ToString();
    }

    /// <summary>Replaces the generated part of <paramref name="page"/> (between the markers) with the current tables.</summary>
    public static string Update(string page)
    {
        var start = page.IndexOf(Begin, StringComparison.Ordinal);
        var end = page.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start) throw new InvalidOperationException("The page has no argument-table markers.");
        var stop = page.IndexOf('\n', end);
        return page[..start] + Markdown() + (stop < 0 ? "" : page[(stop + 1)..]);
    }

    private static void Table(StringBuilder sb, IEnumerable<ExpectationArgument> arguments)
    {
        sb.Append("| argument | value | required | default | meaning |\n|---|---|---|---|---|\n");
        foreach (var a in arguments)
            sb.Append("| `").Append(a.Name).Append("` | ").Append(a.KindText).Append(" | ").Append(a.Required ? "yes" : "no")
                .Append(" | ").Append(a.Default is null ? "" : $"`{a.Default}`").Append(" | ").Append(a.Description.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
    }
}
