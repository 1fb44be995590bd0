using System.Text.RegularExpressions;

namespace DataQuality.Core.Datasets;

/// <summary>
/// The text of a reader's error (DuckDB's, or the profiler's Parquet.Net decoder's) as dq prints it inside a
/// DQ message: its first line, without exception class names. DuckDB passes C++ ones through from its
/// libraries ("Invalid Error: TProtocolException: Invalid data"); they tell a user nothing and read like a
/// crash. What the error says is kept. The one place such text is formatted.
/// </summary>
public static partial class ReaderErrorText
{
    /// <summary>Apache Thrift's exceptions: DuckDB raises them while decoding a file's metadata (footer or page headers).</summary>
    [GeneratedRegex(@"\bT(?:Protocol|Transport)Exception:\s*")]
    private static partial Regex ThriftException();

    /// <summary>Any other class name ending in Exception, followed by a colon ("std::runtime_error" has none).</summary>
    [GeneratedRegex(@"\b(?:[\w]+::)*[A-Za-z]\w*Exception:\s*")]
    private static partial Regex OtherException();

    /// <summary>DuckDB's catch-all error type: says nothing more than "error".</summary>
    private const string InvalidErrorPrefix = "Invalid Error: ";

    public static string Of(Exception exception) => Plain(exception.Message);

    public static string Plain(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        if (line.StartsWith(InvalidErrorPrefix, StringComparison.Ordinal)) line = line[InvalidErrorPrefix.Length..];
        line = ThriftException().Replace(line, "invalid Thrift metadata (corrupt footer or page header): ");
        line = OtherException().Replace(line, "");
        return line.Length == 0 ? "DuckDB could not read it" : line;
    }
}
