using System.Text.Json.Serialization;

namespace DataQuality.Core.Benchmarking;

/// <summary>checkpoint.json's metadata, generated at compile time (dq ships as a NativeAOT executable): camelCase, indented.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(BenchCheckpoint.Stored))]
internal sealed partial class BenchCheckpointJsonContext : JsonSerializerContext;
