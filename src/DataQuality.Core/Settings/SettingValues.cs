using System.Globalization;
using System.Text.RegularExpressions;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Settings;

/// <summary>
/// The one place where option and environment values are checked: each reader names the flag or
/// variable it read (<c>--threads</c>, <c>DQ_THREADS</c>), and a value out of range or of the wrong
/// form is an input error (exit 2) naming it, never an engine error or a silently ignored setting.
/// </summary>
public static partial class SettingValues
{
    /// <summary>An option or environment variable with a value dq cannot use.</summary>
    public const string InvalidCode = "DQ1040";

    /// <summary>The most threads a value may ask for; larger values are rejected (DuckDB aborts on some).</summary>
    public const int MaxThreadsAccepted = 1024;

    /// <summary>Threads actually used at most: four per core; a larger valid value is lowered to this.</summary>
    public static int ThreadCap => 4 * Environment.ProcessorCount;

    /// <summary>A thread count from <paramref name="name"/>: 1..1024 accepted, then capped at <see cref="ThreadCap"/>.</summary>
    public static int Threads(int value, string name)
    {
        if (value is < 1 or > MaxThreadsAccepted)
            throw new InputException(InvalidCode, $"{name} must be a whole number from 1 to {MaxThreadsAccepted} (threads are capped at 4 per core, {ThreadCap} here); got {value.ToString(CultureInfo.InvariantCulture)}.");
        return Math.Min(value, ThreadCap);
    }

    /// <summary>A thread count written as text (an environment variable).</summary>
    public static int Threads(string text, string name) =>
        Threads(Integer(text, name, 1, MaxThreadsAccepted), name);

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], under <paramref name="code"/>.</summary>
    public static int Integer(string text, string name, int min, int max, string code = InvalidCode)
    {
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        throw new InputException(code, $"{name} must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}; got '{text}'.");
    }

    /// <summary>A DuckDB memory limit: a number with a unit (<c>4GB</c>, <c>512MiB</c>) or a percentage of RAM (<c>80%</c>).</summary>
    public static string MemoryLimit(string text, string name)
    {
        var trimmed = text.Trim();
        if (MemoryLimitPattern().IsMatch(trimmed)) return trimmed;
        throw new InputException(InvalidCode, $"{name} must be a size such as 4GB, 512MiB or 80% (of the machine's memory); got '{text}'.");
    }

    [GeneratedRegex(@"^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB|%)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MemoryLimitPattern();
}
