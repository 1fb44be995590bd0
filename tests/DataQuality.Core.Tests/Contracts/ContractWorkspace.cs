using DataQuality.Core.Contracts.Running;
using DataQuality.Core.Datasets;
using DataQuality.Core.Tests.TestSupport;

namespace DataQuality.Core.Tests.Contracts;

/// <summary>A temp directory with Parquet files written by DuckDB and a contract next to them.</summary>
public sealed class ContractWorkspace : IDisposable
{
    private readonly TempDirectory _dir = new();

    public string Path => _dir.Path;

    /// <summary>Writes <c>data/{name}.parquet</c> from a DuckDB SELECT.</summary>
    public string Parquet(string name, string select)
    {
        var file = _dir.Combine("data", name + ".parquet");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        using var session = DuckDbSession.Open();
        session.Execute($"COPY ({select}) TO {SqlText.Literal(file)} (FORMAT parquet)");
        return file;
    }

    public string Contract(string yaml, string name = "contract.yaml")
    {
        var file = _dir.Combine(name);
        File.WriteAllText(file, yaml);
        return file;
    }

    public Task<ContractRunResult> RunAsync(string contract, ContractRunOptions? options = null) =>
        ContractRunner.ValidateAsync(contract, options ?? new ContractRunOptions(), DatasetResolver.LocalOnly, TestContext.Current.CancellationToken);

    public void Dispose() => _dir.Dispose();
}
