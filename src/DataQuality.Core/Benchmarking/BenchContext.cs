using System.Text.Json;

namespace DataQuality.Core.Benchmarking;

/// <summary>
/// What a bench run was, fixed before anything runs and kept as <c>&lt;namespace&gt;/&lt;bench id&gt;/manifest.json</c>:
/// enough to tell later which code ran on which data with which command on which machine.
/// </summary>
public sealed record BenchContext
{
    public required string BenchId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string Client { get; init; }
    public required string Env { get; init; }
    public required IReadOnlyList<string> Partition { get; init; }
    public required string Outputs { get; init; }
    public required string Namespace { get; init; }
    public required string Layout { get; init; }
    public required IReadOnlyList<string> Layers { get; init; }
    public required string Command { get; init; }
    public required BranchCheckout Base { get; init; }
    public required BranchCheckout Head { get; init; }
    public required int Repeat { get; init; }
    public required string DqVersion { get; init; }
    public required int Cores { get; init; }
    public required long MemoryBytes { get; init; }

    /// <summary><c>yyyyMMdd-HHmmss-client-value</c> (UTC); only letters, digits, '-', '_' and '.'.</summary>
    public static string NewId(DateTimeOffset now, string client, IReadOnlyList<string> partition)
    {
        var values = string.Join('-', partition.Select(p => p[(p.IndexOf('=') + 1)..]));
        return GitWorktrees.FolderName($"{now.UtcDateTime:yyyyMMdd-HHmmss}-{client}-{values}");
    }

    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("benchId", BenchId);
        w.WriteString("startedAt", StartedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("client", Client);
        w.WriteString("env", Env);
        w.WriteStartArray("partition");
        foreach (var p in Partition) w.WriteStringValue(p);
        w.WriteEndArray();
        w.WriteString("outputs", Outputs);
        w.WriteString("namespace", Namespace);
        w.WriteString("layout", Layout);
        w.WriteStartArray("layers");
        foreach (var l in Layers) w.WriteStringValue(l);
        w.WriteEndArray();
        w.WriteString("command", Command);
        foreach (var b in new[] { Base, Head })
        {
            w.WriteStartObject(b.Label);
            w.WriteString("branch", b.Branch);
            w.WriteString("commit", b.Commit);
            w.WriteEndObject();
        }
        w.WriteNumber("repeat", Repeat);
        w.WriteString("dqVersion", DqVersion);
        w.WriteStartObject("machine");
        w.WriteNumber("cores", Cores);
        w.WriteNumber("memoryBytes", MemoryBytes);
        w.WriteString("os", System.Runtime.InteropServices.RuntimeInformation.OSDescription);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static BenchContext Read(JsonElement e)
    {
        static IReadOnlyList<string> List(JsonElement e, string name) =>
            e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
        static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        BranchCheckout Branch(string label) => e.TryGetProperty(label, out var b)
            ? new BranchCheckout(label, Text(b, "branch"), Text(b, "commit"), "")
            : new BranchCheckout(label, "", "", "");
        var machine = e.TryGetProperty("machine", out var m) ? m : default;
        return new BenchContext
        {
            BenchId = Text(e, "benchId"),
            StartedAt = DateTimeOffset.TryParse(Text(e, "startedAt"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t) ? t : default,
            Client = Text(e, "client"),
            Env = Text(e, "env"),
            Partition = List(e, "partition"),
            Outputs = Text(e, "outputs"),
            Namespace = Text(e, "namespace"),
            Layout = Text(e, "layout"),
            Layers = List(e, "layers"),
            Command = Text(e, "command"),
            Base = Branch("base"),
            Head = Branch("head"),
            Repeat = e.TryGetProperty("repeat", out var r) && r.TryGetInt32(out var n) ? n : 0,
            DqVersion = Text(e, "dqVersion"),
            Cores = machine.ValueKind == JsonValueKind.Object && machine.TryGetProperty("cores", out var c) && c.TryGetInt32(out var cores) ? cores : 0,
            MemoryBytes = machine.ValueKind == JsonValueKind.Object && machine.TryGetProperty("memoryBytes", out var mb) && mb.TryGetInt64(out var bytes) ? bytes : 0,
        };
    }
}
