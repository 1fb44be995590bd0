using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DataQuality.Core.Tests.TestSupport.S3rver;

/// <summary>What the proxy does to one request.</summary>
public enum Fault
{
    None,
    /// <summary>Close the connection without an answer (a connection reset as the client sees it).</summary>
    Drop,
    Status500,
    Status503,
    /// <summary>Forward, then send the headers and only half of the body before closing.</summary>
    TruncateBody,
}

/// <summary>One request as the proxy saw it; <see cref="Index"/> counts from 0 across the proxy's life.</summary>
public sealed record ProxiedRequest(int Index, string Method, string Path, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// An HTTP/1.1 proxy on a free loopback port in front of a server (s3rver), injecting faults chosen
/// per request by <see cref="Policy"/>. It handles one request per connection (it forces
/// <c>Connection: close</c>), which is all a test needs and keeps the parsing small.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _upstreamPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private int _requests;
    private int _faults;

    public FaultProxy(int upstreamPort, Func<ProxiedRequest, Fault> policy)
    {
        _upstreamPort = upstreamPort;
        Policy = policy;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public Func<ProxiedRequest, Fault> Policy { get; set; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string EndpointUrl => $"http://127.0.0.1:{Port}";

    public int Requests => Volatile.Read(ref _requests);

    public int FaultsInjected => Volatile.Read(ref _faults);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            catch (SocketException) { return; }
            _ = HandleAsync(client);
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var head = await ReadHeadAsync(stream).ConfigureAwait(false);
            if (head is null) return;
            var lines = Encoding.ASCII.GetString(head).Split("\r\n");
            var requestLine = lines[0].Split(' ');
            var headers = lines.Skip(1).Where(l => l.Contains(':'))
                .Select(l => (Name: l[..l.IndexOf(':')].Trim(), Value: l[(l.IndexOf(':') + 1)..].Trim()))
                .GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase);
            var request = new ProxiedRequest(Interlocked.Increment(ref _requests) - 1, requestLine[0], requestLine.Length > 1 ? requestLine[1] : "/", headers);
            var fault = Policy(request);
            if (fault != Fault.None) Interlocked.Increment(ref _faults);

            if (headers.TryGetValue("Expect", out var expect) && expect.Equals("100-continue", StringComparison.OrdinalIgnoreCase) && fault is Fault.None or Fault.TruncateBody)
                await stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), _stop.Token).ConfigureAwait(false);
            if (headers.ContainsKey("Transfer-Encoding"))
                throw new NotSupportedException("The fault proxy handles Content-Length bodies only.");
            var body = headers.TryGetValue("Content-Length", out var lengthText) && long.TryParse(lengthText, out var length) && length > 0
                ? await ReadExactlyAsync(stream, length, fault is Fault.Drop or Fault.Status500 or Fault.Status503).ConfigureAwait(false)
                : [];

            switch (fault)
            {
                case Fault.Drop:
                    client.Client.LingerState = new LingerOption(true, 0); // RST, like a dropped connection
                    return;
                case Fault.Status500:
                    await WriteErrorAsync(stream, 500, "Internal Server Error", "InternalError").ConfigureAwait(false);
                    return;
                case Fault.Status503:
                    await WriteErrorAsync(stream, 503, "Slow Down", "SlowDown").ConfigureAwait(false);
                    return;
            }

            var response = await ForwardAsync(lines, body).ConfigureAwait(false);
            var headEnd = IndexOf(response, "\r\n\r\n"u8) + 4;
            var responseHead = ForceClose(Encoding.ASCII.GetString(response, 0, headEnd));
            await stream.WriteAsync(Encoding.ASCII.GetBytes(responseHead), _stop.Token).ConfigureAwait(false);
            var bodyLength = response.Length - headEnd;
            var send = fault == Fault.TruncateBody ? bodyLength / 2 : bodyLength;
            await stream.WriteAsync(response.AsMemory(headEnd, send), _stop.Token).ConfigureAwait(false);
            await stream.FlushAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            // the client gave up on this connection; nothing to do
        }
    }

    private async Task<byte[]> ForwardAsync(string[] lines, byte[] body)
    {
        using var upstream = new TcpClient();
        await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stop.Token).ConfigureAwait(false);
        var stream = upstream.GetStream();
        var head = new StringBuilder(lines[0]).Append("\r\n");
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var name = line[..Math.Max(0, line.IndexOf(':'))].Trim();
            if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase) || name.Equals("Expect", StringComparison.OrdinalIgnoreCase)) continue;
            head.Append(line).Append("\r\n");
        }
        head.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token).ConfigureAwait(false);
        await stream.WriteAsync(body, _stop.Token).ConfigureAwait(false);
        using var all = new MemoryStream();
        await stream.CopyToAsync(all, _stop.Token).ConfigureAwait(false);
        return all.ToArray();
    }

    private async Task WriteErrorAsync(NetworkStream stream, int status, string reason, string code)
    {
        var body = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>injected by FaultProxy</Message><RequestId>fault</RequestId></Error>");
        var head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/xml\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token).ConfigureAwait(false);
        await stream.WriteAsync(body, _stop.Token).ConfigureAwait(false);
    }

    private static string ForceClose(string head)
    {
        var lines = head.Split("\r\n").Where(l => l.Length > 0 && !l.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase) && !l.StartsWith("Keep-Alive:", StringComparison.OrdinalIgnoreCase));
        return string.Join("\r\n", lines) + "\r\nConnection: close\r\n\r\n";
    }

    private async Task<byte[]?> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new List<byte>(1024);
        var one = new byte[1];
        while (true)
        {
            var read = await stream.ReadAsync(one, _stop.Token).ConfigureAwait(false);
            if (read == 0) return null;
            buffer.Add(one[0]);
            var n = buffer.Count;
            if (n >= 4 && buffer[n - 4] == '\r' && buffer[n - 3] == '\n' && buffer[n - 2] == '\r' && buffer[n - 1] == '\n')
                return buffer.ToArray();
            if (n > 64 * 1024) throw new IOException("request head too long");
        }
    }

    private async Task<byte[]> ReadExactlyAsync(NetworkStream stream, long length, bool bestEffort)
    {
        var body = new byte[length];
        var offset = 0;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        if (bestEffort) timeout.CancelAfter(TimeSpan.FromSeconds(2)); // a client waiting on 100-continue sends nothing
        try
        {
            while (offset < length)
            {
                var read = await stream.ReadAsync(body.AsMemory(offset), timeout.Token).ConfigureAwait(false);
                if (read == 0) break;
                offset += read;
            }
        }
        catch (OperationCanceledException) when (bestEffort && !_stop.IsCancellationRequested) { }
        return body;
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try { await _acceptLoop.ConfigureAwait(false); } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
