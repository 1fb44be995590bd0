using DataQuality.Core.Checks;
using DataQuality.Core.Contracts.Running;
using DataQuality.Core.Datasets;
using DataQuality.Core.Storage;
using DataQuality.Core.Tests.TestSupport.S3rver;

namespace DataQuality.Core.Tests.Contracts;

/// <summary>A contract whose server is s3 (location with {model}, endpointUrl, region) against a loopback s3rver.</summary>
public sealed class S3ContractTests(S3rverFixture fixture)
{
    [Fact]
    public async Task S3_server_location_endpoint_and_region_reach_the_data()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = await fixture.GetServerAsync();
        var bucket = await server.CreateBucketAsync("contract", ct);
        using var ws = new ContractWorkspace();
        var file = ws.Parquet("orders", "SELECT range AS order_id, CASE WHEN range = 2 THEN 'lost' ELSE 'placed' END AS status FROM range(4)");
        var baseOptions = server.Options(Path.Combine(ws.Path, "cache"));
        using (var store = S3ObjectStore.Create(baseOptions))
            await store.PutAsync(StorageUri.S3(bucket, "orders/ds=2026-02-11/part-0.parquet"), await File.ReadAllBytesAsync(file, ct), ct);

        var contract = ws.Contract($$"""
            apiVersion: v3.1.0
            kind: DataContract
            id: s3
            version: 1.0.0
            status: active
            servers:
              - server: s3
                type: s3
                format: parquet
                location: s3://{{bucket}}/{model}/ds=${ds}/
                endpointUrl: {{server.EndpointUrl}}
                region: eu-central-1
            schema:
              - name: orders
                properties:
                  - name: order_id
                    logicalType: integer
                    unique: true
                  - name: status
                    logicalTypeOptions:
                      enum: [placed]
                quality:
                  - type: sql
                    query: SELECT count(*) FROM {model} WHERE status = 'lost'
                    mustBe: 1
            """);
        var seen = new List<(string? Endpoint, string? Region)>();
        var fetchers = new List<IDisposable>();
        DatasetResolver ForServer(Core.Contracts.Model.ContractServer s)
        {
            seen.Add((s.EndpointUrl, s.Region));
            var (resolver, fetcher) = StorageFactory.CreateResolver(baseOptions with { EndpointUrl = s.EndpointUrl, Region = s.Region });
            fetchers.Add(fetcher);
            return resolver;
        }
        try
        {
            var result = await ContractRunner.ValidateAsync(contract,
                new ContractRunOptions { Variables = new Dictionary<string, string> { ["ds"] = "2026-02-11" }, ResolverForServer = ForServer },
                DatasetResolver.LocalOnly, ct);
            seen.Should().Equal((server.EndpointUrl, "eu-central-1"));
            result.Models.Single().Dataset.Should().Be($"s3://{bucket}/orders/ds=2026-02-11/");
            var statuses = result.Models.Single().Report!.Results.ToDictionary(r => r.Expectation.DisplayName, r => r.Status);
            statuses["orders · order_id · unique"].Should().Be(CheckStatus.Passed);
            statuses["orders · status · enum"].Should().Be(CheckStatus.Failed);
            statuses["orders · quality sql"].Should().Be(CheckStatus.Passed);
        }
        finally
        {
            foreach (var f in fetchers) f.Dispose();
        }
    }
}
