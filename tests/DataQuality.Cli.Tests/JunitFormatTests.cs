using System.Xml.Linq;
using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using DataQuality.Core.Checks;
using DataQuality.Core.Datasets;
using DataQuality.Core.Reporting;
using DataQuality.Reports.Input;

namespace DataQuality.Cli.Tests;

/// <summary>
/// <c>--format junit</c> renders the same result model as JSON, Markdown and the HTML page: every
/// testcase is a check under the name the other formats use, and every failure, error and warning
/// carries the message the other formats show for that check.
/// </summary>
public sealed class JunitFormatTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Testcase_names_and_messages_are_the_json_results_names_and_messages()
    {
        var data = _dir.Combine("orders.parquet");
        using (var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 }))
            db.Execute($"COPY (SELECT i AS order_id, i * 10.0 AS amount, CASE WHEN i % 2 = 0 THEN 'open' ELSE 'closed' END AS status FROM range(1, 101) r(i)) TO {SqlText.Literal(data)} (FORMAT parquet)");
        var suite = _dir.Write("orders.yaml", """
            suite: orders
            primary_key: [order_id]
            expectations:
              - expect_column_values_to_not_be_null: { column: order_id }
              - expect_column_values_to_be_in_set: { column: status, value_set: [open] }
              - expect_column_mean_to_be_between: { column: amount, max_value: 100 }
              - expect_column_values_to_be_between: { column: amount, max_value: 500 }
                severity: warn
              - expect_column_values_to_be_unique: { column: no_such_column }
            """);
        var xmlPath = _dir.Combine("junit.xml");
        var htmlPath = _dir.Combine("report.html");

        var junit = await CliRunner.RunAsync("validate", "--suite", suite, "--data", data, "--format", "junit", "--output", xmlPath, "--html", htmlPath);
        var json = await CliRunner.RunAsync("validate", "--suite", suite, "--data", data, "--format", "json");
        var markdown = await CliRunner.RunAsync("validate", "--suite", suite, "--data", data, "--format", "markdown");

        junit.ExitCode.Should().Be(ExitCodes.ChecksFailed, junit.Error);
        json.ExitCode.Should().Be(ExitCodes.ChecksFailed, json.Error);
        var expected = ValidationJsonReader.Read(json.Out, "stdout").Should().ContainSingle().Subject.Results;
        expected.Select(r => r.Status).Should().Equal(CheckStatus.Passed, CheckStatus.Failed, CheckStatus.Failed, CheckStatus.Warned, CheckStatus.Error);

        var suiteElement = XDocument.Load(xmlPath).Root!.Elements("testsuite").Should().ContainSingle().Subject;
        suiteElement.Attribute("tests")!.Value.Should().Be("5");
        suiteElement.Attribute("failures")!.Value.Should().Be("2");
        suiteElement.Attribute("errors")!.Value.Should().Be("1");
        var cases = suiteElement.Elements("testcase").ToList();
        cases.Select(c => c.Attribute("name")!.Value).Should().Equal(expected.Select(r => r.Expectation.DisplayName));
        cases.Should().OnlyContain(c => c.Attribute("file")!.Value == suite && int.Parse(c.Attribute("line")!.Value) > 0, "each check points at its suite line");
        for (var i = 0; i < cases.Count; i++)
        {
            var message = ValidationRenderer.Detail(expected[i]);
            var (element, text) = expected[i].Status switch
            {
                CheckStatus.Failed => ("failure", cases[i].Element("failure")?.Attribute("message")?.Value),
                CheckStatus.Error => ("error", cases[i].Element("error")?.Attribute("message")?.Value),
                CheckStatus.Warned => ("system-out", cases[i].Element("system-out")?.Value),
                _ => ("", null),
            };
            if (element.Length == 0)
            {
                cases[i].Elements().Should().BeEmpty("a passed check is a bare testcase");
                continue;
            }
            message.Should().NotBeEmpty();
            text.Should().Be(element == "system-out" ? "WARNING: " + message : message, cases[i].Attribute("name")!.Value);
            // The Markdown table and the HTML page's findings show the same line for the same check.
            markdown.Out.Should().Contain($"| {expected[i].Expectation.DisplayName} | ").And.Contain(message);
            File.ReadAllText(htmlPath).Should().Contain(message.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;"));
        }
        cases[1].Element("failure")!.Attribute("message")!.Value.Should().StartWith("50 unexpected of 100 non-missing rows (50%) e.g. \"closed\"");
        cases[4].Element("error")!.Attribute("message")!.Value.Should().StartWith("DQ").And.Contain("no_such_column");
    }
}
