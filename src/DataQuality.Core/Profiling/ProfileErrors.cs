using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Profiling;

/// <summary>The profiler's stable diagnostic codes (DQ5000–DQ5999); listed in docs/profiling.md.</summary>
public static class ProfileErrors
{
    public const string NotParquet = "DQ5001";
    public const string Encrypted = "DQ5002";
    public const string CorruptData = "DQ5003";
    public const string UnsupportedFeature = "DQ5004";
    public const string ChunkTooLarge = "DQ5005";
    public const string UnknownColumn = "DQ5006";
    public const string BadProfileJson = "DQ5007";
    public const string FileNotFound = "DQ5008";
    public const string NoFiles = "DQ5009";
    public const string IncomparableColumns = "DQ5010";
    public const string HivePartitionMismatch = "DQ5011";
    /// <summary>A reading limit (DQ_MAX_PAGE_SIZE) that is not a size or out of range.</summary>
    public const string InvalidLimit = "DQ5012";

    internal static InputException For(string code, string file, string message, Exception? inner = null) =>
        new(code, message, new SourceLocation(file), inner);
}
