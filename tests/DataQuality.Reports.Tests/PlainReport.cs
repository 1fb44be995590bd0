using DataQuality.Core.Tests.TestSupport;
using DataQuality.Reports.Html;
using DataQuality.Reports.Model;

[assembly: AssemblyFixture(typeof(DataQuality.Reports.Tests.Browser))]
[assembly: AssemblyFixture(typeof(DataQuality.Reports.Tests.PlainReport))]

namespace DataQuality.Reports.Tests;

/// <summary>The main-versus-feature report built once per run from real engine results and written to a file.</summary>
public sealed class PlainReport : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();

    internal ReportModel Model { get; private set; } = null!;

    public string File { get; private set; } = "";

    public string Url => new Uri(File).AbsoluteUri;

    public async ValueTask InitializeAsync()
    {
        Model = await ReportSamples.BuildAsync(_dir, ReportSamples.Plain, CancellationToken.None);
        File = _dir.Combine("report.html");
        await ReportWriter.WriteAsync(new FileInfo(File), Model);
    }

    public ValueTask DisposeAsync()
    {
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}
