using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Storage;

/// <summary>Turns SDK and network exceptions into typed errors that name the URI (DQ3002–DQ3009).</summary>
public static class S3Errors
{
    public static DataQualityException Map(Exception ex, StorageUri uri, string endpoint, string operation)
    {
        if (ex is DataQualityException typed) return typed;
        var location = new SourceLocation(uri.ToString());
        switch (ex)
        {
            case AmazonS3Exception s3 when s3.ErrorCode == "NoSuchBucket":
                return new InputException(StorageErrorCodes.NoSuchBucket, $"Bucket '{uri.Bucket}' does not exist at {endpoint} ({operation} {uri}).", location, ex);
            case AmazonS3Exception s3 when s3.StatusCode == HttpStatusCode.NotFound || s3.ErrorCode is "NoSuchKey" or "NotFound":
                return new InputException(StorageErrorCodes.NotFound, $"Object not found: '{uri}' ({operation}, {endpoint}).", location, ex);
            case AmazonS3Exception s3 when s3.StatusCode == HttpStatusCode.Forbidden || s3.ErrorCode is "AccessDenied" or "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "ExpiredToken":
                return new InputException(StorageErrorCodes.AccessDenied,
                    $"Access denied to '{uri}' ({operation}, {s3.ErrorCode ?? "403"}): check the credentials (profile, AWS_ACCESS_KEY_ID) and the bucket policy.", location, ex);
            case AmazonS3Exception s3 when s3.StatusCode == HttpStatusCode.PreconditionFailed:
                return new InputException(StorageErrorCodes.ServiceError,
                    $"'{uri}' changed while it was read ({operation}: its ETag no longer matches the listing); run again once the writer has finished.", location, ex);
            case AmazonServiceException service:
                return new InputException(StorageErrorCodes.ServiceError,
                    $"S3 error on '{uri}' ({operation}): {(int)service.StatusCode} {service.ErrorCode} {service.Message}".TrimEnd() + " (after retries).", location, ex);
            case AmazonClientException client when IsCredentialFailure(client):
                return new InputException(StorageErrorCodes.NoCredentials,
                    $"No AWS credentials for '{uri}': set AWS_PROFILE/--aws-profile, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where a role is available. ({OneLine(client.Message)})", location, ex);
        }
        if (IsNetworkFailure(ex))
            return new InputException(StorageErrorCodes.Unreachable,
                $"S3 endpoint {endpoint} is unreachable for '{uri}' ({operation}): {Innermost(ex).Message} (after retries; check --endpoint-url / AWS_ENDPOINT_URL and the network).", location, ex);
        if (ex is AmazonClientException other)
            return new InputException(StorageErrorCodes.ServiceError, $"S3 client error on '{uri}' ({operation}): {other.Message}", location, ex);
        return new InternalException(StorageErrorCodes.ServiceError, $"Unexpected error on '{uri}' ({operation}): {ex.GetType().Name}: {ex.Message}", location, ex);
    }

    public static bool IsNetworkFailure(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
            if (e is HttpRequestException or SocketException or IOException or TimeoutException || (e is TaskCanceledException && e.InnerException is TimeoutException))
                return true;
        return false;
    }

    private static bool IsCredentialFailure(AmazonClientException ex) =>
        ex.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase) && !IsNetworkFailure(ex);

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null) ex = ex.InnerException;
        return ex;
    }

    /// <summary>The SDK lists every credential provider it tried on its own line; a diagnostic is one line.</summary>
    private static string OneLine(string message) =>
        string.Join("; ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l != ")"));
}

/// <summary>A download whose length or checksum did not match what the server announced.</summary>
public sealed class CorruptContentException(string message) : Exception(message);
