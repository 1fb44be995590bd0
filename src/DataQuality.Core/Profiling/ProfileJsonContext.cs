using System.Text.Json.Serialization;

namespace DataQuality.Core.Profiling;

/// <summary>
/// The profile's JSON metadata, generated at compile time: dq ships as a NativeAOT executable, where the
/// reflection-based serializer cannot run. <see cref="ProfileJson.Options"/> supplies the naming, number and
/// escaping rules; the sketches keep their own converters.
/// </summary>
[JsonSourceGenerationOptions(Converters = [typeof(ProfileJson.HyperLogLogConverter), typeof(ProfileJson.KllConverter)])]
[JsonSerializable(typeof(DatasetProfile))]
[JsonSerializable(typeof(ProfileJson.KllConverter.State))]
internal sealed partial class ProfileJsonContext : JsonSerializerContext;
