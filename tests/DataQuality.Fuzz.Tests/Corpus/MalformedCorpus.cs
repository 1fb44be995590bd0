using DataQuality.Fuzz.Tests.TestSupport;

namespace DataQuality.Fuzz.Tests.Corpus;

/// <summary>Every mutant of every seed (<see cref="Mutator"/>), through <c>dq validate</c> and <c>dq lint</c>.</summary>
public static class MalformedCorpus
{
    public const string Data = "data/orders.parquet";

    public static IEnumerable<FuzzCase> Cases()
    {
        foreach (var seed in Seeds.All)
        {
            // The unmutated seed first: it must pass, or the mutants prove nothing.
            var valid = new Mutator.Mutant($"{seed.Name}/valid", new System.Text.UTF8Encoding(false).GetBytes(seed.Text));
            foreach (var mutant in Mutator.Mutants(seed).Prepend(valid))
            {
                void Setup(FuzzWorkspace w)
                {
                    w.Copy(Templates.Orders, Data);
                    w.Write(seed.FileName, mutant.Bytes);
                }
                int[]? expected = mutant == valid ? [0] : null;
                string[] validate = seed.IsContract
                    ? ["validate", "--contract", seed.FileName]
                    : ["validate", "--suite", seed.FileName, "--data", Data];
                yield return new FuzzCase($"{mutant.Name}/validate", Setup, validate, expected);
                yield return new FuzzCase($"{mutant.Name}/lint", Setup, ["lint", seed.FileName], expected);
            }
        }
    }
}
