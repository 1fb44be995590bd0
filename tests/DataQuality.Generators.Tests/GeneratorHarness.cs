using System.Collections.Immutable;
using DataQuality.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DataQuality.Generators.Tests;

/// <summary>Runs the real generator in a CSharpGeneratorDriver over in-memory AdditionalFiles with the metadata the package's targets set.</summary>
internal static class GeneratorHarness
{
    public sealed class File(string path, string text, string kind) : AdditionalText
    {
        public string Kind { get; } = kind;

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }

    private sealed class OptionsProvider(ImmutableDictionary<string, string> global, IReadOnlyList<File> files) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            var file = files.FirstOrDefault(f => f.Path == textFile.Path);
            var values = ImmutableDictionary<string, string>.Empty;
            if (file is not null)
            {
                values = values.Add("build_metadata.AdditionalFiles.DataQualityKind", file.Kind);
            }
            return new Options(values);
        }
    }

    public static GeneratorDriver Driver(string projectDir, IReadOnlyList<File> files, string? server = null, string? variables = null)
    {
        var global = ImmutableDictionary<string, string>.Empty.Add("build_property.projectdir", projectDir);
        if (server is not null) global = global.Add("build_property.DataQualityServer", server);
        if (variables is not null) global = global.Add("build_property.DataQualityVariables", variables);
        return CSharpGeneratorDriver.Create(
            [new DataQualityGenerator().AsSourceGenerator()],
            files,
            (CSharpParseOptions)CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest),
            new OptionsProvider(global, files),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static CSharpCompilation Compilation() => CSharpCompilation.Create(
        "Generated.Tests",
        [],
        AppDomain.CurrentDomain.GetAssemblies()
            .Append(typeof(DataQuality.Xunit.Sdk.SuiteTarget).Assembly)
            .Append(typeof(DataQuality.Core.Checks.ValidationReport).Assembly)
            .Distinct()
            .Where(a => !a.IsDynamic && a.Location.Length > 0)
            .Select(a => MetadataReference.CreateFromFile(a.Location)),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(GeneratorDriver driver)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(Compilation(), out var output, out var diagnostics, TestContext.Current.CancellationToken);
        return (driver, output, diagnostics);
    }
}
