using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DataQuality.Cli.Tests.TestSupport;

/// <summary>
/// A real TCP endpoint on 127.0.0.1 that misbehaves the way broken S3 endpoints do: accepts connections
/// and never answers, or answers every request with a fixed HTTP response.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _held = [];
    private readonly Task _accepting;

    private LoopbackServer(string? response)
    {
        _listener.Start();
        _accepting = AcceptAsync(response);
    }

    public string EndpointUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Accepts TCP connections and never sends a byte.</summary>
    public static LoopbackServer Silent() => new(null);

    /// <summary>Answers every request with <paramref name="status"/> and <paramref name="body"/>, then closes the connection.</summary>
    public static LoopbackServer Answering(int status, string reason, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetByteCount(body);
        return new($"HTTP/1.1 {status} {reason}\r\nContent-Type: {contentType}\r\nContent-Length: {bytes}\r\nConnection: close\r\n\r\n{body}");
    }

    /// <summary>A port on 127.0.0.1 with nothing listening (bound, then released).</summary>
    public static string RefusingEndpointUrl()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return $"http://127.0.0.1:{port}";
    }

    private async Task AcceptAsync(string? response)
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                if (response is null)
                {
                    lock (_held) _held.Add(client);
                    continue;
                }
                _ = AnswerAsync(client, response);
            }
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { }
        catch (SocketException) { }
    }

    private async Task AnswerAsync(TcpClient client, string response)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[64 * 1024];
                var received = new StringBuilder();
                while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var n = await stream.ReadAsync(buffer, _stop.Token);
                    if (n == 0) return;
                    received.Append(Encoding.ASCII.GetString(buffer, 0, n));
                }
                await stream.WriteAsync(Encoding.UTF8.GetBytes(response), _stop.Token);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException) { }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_held)
            foreach (var client in _held) client.Dispose();
        _stop.Dispose();
    }
}
