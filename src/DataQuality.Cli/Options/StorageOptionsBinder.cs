using System.CommandLine;
using DataQuality.Core.Storage;

namespace DataQuality.Cli.Options;

/// <summary>
/// The S3 flags every command that reads or writes data adds (<c>--endpoint-url</c>, <c>--region</c>,
/// <c>--aws-profile</c>, <c>--path-style</c>, <c>--no-cache</c>, <c>--cache-dir</c>, <c>--cache-max-size</c>).
/// Flags override the environment (docs/storage.md), and a contract's <c>endpointUrl</c> can be layered
/// with <see cref="S3StorageOptions.OverrideWith"/> by the command.
/// <code>
/// var storage = new StorageOptionsBinder();
/// storage.AddTo(command);
/// command.SetAction(async (parse, ct) => { var (resolver, fetcher) = StorageFactory.CreateResolver(storage.Bind(parse)); using var _ = fetcher; ... });
/// </code>
/// </summary>
public sealed class StorageOptionsBinder
{
    public Option<string?> EndpointUrl { get; } = new("--endpoint-url")
    {
        Description = "S3-compatible endpoint, e.g. http://127.0.0.1:9000 (default: AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL, else AWS). Implies path-style addressing.",
    };

    public Option<string?> Region { get; } = new("--region") { Description = "AWS region (default: AWS_REGION / AWS_DEFAULT_REGION / profile)." };

    public Option<string?> AwsProfile { get; } = new("--aws-profile") { Description = "Named AWS profile from ~/.aws/credentials or ~/.aws/config (default: AWS_PROFILE)." };

    /// <summary>The old name of <see cref="AwsProfile"/>: it read like the <c>dq profile</c> command. Hidden; warns (<see cref="CommonOptions.DeprecatedNames"/>).</summary>
    public Option<string?> LegacyProfile { get; } = new("--profile") { Hidden = true, Description = "Deprecated: use --aws-profile." };

    public Option<bool?> PathStyle { get; } = new("--path-style") { Description = "Force path-style (true) or virtual-hosted (false) bucket addressing." };

    public Option<bool> NoCache { get; } = new("--no-cache") { Description = "Do not use or fill the S3 download cache; downloads go to a temp folder removed afterwards." };

    public Option<string?> CacheDir { get; } = new("--cache-dir") { Description = "S3 download cache folder (default: DQ_CACHE_DIR, else ~/.cache/dataquality/s3)." };

    public Option<string?> CacheMaxSize { get; } = new("--cache-max-size") { Description = "Trim the cache to this size, least recently used first, e.g. 20GB (default: DQ_CACHE_MAX_SIZE, else 10GB)." };

    public IEnumerable<Option> All => [EndpointUrl, Region, AwsProfile, LegacyProfile, PathStyle, NoCache, CacheDir, CacheMaxSize];

    public void AddTo(Command command)
    {
        foreach (var option in All) command.Options.Add(option);
    }

    /// <summary>Environment first, then the flags given on this command line.</summary>
    public S3StorageOptions Bind(ParseResult parse, S3StorageOptions? environment = null) =>
        (environment ?? S3StorageOptions.FromEnvironment()).OverrideWith(Overrides(parse));

    public S3StorageOverrides Overrides(ParseResult parse) => new()
    {
        EndpointUrl = parse.GetValue(EndpointUrl),
        Region = parse.GetValue(Region),
        Profile = parse.GetValue(AwsProfile) ?? parse.GetValue(LegacyProfile),
        ForcePathStyle = parse.GetValue(PathStyle),
        NoCache = parse.GetValue(NoCache) ? true : null,
        CacheDirectory = parse.GetValue(CacheDir),
        CacheMaxBytes = parse.GetValue(CacheMaxSize) is { } size ? ByteSize.Parse(size, "--cache-max-size") : null,
    };
}
