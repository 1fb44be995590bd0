using DataQuality.Core.Diagnostics;
using DataQuality.Core.Files;

namespace DataQuality.Core.Expectations.Readers;

/// <summary>Reads a suite file: GX JSON (0.18 and 1.x, unchanged) or our YAML format, by extension.</summary>
public static class SuiteReader
{
    public static ExpectationSuite ReadFile(string path)
    {
        LocalFileTree.RequireRegularFile(path, () => new InputException("DQ4002", $"Suite file not found: '{path}'.", new SourceLocation(path)));
        var text = File.ReadAllText(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".json" => GxJsonSuiteReader.Read(text, path),
            ".yaml" or ".yml" => YamlSuiteReader.Read(text, path),
            _ => throw new InputException("DQ4003", $"Unknown suite format '{Path.GetExtension(path)}': use .json (GX) or .yaml.", new SourceLocation(path)),
        };
    }
}
