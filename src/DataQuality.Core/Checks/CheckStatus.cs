namespace DataQuality.Core.Checks;

/// <summary>One check's outcome. A warn-severity failure is <see cref="Warned"/>; a check that could not be evaluated is <see cref="Error"/>.</summary>
public enum CheckStatus
{
    Passed,
    Warned,
    Failed,
    Error,
}
