using DataQuality.Lint;

// dq-lint --suite a.yaml --contract c.odcs.yaml ...: one canonical line per problem
// (path(line,col): error DQnnnn: message), which MSBuild's Exec logs as a build error (or warning).
// --msbuild: exit 0 when the only problems are the printed ones (Exec already fails the build on
// them); a non-zero exit then means the linter itself broke.
var lines = new List<LintLine>();
var msbuild = false;
for (var i = 0; i < args.Length; i++)
{
    var kind = args[i];
    if (kind == "--msbuild")
    {
        msbuild = true;
        continue;
    }
    if (i + 1 >= args.Length || kind is not ("--suite" or "--contract"))
    {
        Console.Error.WriteLine("usage: dq-lint [--msbuild] (--suite FILE | --contract FILE)...");
        return 2;
    }
    var path = args[++i];
    lines.AddRange(kind == "--suite" ? CheckFileLinter.LintSuite(path).Select(LintLine.From) : CheckFileLinter.LintContract(path));
}

foreach (var line in lines) Console.Out.WriteLine(line.Text);
return lines.All(l => !l.IsError) || msbuild ? 0 : 1;
