using System.Globalization;
using System.Reflection;
using DataQuality.Benchmarks;

// Usage: dotnet run -c Release --project tests/DataQuality.Benchmarks -- <name>|all|list [--scale 0.1] [--work DIR]
// profile-cold starts this executable as its SUMMARIZE process; it runs before any of the harness.
if (args is ["--summarize-child", var summarizePath]) return SummarizeChild.Run(summarizePath);
var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

var scale = 1.0;
var work = Path.Combine(Path.GetTempPath(), "dq-bench");
var names = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--scale": scale = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--work": work = args[++i]; break;
        default: names.Add(args[i]); break;
    }
}

if (names.Count == 0 || names.Contains("list"))
{
    foreach (var b in benchmarks) Console.WriteLine($"{b.Name,-12} {b.Description}");
    return names.Count == 0 ? 2 : 0;
}

var selected = names.Contains("all") ? benchmarks : benchmarks.Where(b => names.Contains(b.Name)).ToList();
var unknown = names.Where(n => n != "all" && benchmarks.All(b => b.Name != n)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"unknown benchmark(s): {string.Join(", ", unknown)}; try 'list'");
    return 2;
}

Console.WriteLine($"# machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):F0} GiB; {DateTime.UtcNow:yyyy-MM-dd} UTC; .NET {Environment.Version}; scale {scale.ToString(CultureInfo.InvariantCulture)}");
var context = new BenchContext(work, scale, Console.Out);
foreach (var benchmark in selected)
{
    Console.WriteLine($"## {benchmark.Name}: {benchmark.Description}");
    await benchmark.RunAsync(context, CancellationToken.None);
}
return 0;
