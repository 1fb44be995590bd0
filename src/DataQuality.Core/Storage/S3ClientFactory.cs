using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Storage;

/// <summary>Builds an <see cref="IAmazonS3"/> from <see cref="S3StorageOptions"/> the way the AWS CLI would.</summary>
public static class S3ClientFactory
{
    public static IAmazonS3 Create(S3StorageOptions options)
    {
        var config = new AmazonS3Config
        {
            RetryMode = RequestRetryMode.Standard,
            // One attempt per SDK call: S3ObjectStore retries within a time budget. The SDK's own back-off
            // (seconds per retry) made a refused endpoint take 10 s or more to report.
            MaxErrorRetry = 0,
            Timeout = options.RequestTimeout,
            ConnectTimeout = options.ConnectTimeout,
            // Stale pooled connections are otherwise retried up to 10 times outside MaxErrorRetry; ours count them.
            MaxStaleConnectionRetries = 0,
            // S3-compatible servers (MinIO, s3rver, Ceph) often reject aws-chunked bodies with trailing
            // checksums; send plain bodies and let GETs ask for checksums explicitly (ChecksumMode).
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };

        if (options.EndpointUrl is { } endpoint)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new InputException(StorageErrorCodes.InvalidOptions, $"Endpoint URL '{endpoint}' must be an absolute http:// or https:// URL.", new SourceLocation(endpoint));
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = options.Region ?? "us-east-1";
            config.ForcePathStyle = options.ForcePathStyle ?? true;
        }
        else
        {
            if (options.Region is { } region)
                config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
            config.ForcePathStyle = options.ForcePathStyle ?? false;
        }

        var credentials = ResolveExplicitCredentials(options);
        try
        {
            // Without explicit credentials the SDK walks the default chain (env, profile files, SSO,
            // container and instance roles) lazily at the first request; failures surface as DQ3005 there.
            return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
        }
        catch (AmazonClientException ex)
        {
            throw new InputException(StorageErrorCodes.InvalidOptions,
                $"S3 client cannot be configured: {ex.Message} Set --region / AWS_REGION or --endpoint-url / AWS_ENDPOINT_URL.", null, ex);
        }
    }

    /// <summary>A readable name of where requests go, for error messages.</summary>
    public static string DescribeEndpoint(S3StorageOptions options) =>
        options.EndpointUrl ?? (options.Region is { } region ? $"AWS S3 ({region})" : "AWS S3");

    private static AWSCredentials? ResolveExplicitCredentials(S3StorageOptions options)
    {
        if (options.AccessKeyId is { } keyId)
        {
            if (options.SecretAccessKey is not { } secret)
                throw new InputException(StorageErrorCodes.NoCredentials, "An access key id is set but no secret access key (DQ_S3_SECRET_ACCESS_KEY).");
            return options.SessionToken is { } token ? new SessionAWSCredentials(keyId, secret, token) : new BasicAWSCredentials(keyId, secret);
        }
        if (options.Profile is { } profile)
        {
            var chain = options.CredentialsFile is { } file ? new CredentialProfileStoreChain(file) : new CredentialProfileStoreChain();
            if (!chain.TryGetAWSCredentials(profile, out var credentials))
                throw new InputException(StorageErrorCodes.NoCredentials,
                    $"AWS profile '{profile}' was not found or has no usable credentials in {options.CredentialsFile ?? "~/.aws/credentials or ~/.aws/config"}.",
                    new SourceLocation(options.CredentialsFile ?? "~/.aws/credentials"));
            return credentials;
        }
        return null;
    }
}
