using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using DataQuality.Core.Comparison;
using DataQuality.Core.Reporting;
using DataQuality.Core.Snapshots;
using DiffEngine;

namespace DataQuality.Xunit;

/// <summary>
/// Approval snapshots in tests, Verify-style: the text is compared with the committed
/// <c>&lt;Class&gt;.&lt;Method&gt;.verified.&lt;ext&gt;</c> beside the test source. On a
/// difference (or when no verified file exists) <c>.received.</c> is written and the test fails
/// with a unified diff; <c>DQ_AUTO_ACCEPT=1</c> accepts instead; locally a diff tool opens
/// through DiffEngine, on CI never.
/// </summary>
public static class DataSnapshot
{
    /// <summary>Snapshots a comparison report as deterministic Markdown (or JSON per settings).</summary>
    public static Task VerifyAsync(ComparisonReport report, SnapshotSettings? settings = null,
        [CallerFilePath] string sourceFile = "", [CallerMemberName] string methodName = "")
    {
        settings ??= SnapshotSettings.Default;
        var (text, extension) = settings.ReportFormat switch
        {
            ReportFormat.Json => (ComparisonJson.Render(report, settings.RenderOptions), "json"),
            ReportFormat.Markdown => (ComparisonMarkdown.Render(report, settings.RenderOptions), "md"),
            // Text and JUnit are validation-report formats; a comparison has no rendering in them.
            var other => throw new ArgumentOutOfRangeException(nameof(settings), other, $"A comparison report snapshots as Markdown or Json, not {other}."),
        };
        return VerifyCoreAsync(text, settings.Extension ?? extension, settings, sourceFile, methodName);
    }

    /// <summary>Snapshots text as given (scrubbed, line endings normalised).</summary>
    public static Task VerifyAsync(string text, SnapshotSettings? settings = null,
        [CallerFilePath] string sourceFile = "", [CallerMemberName] string methodName = "")
    {
        settings ??= SnapshotSettings.Default;
        return VerifyCoreAsync(Scrub(text, settings), settings.Extension ?? "txt", settings, sourceFile, methodName);
    }

    /// <summary>Snapshots any object as indented JSON (public properties in declaration order, nulls and zeros kept).</summary>
    public static Task VerifyAsync(object value, SnapshotSettings? settings = null,
        [CallerFilePath] string sourceFile = "", [CallerMemberName] string methodName = "")
    {
        settings ??= SnapshotSettings.Default;
        if (value is ComparisonReport report) return VerifyAsync(report, settings, sourceFile, methodName);
        if (value is string text) return VerifyAsync(text, settings, sourceFile, methodName);
        var json = JsonSerializer.Serialize(value, value.GetType(), JsonOptions);
        return VerifyCoreAsync(Scrub(json, settings), settings.Extension ?? "json", settings, sourceFile, methodName);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        NewLine = "\n",
        // NaN and infinities as "NaN"/"Infinity"/"-Infinity", the rule of every JSON dq writes (Core.Reporting.JsonNumbers).
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static string Scrub(string text, SnapshotSettings settings) =>
        (settings.RenderOptions.Scrubbers ?? ScrubberSet.CreateDefault()).Scrub(text);

    private static async Task VerifyCoreAsync(string text, string extension, SnapshotSettings settings, string sourceFile, string methodName)
    {
        if (string.IsNullOrEmpty(sourceFile))
            throw new ArgumentException("The test source file is unknown; call VerifyAsync from a test method (it uses [CallerFilePath]).", nameof(sourceFile));
        var className = settings.ClassName ?? global::Xunit.TestContext.Current.TestClass?.TestClassSimpleName ?? Path.GetFileNameWithoutExtension(sourceFile);
        var file = SnapshotFile.For(settings.Directory is null ? sourceFile : Path.Combine(settings.Directory, Path.GetFileName(sourceFile)),
            className, methodName, extension, settings.Suffix);
        var autoAccept = settings.AutoAccept ?? CiEnvironment.AutoAccept(Environment.GetEnvironmentVariables());

        var result = await SnapshotVerifier.VerifyAsync(text, file, autoAccept, global::Xunit.TestContext.Current.CancellationToken).ConfigureAwait(false);
        if (result.Passed) return;

        if (result.Outcome == SnapshotOutcome.Mismatched && (settings.LaunchDiffTool ?? CiEnvironment.DiffToolAllowed()))
            await DiffRunner.LaunchAsync(file.ReceivedPath, file.VerifiedPath).ConfigureAwait(false);
        throw new SnapshotMismatchException(result.Message, file.ReceivedPath, file.VerifiedPath);
    }
}
