using System;
using System.Collections.Generic;

namespace DataQuality.Generators;

/// <summary>
/// Everything the generator needs from one suite or contract file, and nothing more: the build only
/// has to know the test class and theory names, which dq-lint's model list carries (<see cref="ModelListEntry"/>),
/// plus where the file sits in the project. The checks are read by the engine at test time. A value with
/// structural equality, so an unchanged file is a cache hit in the incremental pipeline.
/// </summary>
internal sealed class CheckFileModel : IEquatable<CheckFileModel>
{
    public CheckFileModel(ModelListEntry entry, string relativePath)
    {
        Entry = entry;
        RelativePath = relativePath;
    }

    public ModelListEntry Entry { get; }

    /// <summary>Path relative to the project directory, with forward slashes (for names and traits).</summary>
    public string RelativePath { get; }

    public CheckFileKind Kind => Entry.Kind;

    public string Path => Entry.Path;

    public string Name => Entry.Name;

    public string? Dataset => Entry.Dataset;

    public IReadOnlyList<string> Models => Entry.Models;

    public bool Equals(CheckFileModel? other) => other is not null && RelativePath == other.RelativePath && Entry.Equals(other.Entry);

    public override bool Equals(object? obj) => Equals(obj as CheckFileModel);

    public override int GetHashCode() => Entry.GetHashCode();
}
