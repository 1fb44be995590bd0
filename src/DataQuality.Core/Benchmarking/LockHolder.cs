using System.Diagnostics;
using System.Text.Json;

namespace DataQuality.Core.Benchmarking;

/// <summary>Who holds a bench lock: the bench, its user, host and process, when it started, and a token unique to this acquisition.</summary>
public sealed record LockHolder(string BenchId, string User, string Host, int Pid, string StartedAt, string Token)
{
    /// <summary>The holder ran on this machine and its process is gone: the lock is stale (a killed or crashed run).</summary>
    public bool IsGone => string.Equals(Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase) && Pid > 0 && !IsRunning(Pid);

    public string Describe() =>
        $"bench {BenchId} by {User} on host {Host} (pid {Pid}), started {StartedAt}" +
        (IsGone ? $"; process {Pid} is no longer running on this host, so the lock is stale" : "");

    public byte[] ToJson(string outputs, IReadOnlyList<string> partition)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("benchId", BenchId);
            w.WriteString("owner", $"{User}@{Host} pid {Pid}");
            w.WriteString("user", User);
            w.WriteString("host", Host);
            w.WriteNumber("pid", Pid);
            w.WriteString("startedAt", StartedAt);
            w.WriteString("token", Token);
            w.WriteString("outputs", outputs);
            w.WriteString("partition", string.Join(",", partition));
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static LockHolder Read(JsonElement e)
    {
        string Text(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "?";
        return new LockHolder(Text("benchId"), Text("user"), Text("host"), e.TryGetProperty("pid", out var p) && p.TryGetInt32(out var pid) ? pid : 0, Text("startedAt"), Text("token"));
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
