using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DataQuality.Generators
{
    /// <summary>
    /// Suites and contracts (AdditionalFiles tagged by the package's props with
    /// <c>DataQualityKind</c>) become xunit v3 test classes. Each file flows through its own
    /// pipeline node, so editing one contract regenerates that one class only.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class DataQualityGenerator : IIncrementalGenerator
    {
        public const string FilesStep = "DataQualityFiles";

        private static readonly DiagnosticDescriptor NoModels = new DiagnosticDescriptor(
            "DQ7101", "Contract declares no models", "{0}: {1}", "DataQuality", DiagnosticSeverity.Error, isEnabledByDefault: true);

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var projectDir = context.AnalyzerConfigOptionsProvider.Select((options, _) =>
                options.GlobalOptions.TryGetValue("build_property.projectdir", out var dir) ? dir : "");

            var files = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Combine(projectDir)
                .Select((input, ct) =>
                {
                    var ((text, options), dir) = input;
                    var fileOptions = options.GetOptions(text);
                    if (!fileOptions.TryGetValue("build_metadata.AdditionalFiles.DataQualityKind", out var kindText)) return null;
                    CheckFileKind kind;
                    if (string.Equals(kindText, "Suite", StringComparison.OrdinalIgnoreCase)) kind = CheckFileKind.Suite;
                    else if (string.Equals(kindText, "Contract", StringComparison.OrdinalIgnoreCase)) kind = CheckFileKind.Contract;
                    else return null;
                    fileOptions.TryGetValue("build_metadata.AdditionalFiles.DataQualityDataset", out var dataset);
                    var content = text.GetText(ct)?.ToString() ?? "";
                    return CheckFileReader.Read(kind, text.Path, Relative(dir, text.Path), content, dataset);
                })
                .Where(model => model is not null)
                .WithTrackingName(FilesStep);

            context.RegisterSourceOutput(files, (spc, model) =>
            {
                if (model!.Problem is { } problem)
                {
                    spc.ReportDiagnostic(Diagnostic.Create(NoModels, Location.Create(model.Path, default, new LinePositionSpan(new LinePosition(0, 0), new LinePosition(0, 0))), model.RelativePath, problem));
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
}
