using System;
using System.Collections.Generic;
using System.Linq;

namespace DataQuality.Generators
{
    /// <summary>
    /// Everything the generator needs from one suite or contract file, and nothing more: the
    /// build only has to know the test class and theory names (from dq-lint's <see cref="ModelList"/>).
    /// The checks are read by the engine at test time. A value type with structural equality, so an unchanged file is a cache hit
    /// in the incremental pipeline.
    /// </summary>
    internal sealed class CheckFileModel : IEquatable<CheckFileModel>
    {
        public CheckFileModel(CheckFileKind kind, string path, string relativePath, string name, string? dataset, IReadOnlyList<string> models)
        {
            Kind = kind;
            Path = path;
            RelativePath = relativePath;
            Name = name;
            Dataset = dataset;
            Models = models;
        }

        public CheckFileKind Kind { get; }

        /// <summary>Absolute path of the suite or contract file, as dq-lint wrote it.</summary>
        public string Path { get; }

        /// <summary>Path relative to the project directory, with forward slashes (for names and traits).</summary>
        public string RelativePath { get; }

        /// <summary>Suite or contract name (the file name when the file does not say).</summary>
        public string Name { get; }

        /// <summary>Suites: the dataset location (from the file, or the item's <c>Dataset</c> metadata).</summary>
        public string? Dataset { get; }

        /// <summary>One theory per model: the suite's dataset, or each model of a contract.</summary>
        public IReadOnlyList<string> Models { get; }

        public bool Equals(CheckFileModel? other) =>
            other is not null && Kind == other.Kind && Path == other.Path && RelativePath == other.RelativePath && Name == other.Name
            && Dataset == other.Dataset && Models.SequenceEqual(other.Models);

        public override bool Equals(object? obj) => Equals(obj as CheckFileModel);

        public override int GetHashCode()
        {
            unchecked
            {
                var hash = (int)Kind * 397 ^ StringComparer.Ordinal.GetHashCode(Path);
                foreach (var model in Models) hash = hash * 31 + StringComparer.Ordinal.GetHashCode(model);
                return hash;
            }
        }
    }
}
