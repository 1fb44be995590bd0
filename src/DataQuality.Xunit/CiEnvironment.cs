using System.Collections;
using DiffEngine;

namespace DataQuality.Xunit;

/// <summary>
/// Decides whether a diff tool may open. Never on a build server: the usual CI variables are
/// checked here, and DiffEngine's own detection (<see cref="BuildServerDetector"/>) and its
/// <c>DiffEngine_Disabled</c> switch are honoured too.
/// </summary>
public static class CiEnvironment
{
    /// <summary>Variables whose presence (non-empty, not "false"/"0") means a CI run.</summary>
    public static readonly IReadOnlyList<string> Variables =
    [
        "CI", "GITHUB_ACTIONS", "TF_BUILD", "GITLAB_CI", "JENKINS_URL", "TEAMCITY_VERSION", "BUILDKITE", "CIRCLECI",
        "TRAVIS", "APPVEYOR", "BITBUCKET_BUILD_NUMBER", "CODEBUILD_BUILD_ID", "BUILD_BUILDID", "DRONE", "SEMAPHORE",
    ];

    public static bool IsCi(IDictionary environment)
    {
        foreach (var name in Variables)
            if (environment[name] is string value && value.Length > 0 && value != "0" && !value.Equals("false", StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    public static bool IsCi() => IsCi(Environment.GetEnvironmentVariables()) || BuildServerDetector.Detected;

    /// <summary>True when a diff tool may be launched: not CI and DiffEngine not disabled.</summary>
    public static bool DiffToolAllowed() => !IsCi() && !DiffRunner.Disabled;

    /// <summary><c>DQ_AUTO_ACCEPT=1</c> (or <c>true</c>) accepts every snapshot instead of failing.</summary>
    public static bool AutoAccept(IDictionary environment) =>
        environment["DQ_AUTO_ACCEPT"] is string v && (v == "1" || v.Equals("true", StringComparison.OrdinalIgnoreCase));
}
