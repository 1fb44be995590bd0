namespace DataQuality.Fuzz.Tests.TestSupport;

/// <summary>
/// One corpus entry: a name (what a failure, a filter and KNOWN-FAILURES.md refer to), how to lay out its
/// workspace, the dq arguments (relative to the workspace), and, optionally, which exit codes it must give
/// beyond the rule every case obeys.
/// </summary>
public sealed record FuzzCase(string Name, Action<FuzzWorkspace> Setup, string[] Args, int[]? ExpectedExitCodes = null);
