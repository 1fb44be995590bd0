using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Storage;

/// <summary>
/// S3 (or an S3-compatible server) as an <see cref="IObjectStore"/>. Requests are retried here, within a
/// time budget (<see cref="WithinBudgetAsync"/>: 5xx, throttling, connection errors, short backoff with jitter); a body that
/// breaks off or fails verification is downloaded again up to <see cref="S3StorageOptions.DownloadAttempts"/>
/// times. Every failure leaves as a typed error naming the URI (<see cref="S3Errors"/>).
/// </summary>
public sealed class S3ObjectStore : IObjectStore, IDisposable
{
    private readonly IAmazonS3 _client;
    private readonly S3StorageOptions _options;
    private readonly string _endpoint;
    private readonly SemaphoreSlim _requests;

    public S3ObjectStore(IAmazonS3 client, S3StorageOptions options)
    {
        if (options.PartSize < 64 * 1024 || options.MaxConcurrentRequests < 1 || options.DownloadAttempts < 1)
            throw new InputException(StorageErrorCodes.InvalidOptions, "S3 options: part size must be at least 64 KiB, concurrency and attempts at least 1.");
        _client = client;
        _options = options;
        _endpoint = S3ClientFactory.DescribeEndpoint(options);
        _requests = new SemaphoreSlim(options.MaxConcurrentRequests);
    }

    public static S3ObjectStore Create(S3StorageOptions options) => new(S3ClientFactory.Create(options), options);

    public bool Serves(StorageUri uri) => uri.IsS3;

    public async IAsyncEnumerable<StorageObject> ListAsync(StorageUri prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = prefix.Bucket, Prefix = prefix.Key };
        while (true)
        {
            ListObjectsV2Response response;
            try
            {
                response = await WithinBudgetAsync(ct => _client.ListObjectsV2Async(request, ct), 0, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw S3Errors.Map(ex, prefix, _endpoint, "list");
            }
            foreach (var item in response.S3Objects ?? [])
            {
                if (item.Key.EndsWith('/') && (item.Size ?? 0) == 0) continue; // "folder" markers from consoles
                yield return new StorageObject(StorageUri.S3(prefix.Bucket, item.Key), item.Size ?? 0, item.ETag, ToOffset(item.LastModified));
            }
            if (response.IsTruncated != true || string.IsNullOrEmpty(response.NextContinuationToken)) yield break;
            request.ContinuationToken = response.NextContinuationToken;
        }
    }

    public async Task<StorageObject> HeadAsync(StorageUri uri, CancellationToken cancellationToken)
    {
        try
        {
            var response = await WithinBudgetAsync(ct => _client.GetObjectMetadataAsync(uri.Bucket, uri.Key, ct), 0, cancellationToken).ConfigureAwait(false);
            return new StorageObject(uri, response.ContentLength, response.ETag, ToOffset(response.LastModified));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw S3Errors.Map(ex, uri, _endpoint, "head");
        }
    }

    public async Task DownloadAsync(StorageObject source, string destinationPath, CancellationToken cancellationToken)
    {
        // Two retry layers that do not multiply: the SDK retries failed requests (5xx, throttling,
        // refused or reset connections before a response); this loop retries only bodies that broke
        // off or failed verification after the SDK handed over a successful response.
        CorruptContentException? last = null;
        for (var attempt = 1; attempt <= _options.DownloadAttempts; attempt++)
        {
            try
            {
                if (source.Size > _options.RangedDownloadThreshold)
                    await DownloadRangedAsync(source, destinationPath, cancellationToken).ConfigureAwait(false);
                else
                    await DownloadWholeAsync(source, destinationPath, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (CorruptContentException ex)
            {
                last = ex;
                TryDelete(destinationPath);
                if (attempt < _options.DownloadAttempts)
                    await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                TryDelete(destinationPath);
                throw S3Errors.Map(ex, source.Uri, _endpoint, "get");
            }
            catch
            {
                TryDelete(destinationPath);
                throw;
            }
        }
        throw new InputException(StorageErrorCodes.CorruptDownload,
            $"Download of '{source.Uri}' stayed incomplete after {_options.DownloadAttempts} attempts: {last!.Message}", new SourceLocation(source.Uri.ToString()), last);
    }

    private async Task DownloadWholeAsync(StorageObject source, string destinationPath, CancellationToken cancellationToken)
    {
        await _requests.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var request = new GetObjectRequest { BucketName = source.Uri.Bucket, Key = source.Uri.Key, ChecksumMode = ChecksumMode.ENABLED };
            if (source.ETag is { } etag) request.EtagToMatch = etag;
            using var response = await WithinBudgetAsync(t => _client.GetObjectAsync(request, t), 0, cancellationToken).ConfigureAwait(false);
            if (response.ContentLength != source.Size)
                throw new CorruptContentException($"server announced {response.ContentLength} bytes, the listing said {source.Size} (object changed?)");
            using var md5 = source.ContentMd5Hex is not null && VerifiableMd5(response) ? IncrementalHash.CreateHash(HashAlgorithmName.MD5) : null;
            await using var output = new FileStream(destinationPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            var written = await BodyAsync(() => CopyAsync(response.ResponseStream, output, md5, source.Size, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (written != source.Size)
                throw new CorruptContentException($"received {written} of {source.Size} bytes");
            if (md5 is not null && Convert.ToHexStringLower(md5.GetHashAndReset()) is var actual && actual != source.ContentMd5Hex)
                throw new CorruptContentException($"MD5 {actual} does not match ETag {source.ContentMd5Hex}");
        }
        finally
        {
            _requests.Release();
        }
    }

    private async Task DownloadRangedAsync(StorageObject source, string destinationPath, CancellationToken cancellationToken)
    {
        var partSize = _options.PartSize;
        var parts = (int)((source.Size + partSize - 1) / partSize);
        var verifyMd5 = false;
        using (var handle = File.OpenHandle(destinationPath, FileMode.Create, FileAccess.Write, FileShare.None, FileOptions.Asynchronous, preallocationSize: source.Size))
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, parts), new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentRequests, CancellationToken = cancellationToken },
                async (part, ct) =>
                {
                    var start = part * partSize;
                    var end = Math.Min(source.Size, start + partSize) - 1;
                    var expected = end - start + 1;
                    await _requests.WaitAsync(ct).ConfigureAwait(false);
                    try
                    {
                        var request = new GetObjectRequest { BucketName = source.Uri.Bucket, Key = source.Uri.Key, ByteRange = new ByteRange(start, end) };
                        if (source.ETag is { } etag) request.EtagToMatch = etag; // every part from the same version
                        using var response = await WithinBudgetAsync(t => _client.GetObjectAsync(request, t), 0, ct).ConfigureAwait(false);
                        if (part == 0) verifyMd5 = VerifiableMd5(response);
                        if (response.ContentLength != expected)
                            throw new CorruptContentException($"part {part} announced {response.ContentLength} bytes, expected {expected}");
                        await BodyAsync(() => WritePartAsync(response.ResponseStream, handle, start, expected, part, ct), ct).ConfigureAwait(false);
                    }
                    finally
                    {
                        _requests.Release();
                    }
                }).ConfigureAwait(false);
        }

        if (verifyMd5 && source.ContentMd5Hex is { } expectedMd5)
        {
            await using var check = new FileStream(destinationPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
            var actual = Convert.ToHexStringLower(await MD5.HashDataAsync(check, cancellationToken).ConfigureAwait(false));
            if (actual != expectedMd5)
                throw new CorruptContentException($"MD5 {actual} does not match ETag {expectedMd5}");
        }
    }

    public async Task<StorageObject> UploadAsync(string sourcePath, StorageUri destination, CancellationToken cancellationToken)
    {
        var size = new FileInfo(sourcePath).Length;
        if (size > _options.MultipartUploadThreshold)
            return await UploadMultipartAsync(sourcePath, destination, size, cancellationToken).ConfigureAwait(false);
        var request = new PutObjectRequest { BucketName = destination.Bucket, Key = destination.Key, FilePath = sourcePath, UseChunkEncoding = false };
        return await PutAsync(request, destination, size, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Parallel multipart upload (single PUTs stop at 5 GiB). Parts are at least <see cref="S3StorageOptions.PartSize"/>
    /// and grow so no upload needs more than 10,000 parts. A failure aborts the upload so no parts are left billed.
    /// </summary>
    private async Task<StorageObject> UploadMultipartAsync(string sourcePath, StorageUri destination, long size, CancellationToken cancellationToken)
    {
        var partSize = Math.Max(Math.Max(_options.PartSize, 5L << 20), (size + 9_999) / 10_000);
        var parts = (int)((size + partSize - 1) / partSize);
        string uploadId;
        try
        {
            uploadId = (await WithinBudgetAsync(ct => _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = destination.Bucket, Key = destination.Key }, ct), 0, cancellationToken).ConfigureAwait(false)).UploadId;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw S3Errors.Map(ex, destination, _endpoint, "put");
        }
        try
        {
            var etags = new PartETag[parts];
            await Parallel.ForEachAsync(Enumerable.Range(0, parts), new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentRequests, CancellationToken = cancellationToken },
                async (i, ct) =>
                {
                    var bytes = Math.Min(partSize, size - i * partSize);
                    var response = await WithinBudgetAsync(t => _client.UploadPartAsync(new UploadPartRequest
                    {
                        BucketName = destination.Bucket, Key = destination.Key, UploadId = uploadId, PartNumber = i + 1,
                        FilePath = sourcePath, FilePosition = i * partSize, PartSize = bytes,
                        UseChunkEncoding = false,
                    }, t), bytes, ct).ConfigureAwait(false);
                    etags[i] = new PartETag(i + 1, response.ETag);
                }).ConfigureAwait(false);
            var done = await WithinBudgetAsync(ct => _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = destination.Bucket, Key = destination.Key, UploadId = uploadId, PartETags = [.. etags],
            }, ct), size, cancellationToken).ConfigureAwait(false);
            return new StorageObject(destination, size, done.ETag, DateTimeOffset.UtcNow);
        }
        catch (Exception ex)
        {
            try
            {
                await WithinBudgetAsync(ct => _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = destination.Bucket, Key = destination.Key, UploadId = uploadId }, ct), 0, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception) { } // best effort: the original failure is the one to report
            if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested) throw;
            throw S3Errors.Map(ex, destination, _endpoint, "put (multipart)");
        }
    }

    public async Task<StorageObject> PutAsync(StorageUri destination, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        // Wrap the caller's array when there is one: a 1 GiB dataset should not be copied on its way out.
        using var stream = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        var request = new PutObjectRequest { BucketName = destination.Bucket, Key = destination.Key, InputStream = stream, AutoCloseStream = false, UseChunkEncoding = false };
        return await PutAsync(request, destination, content.Length, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StorageObject?> CreateNewAsync(StorageUri destination, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        var request = new PutObjectRequest
        {
            BucketName = destination.Bucket, Key = destination.Key, InputStream = stream, AutoCloseStream = false,
            UseChunkEncoding = false, IfNoneMatch = "*",
        };
        try
        {
            return await PutAsync(request, destination, content.Length, cancellationToken).ConfigureAwait(false);
        }
        catch (DataQualityException ex) when (ex.InnerException is AmazonS3Exception { StatusCode: System.Net.HttpStatusCode.PreconditionFailed or System.Net.HttpStatusCode.Conflict })
        {
            return null; // 412: the object exists; 409: a concurrent conditional write is in flight (AWS), which wins
        }
    }

    private async Task<StorageObject> PutAsync(PutObjectRequest request, StorageUri destination, long size, CancellationToken cancellationToken)
    {
        try
        {
            var response = await WithinBudgetAsync(ct =>
            {
                if (request.InputStream is { CanSeek: true } body) body.Position = 0; // a retry sends the body again
                return _client.PutObjectAsync(request, ct);
            }, size, cancellationToken).ConfigureAwait(false);
            return new StorageObject(destination, size, response.ETag, DateTimeOffset.UtcNow);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw S3Errors.Map(ex, destination, _endpoint, "put");
        }
    }

    public async Task CopyAsync(StorageObject source, StorageUri destination, CancellationToken cancellationToken)
    {
        try
        {
            await WithinBudgetAsync(ct => _client.CopyObjectAsync(new CopyObjectRequest
            {
                SourceBucket = source.Uri.Bucket, SourceKey = source.Uri.Key,
                DestinationBucket = destination.Bucket, DestinationKey = destination.Key,
            }, ct), source.Size, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw S3Errors.Map(ex, source.Uri, _endpoint, $"copy to {destination}");
        }
    }

    public async Task DeleteAsync(IReadOnlyList<StorageUri> objects, CancellationToken cancellationToken)
    {
        // One DELETE per object, in parallel: simple, works on every S3-compatible server, and
        // deleting many objects is rare next to reading them.
        await Parallel.ForEachAsync(objects, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentRequests, CancellationToken = cancellationToken },
            async (uri, ct) =>
            {
                try
                {
                    await WithinBudgetAsync(t => _client.DeleteObjectAsync(uri.Bucket, uri.Key, t), 0, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    throw S3Errors.Map(ex, uri, _endpoint, "delete");
                }
            }).ConfigureAwait(false);
    }

    /// <summary>
    /// One request with its retries, under <see cref="S3StorageOptions.RetryBudget"/> (plus a second per MiB of
    /// request body). The SDK makes one attempt per call; retries are ours (<see cref="S3Errors.IsRetryable"/>:
    /// 5xx, throttling, refused or reset connections) with a short back-off, so a refused endpoint is reported
    /// in about a second and a silent one after the budget (DQ3006) instead of hanging.
    /// </summary>
    private async Task<T> WithinBudgetAsync<T>(Func<CancellationToken, Task<T>> request, long bodyBytes, CancellationToken cancellationToken)
    {
        var budget = _options.RetryBudget + TimeSpan.FromSeconds(bodyBytes / (double)(1 << 20));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(budget);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await request(deadline.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (attempt <= _options.MaxRetries && S3Errors.IsRetryable(ex) && !deadline.IsCancellationRequested)
                {
                    await Task.Delay(RequestBackoff(attempt), deadline.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RetryBudgetExceededException(budget, ex);
        }
    }

    /// <summary>100 ms doubling to at most 2 s, with jitter: four retries add about a second.</summary>
    private static TimeSpan RequestBackoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(2000, 100 * Math.Pow(2, attempt - 1)) * (0.5 + Random.Shared.NextDouble() / 2));

    public void Dispose()
    {
        _client.Dispose();
        _requests.Dispose();
    }

    // The ETag is the content MD5 only without KMS or customer-key encryption (and not for multipart uploads, see ContentMd5Hex).
    private static bool VerifiableMd5(GetObjectResponse response)
    {
        var sse = response.ServerSideEncryptionMethod?.Value;
        return (sse is null || sse.Length == 0 || sse == "AES256") && response.ServerSideEncryptionCustomerMethod?.Value is null or "";
    }

    private static async Task<long> CopyAsync(Stream input, Stream output, IncrementalHash? md5, long expected, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 17);
        try
        {
            long total = 0;
            int read;
            while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > expected) throw new CorruptContentException($"received more than the announced {expected} bytes");
                md5?.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<long> WritePartAsync(Stream body, Microsoft.Win32.SafeHandles.SafeFileHandle handle, long start, long expected, int part, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 17);
        try
        {
            long received = 0;
            int read;
            // Ask for one byte more than remains so an over-long body is noticed, not silently cut.
            while ((read = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, expected - received + 1)), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (received + read > expected) throw new CorruptContentException($"part {part} is longer than {expected} bytes");
                await RandomAccess.WriteAsync(handle, buffer.AsMemory(0, read), start + received, cancellationToken).ConfigureAwait(false);
                received += read;
            }
            if (received != expected)
                throw new CorruptContentException($"part {part}: received {received} of {expected} bytes");
            return received;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads a response body; a connection that breaks mid-body becomes a retryable <see cref="CorruptContentException"/>.</summary>
    private static async Task<long> BodyAsync(Func<Task<long>> read, CancellationToken cancellationToken)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new CorruptContentException($"the connection broke while reading the body ({ex.Message})");
        }
    }

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(5000, 100 * Math.Pow(2, attempt - 1)) * (0.5 + Random.Shared.NextDouble() / 2));

    private static DateTimeOffset ToOffset(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc)) : DateTimeOffset.MinValue;

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
