using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DataQuality.Generators;

/// <summary>
/// Suites and contracts become xunit v3 test classes. The generator does not read the files: the
/// build's dq-lint step reads them with Core (the same readers as <c>dq lint</c> and <c>dq validate</c>)
/// and writes their names to the model list, the one AdditionalFile tagged <c>DataQualityKind=Models</c>.
/// Why not YamlDotNet in here: the generator targets netstandard2.0 and cannot load Core, so it would
/// still need its own ODCS/DCS/GX mapping on top of the YAML parser (a second truth about what a file
/// declares); the model list is Core's answer itself. Each file's entry is a value with structural
/// equality, so an edit to one contract regenerates that one class.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DataQualityGenerator : IIncrementalGenerator
{
    public const string FilesStep = "DataQualityFiles";

    private static readonly DiagnosticDescriptor NoModels = new DiagnosticDescriptor(
        "DQ7101", "Contract declares no models", "{0}: the contract declares no models (ODCS 'schema:' objects, or DCS 'models:'), so it has no tests", "DataQuality", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor StaleModelList = new DiagnosticDescriptor(
        "DQ7102", "Model list unreadable", "{0} is not a model list this generator reads (written by another DataQuality.Xunit version?); rebuild the project", "DataQuality", DiagnosticSeverity.Error, isEnabledByDefault: true);

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var projectDir = context.AnalyzerConfigOptionsProvider.Select((options, _) =>
            options.GlobalOptions.TryGetValue("build_property.projectdir", out var dir) ? dir : "");

        var lists = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(input => input.Right.GetOptions(input.Left).TryGetValue("build_metadata.AdditionalFiles.DataQualityKind", out var kind)
                && string.Equals(kind, "Models", StringComparison.OrdinalIgnoreCase))
            .Select((input, ct) => (input.Left.Path, Entries: ModelList.Parse(input.Left.GetText(ct)?.ToString() ?? "")));

        context.RegisterSourceOutput(lists.Where(list => list.Entries is null), (spc, list) =>
            spc.ReportDiagnostic(Diagnostic.Create(StaleModelList, At(list.Path), list.Path)));

        var files = lists
            .Combine(projectDir)
            .SelectMany((input, _) => Models(input.Left.Entries, input.Right))
            .WithTrackingName(FilesStep);

        context.RegisterSourceOutput(files, (spc, model) =>
        {
            if (model.Models.Count == 0)
            {
                // dq lint accepts a contract without models, so the build does too; it just has nothing to test.
                spc.ReportDiagnostic(Diagnostic.Create(NoModels, At(model.Path), model.RelativePath));
                return;
            }
            spc.AddSource(HintName(model.RelativePath), SourceEmitter.TestClass(model));
        });

        var defaults = context.AnalyzerConfigOptionsProvider.Select((options, _) =>
        {
            options.GlobalOptions.TryGetValue("build_property.DataQualityServer", out var server);
            options.GlobalOptions.TryGetValue("build_property.DataQualityVariables", out var variables);
            return (Server: Empty(server), Variables: Empty(variables));
        });
        context.RegisterSourceOutput(defaults, (spc, d) => spc.AddSource("DataQualityDefaults.g.cs", SourceEmitter.Defaults(d.Server, d.Variables)));
    }

    private static ImmutableArray<CheckFileModel> Models(IReadOnlyList<ModelListEntry>? entries, string projectDir)
    {
        if (entries is null) return ImmutableArray<CheckFileModel>.Empty;
        var models = ImmutableArray.CreateBuilder<CheckFileModel>(entries.Count);
        foreach (var entry in entries) models.Add(new CheckFileModel(entry, Relative(projectDir, entry.Path)));
        return models.ToImmutable();
    }

    private static Location At(string path) => Location.Create(path, default, new LinePositionSpan(new LinePosition(0, 0), new LinePosition(0, 0)));

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static string Relative(string projectDir, string path)
    {
        if (string.IsNullOrEmpty(projectDir)) return Path.GetFileName(path);
        try
        {
            var baseUri = new Uri(projectDir.EndsWith("/", StringComparison.Ordinal) || projectDir.EndsWith("\\", StringComparison.Ordinal) ? projectDir : projectDir + Path.DirectorySeparatorChar);
            return Uri.UnescapeDataString(baseUri.MakeRelativeUri(new Uri(path)).ToString());
        }
        catch (UriFormatException)
        {
            return Path.GetFileName(path);
        }
    }

    private static string HintName(string relativePath)
    {
        var chars = relativePath.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (!char.IsLetterOrDigit(chars[i]) && chars[i] != '.' && chars[i] != '_') chars[i] = '_';
        return new string(chars) + ".g.cs";
    }
}
