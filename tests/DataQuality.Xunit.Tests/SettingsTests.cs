namespace DataQuality.Xunit.Tests;

public sealed class SettingsTests
{
    [Fact]
    public void Msbuild_variables_are_defaults_and_DQ_VAR_overrides_them()
    {
        // A variable name no other test uses: the environment is process-wide.
        Environment.SetEnvironmentVariable("DQ_VAR_settings_test_ds", "2026-03-01");
        try
        {
            var settings = DataQualitySettings.FromDefaults(null, "settings_test_ds=2026-02-11; region = eu");

            settings.Variables["settings_test_ds"].Should().Be("2026-03-01");
            settings.Variables["region"].Should().Be("eu");
            settings.Substitute("out/${region}/ds=${settings_test_ds}").Should().Be("out/eu/ds=2026-03-01");
        }
        finally
        {
            Environment.SetEnvironmentVariable("DQ_VAR_settings_test_ds", null);
        }
    }

    [Fact]
    public void A_malformed_variables_property_is_DQ1031_as_a_malformed_dq_var_is()
    {
        FluentActions.Invoking(() => DataQualitySettings.FromDefaults(null, "ds"))
            .Should().Throw<DataQuality.Core.Diagnostics.InputException>().Which.Code.Should().Be("DQ1031");
    }
}
