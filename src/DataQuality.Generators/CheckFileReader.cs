using System;
using System.Collections.Generic;
using System.Linq;

namespace DataQuality.Generators
{
    /// <summary>Turns one AdditionalFile into the names the generated code needs.</summary>
    internal static class CheckFileReader
    {
        public static CheckFileModel Read(CheckFileKind kind, string path, string relativePath, string text, string? datasetOverride)
        {
            var fileName = FileStem(path);
            var isJson = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            if (kind == CheckFileKind.Suite)
            {
                var name = (isJson ? ShallowJson.SuiteNameOf(text) : ShallowYaml.TopLevelScalar(text, "suite") ?? ShallowYaml.TopLevelScalar(text, "name")) ?? fileName;
                var dataset = NullIfEmpty(datasetOverride) ?? (isJson ? ShallowJson.DatasetOf(text) : ShallowYaml.TopLevelScalar(text, "dataset"));
                // silver.orders → orders: the model is the last segment of a layered name.
                var model = name.Split('.').Last();
                return new CheckFileModel(kind, path, relativePath, name, dataset, new[] { model.Length == 0 ? fileName : model }, null);
            }

            // ODCS 3.x lists schema objects; DCS 1.x maps models by name.
            var contractName = ShallowYaml.TopLevelScalar(text, "name") ?? ShallowYaml.TopLevelScalar(text, "id") ?? fileName;
            var models = ShallowYaml.ListItemNames(text, "schema");
            if (models.Count == 0) models = ShallowYaml.MappingKeys(text, "models");
            var distinct = models.Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
            return new CheckFileModel(kind, path, relativePath, contractName, null, distinct,
                distinct.Length == 0 ? "the contract declares no models (ODCS 'schema:' objects with a name, or DCS 'models:')" : null);
        }

        /// <summary><c>orders.suite.yaml</c> → <c>orders</c>.</summary>
        public static string FileStem(string path)
        {
            var name = System.IO.Path.GetFileName(path);
            var dot = name.IndexOf('.');
            return dot > 0 ? name.Substring(0, dot) : name;
        }

        private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
    }
}
