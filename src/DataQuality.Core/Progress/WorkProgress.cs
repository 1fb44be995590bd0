namespace DataQuality.Core.Progress;

/// <summary>
/// How far a long operation is: <paramref name="Done"/> of <paramref name="Total"/> <paramref name="Unit"/> in
/// <paramref name="Stage"/>. Core only reports it (through <see cref="IProgress{T}"/>); the CLI decides how to show it.
/// </summary>
public readonly record struct WorkProgress(string Stage, long Done, long Total, string Unit);
