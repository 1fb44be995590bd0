namespace DataQuality.Core.History;

/// <summary>Stable codes for the metric history (DQ8000–DQ8999).</summary>
public static class HistoryErrorCodes
{
    /// <summary>The history location cannot be used (not a directory, cannot be created or written).</summary>
    public const string Unusable = "DQ8001";

    /// <summary>A history line or object is not a run record.</summary>
    public const string MalformedRecord = "DQ8002";

    /// <summary>The history file stayed locked by another writer for too long.</summary>
    public const string LockTimeout = "DQ8003";

    /// <summary>A history check runs without a history store (no <c>--history</c>).</summary>
    public const string NoStore = "DQ8010";

    /// <summary>A history check's kwargs are invalid (unknown metric or method, no bound).</summary>
    public const string BadArguments = "DQ8011";
}
