using System.Runtime.CompilerServices;

namespace DataQuality.Core.Tests.TestSupport;

internal static class AwsEnvironment
{
    /// <summary>
    /// Tests never ask the EC2 instance metadata service for credentials: that is a non-loopback
    /// address, and a test that falls through the default chain must fail fast instead.
    /// </summary>
    [ModuleInitializer]
    internal static void DisableInstanceMetadata() => Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
}
