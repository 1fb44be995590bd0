using System.Text.Json.Nodes;
using DataQuality.Core.Datasets;
using DataQuality.Core.Profiling;
using DataQuality.Core.Tests.TestSupport;
using DataQuality.Core.Yaml;

namespace DataQuality.Core.Tests.Profiling;

/// <summary>
/// A drafted contract lists a text column's values as text. Written unquoted, '1', 'true', 'null', '~' and '.nan'
/// read back as a number, a boolean, null and NaN, so the contract would describe other data than was profiled.
/// </summary>
public sealed class SuggestedTextValuesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Text_values_that_look_like_numbers_booleans_or_null_are_written_as_text()
    {
        string[] texts = ["1", "true", "null", "~", ".nan", "2.50", "ok", "it's", "a: b"];
        var file = _dir.Combine("t.parquet");
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        var values = string.Join(", ", texts.Select(t => $"({SqlText.Literal(t)})"));
        db.Execute($"COPY (SELECT v FROM (VALUES {values}) t(v), range(5)) TO {SqlText.Literal(file)} (FORMAT parquet)");
        var relation = $"read_parquet({SqlText.Literal(file)})";

        var profile = await ParquetProfiler.ProfileFileAsync(file, cancellationToken: TestContext.Current.CancellationToken);
        var yaml = ContractSuggester.SuggestYaml(profile, "t", relation, db);

        var root = YamlJson.Load(yaml, "t.odcs.yaml").Root!;
        var validValues = root["schema"]?[0]?["properties"]?[0]?["quality"]?[0]?["arguments"]?["validValues"] as JsonArray;
        validValues.Should().NotBeNull(yaml);
        validValues!.Select(v => v is JsonValue value && value.TryGetValue<string>(out var s) ? s : $"<{v?.ToJsonString() ?? "null"}>")
            .Should().BeEquivalentTo(texts, because: yaml);
    }
}
