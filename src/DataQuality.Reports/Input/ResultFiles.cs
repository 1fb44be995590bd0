using DataQuality.Core.Diagnostics;
using DataQuality.Core.Profiling;
using DataQuality.Reports.Model;

namespace DataQuality.Reports.Input;

/// <summary>Loads the JSON files <c>dq validate/profile/compare --format json</c> wrote into <see cref="ReportInputs"/>, with DQ85xx errors naming the file.</summary>
public static class ResultFiles
{
    public static void AddValidation(ReportInputs inputs, string path)
    {
        foreach (var report in ValidationJsonReader.Read(ReadText(path), path))
            inputs.Validations.Add((path, report));
    }

    public static void AddProfile(ReportInputs inputs, string path)
    {
        DatasetProfile profile;
        try { profile = ProfileJson.Deserialize(ReadText(path), path); }
        catch (InputException ex) when (ex.Code != ReportErrors.FileNotFound)
        {
            throw new InputException(ReportErrors.BadResultJson, $"'{path}' is not a dq profile: {ex.Message}", new SourceLocation(path), ex);
        }
        inputs.Profiles.Add((Path.GetFileNameWithoutExtension(path), profile));
    }

    public static void AddComparison(ReportInputs inputs, string path) =>
        inputs.Comparisons.Add((path, ComparisonJsonReader.Read(ReadText(path), path)));

    public static void AddBench(ReportInputs inputs, string path) =>
        inputs.Benches.Add((path, BenchJsonReader.Read(ReadText(path), path)));

    private static string ReadText(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(ReportErrors.FileNotFound, $"Cannot read result file '{path}': {ex.Message}", new SourceLocation(path), ex);
        }
    }
}
