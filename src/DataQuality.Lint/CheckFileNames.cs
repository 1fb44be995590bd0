using DataQuality.Core.Contracts.Reading;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Expectations.Readers;
using DataQuality.Generators;

namespace DataQuality.Lint;

/// <summary>
/// The names the source generator needs (suite or contract name, a suite's dataset, one model per
/// theory), read by Core's suite reader and contract loader: the same parse as <c>dq lint</c> and
/// <c>dq validate</c>, written as the model list the generator reads instead of parsing YAML itself.
/// </summary>
public static class CheckFileNames
{
    /// <summary>The model list text (<see cref="ModelList"/>'s format) for <paramref name="files"/>.</summary>
    public static string ModelListText(IEnumerable<CheckFile> files) => ModelList.Format(files.Select(Entry));

    private static ModelListEntry Entry(CheckFile file)
    {
        var path = Path.GetFullPath(file.Path);
        var stem = CodeNames.FileStem(path);
        var dataset = string.IsNullOrWhiteSpace(file.Dataset) ? null : file.Dataset;
        try
        {
            if (file.IsSuite)
            {
                var suite = SuiteReader.ReadFile(path);
                // A suite that names itself: silver.orders → model orders (the last segment of a layered name).
                // One that does not gets the reader's fallback name, the file name; its model is the stem (orders.suite.yaml → orders).
                var named = suite.Name != Path.GetFileNameWithoutExtension(path);
                var model = named ? suite.Name.Split('.').Last() : stem;
                return new ModelListEntry(CheckFileKind.Suite, path, suite.Name, dataset ?? suite.Dataset, [model.Length == 0 ? stem : model]);
            }
            var contract = ContractLoader.Load(path);
            var name = contract.Document.Root["name"] is { } n && n.GetValueKind() == System.Text.Json.JsonValueKind.String ? n.GetValue<string>() : contract.Id ?? stem;
            return new ModelListEntry(CheckFileKind.Contract, path, name, null, contract.Schemas.Select(s => s.Name).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).ToArray());
        }
        catch (DataQualityException)
        {
            // Unreadable: the lint findings say why (and fail the build). Still one class named for the file,
            // whose one row fails at test time with the reader's error when the findings are switched off.
            return new ModelListEntry(file.IsSuite ? CheckFileKind.Suite : CheckFileKind.Contract, path, stem, dataset, [stem]);
        }
    }
}
