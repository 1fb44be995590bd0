using DataQuality.Core.Reporting;
using DataQuality.Core.Snapshots;

namespace DataQuality.Xunit;

/// <summary>Per-call options for <see cref="DataSnapshot"/>. Everything has a default.</summary>
public sealed record SnapshotSettings
{
    /// <summary>
    /// Format of a rendered comparison report: Core's one <see cref="Core.Reporting.ReportFormat"/>, of which a
    /// comparison renders Markdown (<c>.md</c>) and JSON (<c>.json</c>); Text and JUnit are refused.
    /// </summary>
    public ReportFormat ReportFormat { get; init; } = ReportFormat.Markdown;

    /// <summary>File extension; default <c>md</c> for reports, <c>txt</c> for text, <c>json</c> for objects.</summary>
    public string? Extension { get; init; }

    /// <summary>Appended as <c>_suffix</c>, e.g. a theory's parameters, so each row has its own file.</summary>
    public string? Suffix { get; init; }

    /// <summary>Overrides the test class name (default: the running xunit test's class).</summary>
    public string? ClassName { get; init; }

    /// <summary>Overrides the folder of the snapshot files (default: the test source file's folder).</summary>
    public string? Directory { get; init; }

    /// <summary>How reports render; its scrubbers also apply to plain text and objects.</summary>
    public SnapshotRenderOptions RenderOptions { get; init; } = SnapshotRenderOptions.Default;

    /// <summary>Accept instead of failing. Null: the <c>DQ_AUTO_ACCEPT</c> environment variable decides.</summary>
    public bool? AutoAccept { get; init; }

    /// <summary>Open a diff tool on a mismatch. Null: yes locally, never on CI (see <see cref="CiEnvironment"/>).</summary>
    public bool? LaunchDiffTool { get; init; }

    public static SnapshotSettings Default { get; } = new();
}
