using System.Collections;

namespace DataQuality.Core.Storage;

/// <summary>
/// How S3 is reached and cached. Everything is optional: by default the AWS default credential
/// chain and region apply, as for the AWS CLI. <see cref="FromEnvironment"/> reads the documented
/// environment overrides (docs/storage.md); <see cref="OverrideWith"/> layers command-line flags or a
/// contract's <c>endpointUrl</c> on top.
/// </summary>
public sealed record S3StorageOptions
{
    /// <summary>A custom endpoint (MinIO, s3rver, LocalStack, Ceph...), e.g. <c>http://127.0.0.1:9000</c>.</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>AWS region; with a custom endpoint it is only the signing region (default us-east-1).</summary>
    public string? Region { get; init; }

    /// <summary>A named profile from the shared credentials/config files.</summary>
    public string? Profile { get; init; }

    /// <summary>The shared credentials file to read <see cref="Profile"/> from (default ~/.aws/credentials).</summary>
    public string? CredentialsFile { get; init; }

    /// <summary>Static keys; prefer profiles or the default chain. Used by tests and the DQ_S3_ACCESS_KEY_ID override.</summary>
    public string? AccessKeyId { get; init; }

    public string? SecretAccessKey { get; init; }

    public string? SessionToken { get; init; }

    /// <summary>Path-style addressing (<c>endpoint/bucket/key</c>); default: on with a custom endpoint, off for AWS.</summary>
    public bool? ForcePathStyle { get; init; }

    /// <summary>Retries the SDK makes per request on 5xx, throttling and connection errors (standard mode, exponential backoff).</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>Attempts per object download when the body breaks off or fails verification.</summary>
    public int DownloadAttempts { get; init; } = 4;

    /// <summary>Per-request timeout.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Objects larger than this are fetched as parallel ranged GETs of <see cref="PartSize"/>.</summary>
    public long RangedDownloadThreshold { get; init; } = 8L << 20; // docs/benchmarks.md: ranged beat whole-object GETs for 16 MiB objects

    public long PartSize { get; init; } = 8L << 20;

    /// <summary>Files larger than this are uploaded as a multipart upload of <see cref="PartSize"/> parts (parallel).</summary>
    public long MultipartUploadThreshold { get; init; } = 64L << 20;

    /// <summary>Concurrent GET requests (objects and parts together).</summary>
    public int MaxConcurrentRequests { get; init; } = 8;

    /// <summary>Cache directory; default <c>$XDG_CACHE_HOME/dataquality/s3</c> or <c>~/.cache/dataquality/s3</c>.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The cache is trimmed to this size, least recently used first.</summary>
    public long CacheMaxBytes { get; init; } = 10L << 30;

    /// <summary>Download into a private temp directory that is deleted when the fetcher is disposed.</summary>
    public bool NoCache { get; init; }

    public static S3StorageOptions Default { get; } = new();

    public string ResolvedCacheDirectory => CacheDirectory ?? DefaultCacheDirectory();

    /// <summary>
    /// Reads AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL, AWS_REGION / AWS_DEFAULT_REGION, AWS_PROFILE,
    /// AWS_SHARED_CREDENTIALS_FILE, DQ_S3_PATH_STYLE, DQ_S3_MAX_RETRIES, DQ_CACHE_DIR, DQ_CACHE_MAX_SIZE, DQ_NO_CACHE.
    /// Access keys are left to the SDK's default chain (AWS_ACCESS_KEY_ID...), except DQ_S3_ACCESS_KEY_ID /
    /// DQ_S3_SECRET_ACCESS_KEY / DQ_S3_SESSION_TOKEN which pin keys for DataQuality alone.
    /// </summary>
    public static S3StorageOptions FromEnvironment(IDictionary? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariables();
        string? Get(string name) => environment[name] is string { Length: > 0 } value ? value.Trim() : null;

        var options = new S3StorageOptions
        {
            EndpointUrl = Get("AWS_ENDPOINT_URL_S3") ?? Get("AWS_ENDPOINT_URL"),
            Region = Get("AWS_REGION") ?? Get("AWS_DEFAULT_REGION"),
            Profile = Get("AWS_PROFILE"),
            CredentialsFile = Get("AWS_SHARED_CREDENTIALS_FILE"),
            AccessKeyId = Get("DQ_S3_ACCESS_KEY_ID"),
            SecretAccessKey = Get("DQ_S3_SECRET_ACCESS_KEY"),
            SessionToken = Get("DQ_S3_SESSION_TOKEN"),
            ForcePathStyle = Get("DQ_S3_PATH_STYLE") is { } pathStyle ? IsTrue(pathStyle) : null,
            CacheDirectory = Get("DQ_CACHE_DIR"),
            NoCache = Get("DQ_NO_CACHE") is { } noCache && IsTrue(noCache),
        };
        if (Get("DQ_S3_MAX_RETRIES") is { } retries)
            options = options with { MaxRetries = Settings.SettingValues.Integer(retries, "DQ_S3_MAX_RETRIES", 0, 20, StorageErrorCodes.InvalidOptions) };
        if (Get("DQ_CACHE_MAX_SIZE") is { } size)
            options = options with { CacheMaxBytes = ByteSize.Parse(size, "DQ_CACHE_MAX_SIZE") };
        return options;
    }

    /// <summary>Non-null values of <paramref name="overrides"/> win (flags over environment, contract over defaults).</summary>
    public S3StorageOptions OverrideWith(S3StorageOverrides overrides) => this with
    {
        EndpointUrl = overrides.EndpointUrl ?? EndpointUrl,
        Region = overrides.Region ?? Region,
        Profile = overrides.Profile ?? Profile,
        ForcePathStyle = overrides.ForcePathStyle ?? ForcePathStyle,
        CacheDirectory = overrides.CacheDirectory ?? CacheDirectory,
        CacheMaxBytes = overrides.CacheMaxBytes ?? CacheMaxBytes,
        NoCache = overrides.NoCache ?? NoCache,
    };

    private static bool IsTrue(string value) => value is "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase);

    private static string DefaultCacheDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var root = !string.IsNullOrEmpty(xdg) ? xdg
            : !string.IsNullOrEmpty(home) ? Path.Combine(home, ".cache")
            : Path.GetTempPath();
        return Path.Combine(root, "dataquality", "s3");
    }
}

/// <summary>
/// Optional settings from a more specific source (CLI flags, a contract's server block such as
/// <c>endpointUrl</c>); null means "keep what the environment said".
/// </summary>
public sealed record S3StorageOverrides
{
    public string? EndpointUrl { get; init; }
    public string? Region { get; init; }
    public string? Profile { get; init; }
    public bool? ForcePathStyle { get; init; }
    public string? CacheDirectory { get; init; }
    public long? CacheMaxBytes { get; init; }
    public bool? NoCache { get; init; }
}
