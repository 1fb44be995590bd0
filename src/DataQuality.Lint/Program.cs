using DataQuality.Core.Diagnostics;
using DataQuality.Lint;

// dq-lint --suite a.yaml --suite b.json: one canonical line per problem
// (path(line,col): error DQnnnn: message), which MSBuild's Exec logs as a build error.
var problems = new List<DataQualityException>();
for (var i = 0; i < args.Length; i++)
{
    var kind = args[i];
    if (i + 1 >= args.Length || kind is not "--suite")
    {
        Console.Error.WriteLine("usage: dq-lint (--suite FILE)...");
        return 2;
    }
    var path = args[++i];
    problems.AddRange(CheckFileLinter.LintSuite(path));
}

foreach (var problem in problems) Console.Out.WriteLine(problem.ToDiagnosticString());
return problems.Count == 0 ? 0 : 1;
