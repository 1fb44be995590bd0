using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Tests.Expectations;

public sealed class PythonRegexTests
{
    private static readonly ExpectationConfig Config = new("expect_column_values_to_match_regex", []);

    private static string Re2(string python) => PythonRegex.ToRe2(python, "regex", Config);

    [Theory]
    [InlineData(@"^a\d+", @"^a\d+")]
    [InlineData(@"abc\Z", @"abc\z")]
    [InlineData(@"a{,3}", @"a{0,3}")]
    [InlineData(@"(?P<year>\d{4})", @"(?P<year>\d{4})")]
    [InlineData(@"\u00e9", @"\x{00e9}")]
    [InlineData(@"a(?#comment)b", @"ab")]
    [InlineData(@"(?i)abc", @"(?i)abc")]
    [InlineData(@"(?u)abc", @"abc")]
    [InlineData(@"[$]x", @"[$]x")]
    [InlineData(@"(?m)^a$", @"(?m)^a$")]
    public void Translates_python_syntax_to_re2(string python, string re2) => Re2(python).Should().Be(re2);

    [Fact]
    public void Python_end_anchor_also_accepts_a_final_newline() => Re2("a$").Should().Be(@"a(?:\n?\z)");

    [Theory]
    [InlineData(@"(?=a)b", "lookahead")]
    [InlineData(@"(?<!a)b", "lookahead/lookbehind")]
    [InlineData(@"(a)\1", "backreferences")]
    [InlineData(@"(?P<x>a)(?P=x)", "named backreferences")]
    [InlineData(@"(?>a+)b", "atomic groups")]
    [InlineData(@"a*+", "possessive")]
    [InlineData(@"(?x) a b", "verbose")]
    public void Rejects_what_re2_cannot_evaluate(string python, string feature)
    {
        var act = () => Re2(python);
        act.Should().Throw<ExpectationArgumentException>().Where(e => e.Code == "DQ4402" && e.Message.Contains(feature));
    }

    [Theory]
    [InlineData("(abc")]
    [InlineData("*a")]
    [InlineData("[z-a]")]
    [InlineData(@"abc\")]
    public void Rejects_patterns_that_do_not_compile(string python)
    {
        var act = () => Re2(python);
        act.Should().Throw<ExpectationArgumentException>().Where(e => e.Code == "DQ4401" && e.Message.Contains("not a valid regular expression"));
    }
}
