namespace DataQuality.Core;

/// <summary>Process exit codes shared by the CLI and every report (documented in README.md).</summary>
public static class ExitCodes
{
    public const int Passed = 0;
    public const int ChecksFailed = 1;
    public const int UsageOrInputError = 2;
    public const int InternalError = 3;
}
