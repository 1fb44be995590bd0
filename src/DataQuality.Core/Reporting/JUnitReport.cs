using System.Xml.Linq;
using DataQuality.Core.Checks;

namespace DataQuality.Core.Reporting;

/// <summary>
/// Validation reports as JUnit XML, rendered from the same <see cref="ValidationReport"/>s the text,
/// Markdown, JSON and HTML outputs render (never from another format's text): one testsuite per
/// suite and dataset, one testcase per check named by its <see cref="Expectations.ExpectationConfig.DisplayName"/>,
/// and every failure, error and warning message is <see cref="ValidationRenderer.Detail"/>, the line the
/// other formats show for the same check.
/// </summary>
public static class JUnitReport
{
    public static string Render(IReadOnlyList<ValidationReport> reports)
    {
        var suites = new XElement("testsuites");
        foreach (var report in reports)
        {
            var s = report.Statistics;
            var suite = new XElement("testsuite",
                new XAttribute("name", $"{report.SuiteName} · {report.DatasetName}"),
                new XAttribute("tests", s.Evaluated),
                new XAttribute("failures", s.Failed),
                new XAttribute("errors", s.Errored),
                new XAttribute("skipped", 0));
            foreach (var r in report.Results) suite.Add(TestCase(report, r));
            suites.Add(suite);
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites).ToString() + "\n";
    }

    private static XElement TestCase(ValidationReport report, ExpectationResult r)
    {
        var testcase = new XElement("testcase", new XAttribute("classname", report.SuiteName), new XAttribute("name", r.Expectation.DisplayName));
        // Where the check was declared: CI test reporters link a failure to this file and line.
        if (r.Expectation.Location is { } at)
        {
            testcase.Add(new XAttribute("file", at.Path));
            if (at.Line is { } line) testcase.Add(new XAttribute("line", line));
        }
        var message = ValidationRenderer.Detail(r);
        switch (r.Status)
        {
            case CheckStatus.Failed:
                testcase.Add(new XElement("failure", new XAttribute("message", message), new XAttribute("type", r.Expectation.Type), ValidationRenderer.Observed(r)));
                break;
            case CheckStatus.Error:
                testcase.Add(new XElement("error", new XAttribute("message", message), new XAttribute("type", r.Exception?.Code ?? "error")));
                break;
            case CheckStatus.Warned:
                // JUnit has no warning status: a warn-severity failure passes, its message goes to the test's output.
                testcase.Add(new XElement("system-out", $"WARNING: {message}"));
                break;
        }
        return testcase;
    }
}
