using DataQuality.Core;

namespace DataQuality.Cli.Tests;

/// <summary>
/// Argument mistakes are usage errors a user can act on: a DQ code, the command, a did-you-mean, and no
/// .NET type names or stack traces (issue 14; issue 12's "Messages").
/// </summary>
public sealed class ParseErrorTests
{
    [Fact]
    public async Task A_misspelled_option_names_the_command_and_suggests_the_right_one()
    {
        var run = await CliRunner.RunAsync("validate", "--suite", "s.yaml", "--data", "d.parquet", "--fial-on", "warn");

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Should().Contain("DQ0001").And.Contain("'--fial-on'").And.Contain("dq validate")
            .And.Contain("did you mean '--fail-on'?");
        // The option's value is not reported as a second unknown argument.
        run.Error.Should().NotContain("'warn'");
    }

    [Fact]
    public async Task A_misspelled_command_suggests_the_right_one()
    {
        var run = await CliRunner.RunAsync("valdate", "--suite", "s.yaml");

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Should().Contain("DQ0001").And.Contain("did you mean 'validate'?");
    }

    [Fact]
    public async Task An_invalid_choice_lists_the_values_in_lower_case_without_a_type_name()
    {
        var run = await CliRunner.RunAsync("validate", "--suite", "s.yaml", "--data", "d.parquet", "--format", "xml");

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Should().Contain("DQ0002").And.Contain("'xml' is not one of text, json, markdown, junit")
            .And.NotContain("DataQuality.").And.NotContain("ReportFormat").And.NotContain("   at ");
    }

    [Fact]
    public async Task A_near_miss_choice_gets_a_did_you_mean_and_choices_match_case_insensitively()
    {
        var near = await CliRunner.RunAsync("validate", "--suite", "s.yaml", "--data", "d.parquet", "--format", "jsno");
        near.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        near.Error.Should().Contain("did you mean 'json'?");

        var upper = await CliRunner.RunAsync("validate", "--suite", "missing.yaml", "--data", "d.parquet", "--format", "JSON");
        upper.Error.Should().NotContain("DQ0002", "a choice is matched without regard to case");
    }

    [Fact]
    public async Task A_number_that_is_not_a_number_is_named_in_plain_words()
    {
        var run = await CliRunner.RunAsync("validate", "--suite", "s.yaml", "--data", "d.parquet", "--threads", "many");

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Should().Contain("DQ0002").And.Contain("many").And.NotContain("Int32").And.NotContain("System.");
    }

    [Fact]
    public async Task Help_shows_choices_in_lower_case()
    {
        var run = await CliRunner.RunAsync("validate", "--help");

        run.ExitCode.Should().Be(ExitCodes.Passed);
        run.Out.Should().Contain("text|json|markdown|junit").And.Contain("error|warn")
            .And.NotContain("<Text|").And.NotContain("[default: Text]");
    }

    [Fact]
    public async Task The_aws_profile_is_aws_profile_and_the_old_name_warns()
    {
        var help = await CliRunner.RunAsync("validate", "--help");
        help.Out.Should().Contain("--aws-profile").And.NotMatchRegex(@"\s--profile\s");

        var old = await CliRunner.RunAsync("validate", "--suite", "missing.yaml", "--data", "d.parquet", "--profile", "dev");
        old.Error.Should().Contain("DQ0003").And.Contain("--profile is deprecated; use --aws-profile");
    }

    [Fact]
    public async Task Compare_takes_lower_case_formats_and_short_output()
    {
        var run = await CliRunner.RunAsync("compare", "--base", "a", "--head", "b", "--format", "xml");

        run.ExitCode.Should().Be(ExitCodes.UsageOrInputError);
        run.Error.Should().Contain("DQ0002").And.Contain("'xml' is not one of markdown, json");
    }

    [Theory]
    [InlineData("compare", "--base", "a", "--head", "b")]
    [InlineData("bench", "show", "some-id")]
    public async Task Markdown_or_json_commands_refuse_the_other_report_formats(params string[] command)
    {
        // compare and bench take Core's one ReportFormat, restricted to what they render: text and junit parse as
        // members of the enum but are not offered, so they are refused like a typo.
        foreach (var format in new[] { "text", "junit" })
        {
            var run = await CliRunner.RunAsync([.. command, "--format", format]);

            run.ExitCode.Should().Be(ExitCodes.UsageOrInputError, format);
            run.Error.Should().Contain($"'{format}' is not one of markdown, json");
        }
    }
}
