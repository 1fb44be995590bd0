using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Profiling.Sketches;

namespace DataQuality.Core.Profiling;

/// <summary>
/// Versioned JSON for profiles (System.Text.Json, camelCase, indented). Sketch state is stored
/// compactly: HyperLogLog registers deflated then base64, KLL levels as base64 little-endian doubles.
/// The output is a pure function of the profile, so the same data gives byte-identical JSON.
/// </summary>
public static class ProfileJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new HyperLogLogConverter());
        options.Converters.Add(new KllConverter());
        // Compile-time metadata (ProfileJsonContext), not reflection: dq ships as a NativeAOT executable.
        options.TypeInfoResolver = ProfileJsonContext.Default;
        options.MakeReadOnly();
        return options;
    }

    public static string Serialize(DatasetProfile profile) => JsonSerializer.Serialize(profile, ProfileType);

    private static JsonTypeInfo<DatasetProfile> ProfileType => (JsonTypeInfo<DatasetProfile>)Options.GetTypeInfo(typeof(DatasetProfile));

    /// <summary>Writes the profile under the output rule (<see cref="Files.OutputFile"/>): never over one of <paramref name="inputs"/>.</summary>
    public static Task WriteAsync(DatasetProfile profile, string path, CancellationToken cancellationToken = default, IEnumerable<string>? inputs = null) =>
        Files.OutputFile.WriteAsync(path, stream => JsonSerializer.SerializeAsync(stream, profile, ProfileType, cancellationToken), inputs);

    /// <summary>Reads a profile; <paramref name="source"/> names it in errors (DQ5007).</summary>
    public static DatasetProfile Deserialize(string json, string source = "profile.json")
    {
        int? version;
        try
        {
            using var doc = JsonDocument.Parse(json);
            version = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("formatVersion", out var v) && v.TryGetInt32(out var n) ? n : null;
        }
        catch (JsonException ex)
        {
            throw new InputException(ProfileErrors.BadProfileJson, $"Profile '{source}' is not valid JSON: {ex.Message}", new SourceLocation(source, (int?)ex.LineNumber + 1), ex);
        }
        if (version is null)
            throw new InputException(ProfileErrors.BadProfileJson, $"Profile '{source}' has no formatVersion; is it a dq profile?", new SourceLocation(source));
        if (version > DatasetProfile.CurrentFormatVersion || version < 1)
            throw new InputException(ProfileErrors.BadProfileJson, $"Profile '{source}' has formatVersion {version}; this dq reads version {DatasetProfile.CurrentFormatVersion}.", new SourceLocation(source));
        try
        {
            return JsonSerializer.Deserialize(json, ProfileType)
                ?? throw new InputException(ProfileErrors.BadProfileJson, $"Profile '{source}' is empty.", new SourceLocation(source));
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidDataException or FormatException)
        {
            throw new InputException(ProfileErrors.BadProfileJson, $"Profile '{source}' cannot be read: {ex.Message}", new SourceLocation(source), ex);
        }
    }

    public static async Task<DatasetProfile> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        Files.LocalFileTree.RequireRegularFile(path, () => new InputException(ProfileErrors.FileNotFound, $"Profile file '{path}' does not exist.", new SourceLocation(path)));
        return Deserialize(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);
    }

    internal sealed class HyperLogLogConverter : JsonConverter<HyperLogLog>
    {
        public override HyperLogLog Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var packed = Convert.FromBase64String(reader.GetString() ?? "");
            using var input = new DeflateStream(new MemoryStream(packed), CompressionMode.Decompress);
            var registers = new byte[HyperLogLog.RegisterCount];
            input.ReadExactly(registers);
            return new HyperLogLog(registers);
        }

        public override void Write(Utf8JsonWriter writer, HyperLogLog value, JsonSerializerOptions options)
        {
            using var output = new MemoryStream();
            using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
                deflate.Write(value.Registers);
            writer.WriteBase64StringValue(output.ToArray());
        }
    }

    internal sealed class KllConverter : JsonConverter<KllSketch>
    {
        internal sealed record State(int K, long Count, double Min, double Max, ulong Rng, List<string> Levels);

        public override KllSketch Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var state = JsonSerializer.Deserialize(ref reader, StateType(options)) ?? throw new JsonException("empty KLL state");
            var levels = state.Levels.Select(l => MemoryMarshal.Cast<byte, double>(Convert.FromBase64String(l)).ToArray());
            return KllSketch.FromState(state.K, state.Count, state.Min, state.Max, state.Rng, levels);
        }

        public override void Write(Utf8JsonWriter writer, KllSketch value, JsonSerializerOptions options)
        {
            var levels = value.Levels.Select(l => Convert.ToBase64String(MemoryMarshal.AsBytes(l.ToArray().AsSpan()))).ToList();
            JsonSerializer.Serialize(writer, new State(value.K, value.Count, value.Min, value.Max, value.RngState, levels), StateType(options));
        }

        private static JsonTypeInfo<State> StateType(JsonSerializerOptions options) => (JsonTypeInfo<State>)options.GetTypeInfo(typeof(State));
    }
}
