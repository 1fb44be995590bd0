using System.Text.Json.Nodes;
using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;
using DataQuality.Core.Datasets;

namespace DataQuality.Cli.Tests;

/// <summary>
/// <c>dq compare</c> of two data files, the first thing a newcomer tries (datacompy compares two frames): before,
/// it answered "Output tree not found: 'old.parquet' is not a directory".
/// </summary>
public sealed class CompareFilesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Two_files_compare_as_one_entity_named_after_the_base_file_with_thresholds()
    {
        var old = _dir.Combine("orders.parquet");
        var head = _dir.Combine("orders_feature.parquet");
        using (var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 }))
        {
            db.Execute($"COPY (SELECT i AS id, i * 1.5 AS amount FROM range(100) t(i)) TO {SqlText.Literal(old)} (FORMAT parquet)");
            db.Execute($"COPY (SELECT i AS id, CASE WHEN i IN (3, 4) THEN -1.0 ELSE i * 1.5 END AS amount FROM range(1, 101) t(i)) TO {SqlText.Literal(head)} (FORMAT parquet)");
        }

        var run = await CliRunner.RunAsync("compare", "--base", old, "--head", head, "--key", "orders=id", "--format", "json", "--quiet");

        run.ExitCode.Should().Be(ExitCodes.Passed, run.Error);
        var entity = JsonNode.Parse(run.Out)!["entities"]!.AsArray().Single()!;
        entity["name"]!.GetValue<string>().Should().Be("orders");
        var rows = entity["rows"]!;
        (rows["added"]!["rows"]!.GetValue<long>(), rows["removed"]!["rows"]!.GetValue<long>(), rows["changed"]!["rows"]!.GetValue<long>()).Should().Be((1L, 1L, 2L));

        run = await CliRunner.RunAsync("compare", "--base", old, "--head", head, "--key", "id", "--max-changed-rows", "3", "--quiet");
        run.ExitCode.Should().Be(ExitCodes.ChecksFailed, run.Out + run.Error);

        run.Out.Should().Contain("### Keys: `id`");

        run = await CliRunner.RunAsync("compare", "--base", _dir.Path, "--head", _dir.Path, "--key", "id", "--quiet");
        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Should().Contain("DQ6005").And.Contain("--key 'id' names no entity; that is for comparing two files");

        run = await CliRunner.RunAsync("compare", "--base", old, "--head", _dir.Path, "--quiet");
        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Should().Contain("DQ6005").And.Contain("both be output trees (folders) or both be data files");
    }
}
