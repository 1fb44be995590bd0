using System.ComponentModel;
using DataQuality.Core.Checks;
using DataQuality.Core.Reporting;
using Xunit;

namespace DataQuality.Xunit.Sdk;

/// <summary>The one rule for turning a check result into a test outcome, shared by generated rows and hand-written assertions.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CheckOutcome
{
    /// <summary>Passed: nothing. Warned: a test warning, the test passes. Failed or not evaluable: the test fails with the full message.</summary>
    public static void Apply(string display, ExpectationResult result, IReadOnlyList<string> primaryKey)
    {
        switch (result.Status)
        {
            case CheckStatus.Passed:
                return;
            case CheckStatus.Warned:
                TestContext.Current.AddWarning(CheckMessage.Format(display, result, primaryKey, DataQualitySettings.ShowSql));
                return;
            default:
                throw new CheckFailedException(CheckMessage.Format(display, result, primaryKey, DataQualitySettings.ShowSql));
        }
    }
}
