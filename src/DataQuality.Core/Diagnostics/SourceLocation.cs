namespace DataQuality.Core.Diagnostics;

/// <summary>
/// Where a user's input lives: a file (with 1-based line and column when known) or a URI.
/// Rendered the way MSBuild and compilers print it, so editors and CI logs can jump to it:
/// <c>contracts/orders.yaml(12,5)</c>.
/// </summary>
public sealed record SourceLocation(string Path, int? Line = null, int? Column = null)
{
    public override string ToString() => Line is null
        ? Path
        : Column is null ? $"{Path}({Line})" : $"{Path}({Line},{Column})";
}
