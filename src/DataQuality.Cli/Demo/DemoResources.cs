namespace DataQuality.Cli.Demo;

/// <summary>Suites and contracts the demo ships inside the dq assembly, so the demo runs from any folder.</summary>
internal static class DemoResources
{
    public static string Read(string name)
    {
        using var stream = typeof(DemoResources).Assembly.GetManifestResourceStream("DataQuality.Cli.Demo." + name)
            ?? throw new InvalidOperationException($"Demo resource '{name}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Writes a resource next to the demo outputs so a user can open and edit what ran.</summary>
    public static string Extract(string name, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, Read(name));
        return path;
    }
}
