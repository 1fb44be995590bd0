using DataQuality.Lint;

// dq-lint [--models OUT] [--findings OUT] [--msbuild] (--suite FILE [--dataset LOCATION] | --contract FILE)...
// One canonical line per problem (path(line,col): error DQnnnn: message), to stdout or to --findings,
// where the build target replays it on every build (MSBuild's Exec logs each line as a build error or
// warning). --models writes the names the source generator reads (see CheckFileNames).
// --msbuild: exit 0 when the only problems are the printed ones (Exec fails the build on them); a
// non-zero exit then means the linter itself broke.
var files = new List<CheckFile>();
var msbuild = false;
string? modelsPath = null, findingsPath = null;
for (var i = 0; i < args.Length; i++)
{
    var option = args[i];
    if (option == "--msbuild")
    {
        msbuild = true;
        continue;
    }
    if (i + 1 >= args.Length) return Usage();
    var value = args[++i];
    switch (option)
    {
        case "--suite": files.Add(new CheckFile(true, value)); break;
        case "--contract": files.Add(new CheckFile(false, value)); break;
        case "--dataset" when files.Count > 0 && files[^1].IsSuite: files[^1] = files[^1] with { Dataset = value }; break;
        case "--models": modelsPath = value; break;
        case "--findings": findingsPath = value; break;
        default: return Usage();
    }
}

var lines = files.SelectMany(f => f.IsSuite ? CheckFileLinter.LintSuite(f.Path).Select(LintLine.From) : CheckFileLinter.LintContract(f.Path)).ToList();
if (modelsPath is not null) File.WriteAllText(modelsPath, CheckFileNames.ModelListText(files));
if (findingsPath is not null) File.WriteAllLines(findingsPath, lines.Select(l => l.Text));
else foreach (var line in lines) Console.Out.WriteLine(line.Text);
return lines.All(l => !l.IsError) || msbuild ? 0 : 1;

static int Usage()
{
    Console.Error.WriteLine("usage: dq-lint [--models OUT] [--findings OUT] [--msbuild] (--suite FILE [--dataset LOCATION] | --contract FILE)...");
    return 2;
}
