using DataQuality.Cli.Tests.TestSupport;
using DataQuality.Core;

namespace DataQuality.Cli.Tests;

/// <summary>
/// Broken S3 endpoints fail fast with a typed error (docs/storage.md, "Timeouts and retry budget"), tried
/// against real loopback sockets. Keys come from the environment (<see cref="StorageCommandTests"/> pins
/// them for the test process), so no credential lookup is involved.
/// </summary>
public sealed class S3FailFastTests
{
    [Fact]
    public async Task A_refused_connection_is_DQ3006_within_seconds()
    {
        var (run, elapsed) = await BoundedRun.RunAsync(TimeSpan.FromSeconds(30),
            "storage", "ls", "s3://bucket/data/", "--endpoint-url", LoopbackServer.RefusingEndpointUrl());

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Error);
        run.Error.Should().Contain("error DQ3006").And.Contain("s3://bucket/data/").And.NotContain("   at ");
        // Target 2 s (measured in docs/storage.md); the bound leaves room for a loaded CI machine. It was 7-13 s.
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task An_endpoint_that_never_answers_is_DQ3006_after_the_retry_budget()
    {
        await using var server = LoopbackServer.Silent();
        using var temp = new TempDirectory();
        var suite = temp.Write("count.yaml", "suite: count\nexpectations:\n  - expect_table_row_count_to_be_between: { min_value: 0 }\n");

        var (run, elapsed) = await BoundedRun.RunAsync(TimeSpan.FromSeconds(45),
            "validate", "--suite", suite, "--data", "s3://bucket/orders/", "--endpoint-url", server.EndpointUrl);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Error);
        run.Error.Should().Contain("error DQ3006").And.Contain("did not answer").And.Contain("DQ_S3_RETRY_BUDGET").And.NotContain("   at ");
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(32), "the default budget is 25 s; it hung for minutes");
    }

    [Fact]
    public async Task A_server_error_is_retried_briefly_then_DQ3009()
    {
        await using var server = LoopbackServer.Answering(500, "Internal Server Error", "application/xml",
            "<?xml version=\"1.0\"?><Error><Code>InternalError</Code><Message>boom</Message></Error>");

        var (run, elapsed) = await BoundedRun.RunAsync(TimeSpan.FromSeconds(30),
            "storage", "ls", "s3://bucket/data/", "--endpoint-url", server.EndpointUrl);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Error);
        run.Error.Should().Contain("error DQ3009").And.Contain("500").And.NotContain("   at ");
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(6), "four retries add about a second; it was 11 s");
    }

    [Fact]
    public async Task An_answer_that_is_not_S3_XML_is_DQ3009_with_exit_code_2()
    {
        await using var server = LoopbackServer.Answering(200, "OK", "text/plain", "hello, this is not an S3 server");

        var (run, _) = await BoundedRun.RunAsync(TimeSpan.FromSeconds(30),
            "storage", "ls", "s3://bucket/data/", "--endpoint-url", server.EndpointUrl);

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, run.Error);
        run.Error.Should().Contain("error DQ3009").And.Contain("not an S3 response").And.NotContain("please report");
    }

    [Theory]
    [InlineData("DQ_S3_RETRY_BUDGET", "soon")]
    [InlineData("DQ_S3_CONNECT_TIMEOUT", "-1")]
    public void Invalid_timeouts_in_the_environment_are_DQ3010(string name, string value)
    {
        var act = () => Core.Storage.S3StorageOptions.FromEnvironment(new System.Collections.Hashtable { [name] = value });

        act.Should().Throw<Core.Diagnostics.InputException>().Which.Code.Should().Be("DQ3010");
    }
}
