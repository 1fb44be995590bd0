using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataQuality.Conformance.Tests.Reporting;

/// <summary>
/// The recorded pass counts (and passing case ids) the run must not fall below. Committed as
/// <c>conformance-floor.json</c>; raised by the developer after an improvement with
/// <c>DQ_CONFORMANCE_UPDATE_FLOOR=1</c>.
/// </summary>
public sealed record ConformanceFloor(
    [property: JsonPropertyName("neutral_passed")] int NeutralPassed,
    [property: JsonPropertyName("tagged_passed")] int TaggedPassed,
    [property: JsonPropertyName("passed_cases")] IReadOnlyList<string> PassedCases)
{
    public const string UpdateVariable = "DQ_CONFORMANCE_UPDATE_FLOOR";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ConformanceFloor Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Conformance floor '{path}' is missing; create it with {UpdateVariable}=1 dotnet test --project tests/DataQuality.Conformance.Tests.", path);
        return JsonSerializer.Deserialize<ConformanceFloor>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"Conformance floor '{path}' is empty.");
    }

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Options) + "\n");

    public static string UpdateHint =>
        $"Raise the floor: {UpdateVariable}=1 dotnet test --project tests/DataQuality.Conformance.Tests, then commit tests/DataQuality.Conformance.Tests/conformance-floor.json and docs/conformance.md.";
}
