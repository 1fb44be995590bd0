using DataQuality.Lint;
using Microsoft.CodeAnalysis;

namespace DataQuality.Generators.Tests;

/// <summary>
/// A test project's folder on disk: suites and contracts written to it, and the model list dq-lint's
/// readers write for them (the one AdditionalFile the generator reads), as the package's build targets do.
/// </summary>
internal sealed class TestProject : IDisposable
{
    private readonly Core.Tests.TestSupport.TempDirectory _dir = new();
    private readonly List<CheckFile> _files = [];

    public string Dir => _dir.Path + Path.DirectorySeparatorChar;

    public string Suite(string relative, string text, string? dataset = null) => Add(relative, text, true, dataset);

    public string Contract(string relative, string text) => Add(relative, text, false, null);

    /// <summary>The model list for the files added so far, as the AdditionalFile the targets pass the compiler.</summary>
    public GeneratorHarness.File ModelList() =>
        new(_dir.Combine("obj", "dataquality.models.txt"), CheckFileNames.ModelListText(_files), "Models");

    public GeneratorDriver Driver(string? server = null, string? variables = null, params GeneratorHarness.File[] others) =>
        GeneratorHarness.Driver(Dir, [ModelList(), .. others], server, variables);

    public void Dispose() => _dir.Dispose();

    private string Add(string relative, string text, bool isSuite, string? dataset)
    {
        var path = _dir.Combine(relative.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        _files.RemoveAll(f => f.Path == path);
        _files.Add(new CheckFile(isSuite, path, dataset));
        return path;
    }
}
