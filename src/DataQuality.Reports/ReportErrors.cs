namespace DataQuality.Reports;

/// <summary>DQ85xx: inputs of <c>dq report</c> (result files that are missing or not what they claim to be).</summary>
public static class ReportErrors
{
    /// <summary>A result file named on the command line does not exist or cannot be read.</summary>
    public const string FileNotFound = "DQ8501";

    /// <summary>A result file is not valid JSON, or not the kind of result its option says (validation, profile, comparison, bench).</summary>
    public const string BadResultJson = "DQ8502";

    /// <summary><c>dq report</c> was given no input at all.</summary>
    public const string NoInputs = "DQ8503";

    /// <summary>The HTML file (<c>--output</c> of dq report, <c>--html</c> elsewhere) cannot be written.</summary>
    public const string CannotWrite = "DQ8504";
}
