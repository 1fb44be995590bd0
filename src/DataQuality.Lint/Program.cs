using DataQuality.Core.Diagnostics;
using DataQuality.Lint;

// dq-lint --suite a.yaml --suite b.json: one canonical line per problem
// (path(line,col): error DQnnnn: message), which MSBuild's Exec logs as a build error.
// --msbuild: exit 0 when the only problems are the printed ones (Exec already fails the build on
// them); a non-zero exit then means the linter itself broke.
var problems = new List<DataQualityException>();
var msbuild = false;
for (var i = 0; i < args.Length; i++)
{
    var kind = args[i];
    if (kind == "--msbuild")
    {
        msbuild = true;
        continue;
    }
    if (i + 1 >= args.Length || kind is not "--suite")
    {
        Console.Error.WriteLine("usage: dq-lint (--suite FILE)...");
        return 2;
    }
    var path = args[++i];
    problems.AddRange(CheckFileLinter.LintSuite(path));
}

foreach (var problem in problems) Console.Out.WriteLine(problem.ToDiagnosticString());
return problems.Count == 0 || msbuild ? 0 : 1;
