using DataQuality.Tests.Shared;

namespace DataQuality.Core.Tests.TestSupport;

/// <summary>The conformance data (tests/conformance, or DQ_CONFORMANCE_DIR): see <see cref="ConformanceData"/>.</summary>
public static class Conformance
{
    public static string Directory => ConformanceData.Directory;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Directory, .. parts]);
}
