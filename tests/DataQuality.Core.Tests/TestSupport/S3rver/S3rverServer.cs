using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using DataQuality.Core.Storage;

namespace DataQuality.Core.Tests.TestSupport.S3rver;

/// <summary>
/// A real S3-compatible server (npm <c>s3rver</c>, version pinned by package.json and package-lock.json
/// beside this file) on a free loopback port. The first start installs it with <c>npm ci</c> into a
/// cache folder keyed by the lock file's hash (<c>$DQ_S3RVER_HOME</c>, default
/// <c>&lt;temp&gt;/dq-s3rver/&lt;hash&gt;</c>), guarded by a lock file so parallel test processes install once.
/// Node exits when our stdin pipe closes, so a crashed test host leaves no server behind.
/// No test framework here: other test projects import S3rver.props to reuse it.
/// </summary>
public sealed class S3rverServer : IAsyncDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private readonly Process _process;
    private readonly string _dataDirectory;

    private S3rverServer(Process process, string dataDirectory, int port)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        Port = port;
    }

    public int Port { get; }

    public string EndpointUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Options that reach this server with its fixed keys; tests vary the rest with <c>with</c>.</summary>
    public S3StorageOptions Options(string? cacheDirectory = null) => new()
    {
        EndpointUrl = EndpointUrl,
        AccessKeyId = AccessKey,
        SecretAccessKey = SecretKey,
        CacheDirectory = cacheDirectory,
        MaxRetries = 2,
        RequestTimeout = TimeSpan.FromSeconds(30),
    };

    public IAmazonS3 CreateClient() => S3ClientFactory.Create(Options());

    /// <summary>Creates a bucket with a unique name (tests share one server) and returns the name.</summary>
    public async Task<string> CreateBucketAsync(string hint, CancellationToken cancellationToken)
    {
        var prefix = new string(hint.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray());
        var name = $"{(prefix.Length == 0 ? "b" : prefix)}-{Guid.NewGuid():N}"; // at most 63 characters
        using var client = CreateClient();
        await client.PutBucketAsync(new PutBucketRequest { BucketName = name }, cancellationToken).ConfigureAwait(false);
        return name;
    }

    public static async Task<S3rverServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var home = await InstallAsync(cancellationToken).ConfigureAwait(false);
        var data = Path.Combine(Path.GetTempPath(), "dq-s3rver-data", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        const string script =
            "const S3rver = require(process.argv[1]);" +
            "process.stdin.on('end', () => process.exit(0)); process.stdin.on('data', () => {}); process.stdin.resume();" +
            "const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: process.argv[2] });" +
            // s3rver 3.7.1 decodes x-amz-copy-source with decodeURI, which keeps %2F and %3D; real S3 (and the
            // AWS SDK, which encodes them) decode the whole value. Re-encode so s3rver's decodeURI yields the key.
            "server.middleware.unshift((ctx, next) => { const v = ctx.req.headers['x-amz-copy-source'];" +
            " if (v) ctx.req.headers['x-amz-copy-source'] = encodeURI(decodeURIComponent(v)); return next(); });" +
            "server.run()" +
            ".then(({ address, port }) => console.log('S3rver listening on ' + address + ':' + port))" +
            ".catch(e => { console.error(e); process.exit(1); });";
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // s3rver signs list continuation tokens with DES, which OpenSSL 3 (Node 17+) only has in its legacy provider.
        start.ArgumentList.Add("--openssl-legacy-provider");
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(Path.Combine(home, "node_modules", "s3rver"));
        start.ArgumentList.Add(data);
        Process process;
        try
        {
            process = StartOrExplain(start);
        }
        catch
        {
            Directory.Delete(data, recursive: true);
            throw;
        }

        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            string? line;
            try
            {
                line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Directory.Delete(data, recursive: true);
                throw new InvalidOperationException($"s3rver did not report its port within 60 s. stderr: {stderr}");
            }
            if (line is null)
            {
                var exit = process.WaitForExit(5000) ? process.ExitCode : -1;
                Directory.Delete(data, recursive: true);
                throw new InvalidOperationException($"s3rver exited before listening (exit code {exit}). stderr: {stderr}");
            }
            const string marker = "S3rver listening on ";
            if (line.StartsWith(marker, StringComparison.Ordinal))
            {
                var port = int.Parse(line[(line.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                _ = DrainAsync(process.StandardOutput);
                return new S3rverServer(process, data, port);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close(); // node exits on stdin end
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try { await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        catch (InvalidOperationException) { } // already gone
        _process.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Installs the pinned s3rver once per lock-file content; returns the folder holding node_modules.</summary>
    private static async Task<string> InstallAsync(CancellationToken cancellationToken)
    {
        var sourceDirectory = Path.Combine(AppContext.BaseDirectory, "s3rver");
        var packageJson = Path.Combine(sourceDirectory, "package.json");
        var packageLock = Path.Combine(sourceDirectory, "package-lock.json");
        if (!File.Exists(packageJson) || !File.Exists(packageLock))
            throw new InvalidOperationException($"s3rver/package.json and package-lock.json are missing from {AppContext.BaseDirectory}; import TestSupport/S3rver/S3rver.props in the test project.");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(File.ReadAllText(packageJson) + File.ReadAllText(packageLock))))[..16];
        var root = Environment.GetEnvironmentVariable("DQ_S3RVER_HOME") is { Length: > 0 } configured ? configured : Path.Combine(Path.GetTempPath(), "dq-s3rver");
        var home = Path.Combine(root, hash);
        var entry = Path.Combine(home, "node_modules", "s3rver", "lib", "s3rver.js");
        if (File.Exists(entry)) return home;

        Directory.CreateDirectory(root);
        await using var gate = await AcquireLockAsync(Path.Combine(root, hash + ".lock"), cancellationToken).ConfigureAwait(false);
        if (File.Exists(entry)) return home; // another process installed it while we waited

        var staging = Path.Combine(root, $"{hash}.staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        File.Copy(packageJson, Path.Combine(staging, "package.json"));
        File.Copy(packageLock, Path.Combine(staging, "package-lock.json"));
        var npm = new ProcessStartInfo("npm") { WorkingDirectory = staging, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund", "--ignore-scripts" }) npm.ArgumentList.Add(arg);
        using var process = StartOrExplain(npm);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("npm ci for s3rver did not finish within 5 minutes (is the npm registry reachable?).");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"npm ci for s3rver failed with exit code {process.ExitCode}:\n{await output.ConfigureAwait(false)}\n{await error.ConfigureAwait(false)}");
        if (Directory.Exists(home)) Directory.Delete(home, recursive: true); // a broken earlier install
        Directory.Move(staging, home);
        return home;
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(6);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"The S3 tests need Node.js and npm on PATH to run the s3rver test server ('{start.FileName}' could not be started: {ex.Message}). " +
                "Install Node.js 18 or newer with npm (Debian/Ubuntu: apt-get install nodejs npm; or https://nodejs.org), then run dotnet test again.", ex);
        }
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        try { while (await reader.ReadLineAsync().ConfigureAwait(false) is not null) { } }
        catch (IOException) { } catch (ObjectDisposedException) { }
    }
}
