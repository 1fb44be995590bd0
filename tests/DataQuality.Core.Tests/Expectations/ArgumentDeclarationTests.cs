using DataQuality.Core.Expectations;
using DataQuality.Core.Expectations.Arguments;
using DataQuality.Tests.Shared;

namespace DataQuality.Core.Tests.Expectations;

public sealed class ArgumentDeclarationTests
{
    [Fact]
    public void Docs_suites_md_argument_tables_match_the_declarations()
    {
        var path = Path.Combine(ConformanceData.RepositoryRoot, "docs", "suites.md");
        var page = File.ReadAllText(path);
        var current = ArgumentTables.Update(page);
        if (Environment.GetEnvironmentVariable("DQ_UPDATE_DOCS") == "1") File.WriteAllText(path, current);

        page.Should().Be(current, "docs/suites.md's argument tables are generated from the declarations: run this test with DQ_UPDATE_DOCS=1 to rewrite them");
    }

    [Fact]
    public void Every_definition_declares_each_argument_once_and_never_redeclares_a_shared_one()
    {
        var shared = ExpectationArguments.Shared.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var definition in ExpectationCatalog.All)
        {
            var names = definition.Arguments.Select(a => a.Name).ToList();
            names.Should().OnlyHaveUniqueItems(definition.Type);
            names.Should().NotIntersectWith(shared, definition.Type);
            definition.Arguments.Where(a => a.Required && a.Default is not null).Should().BeEmpty($"{definition.Type}: a required argument has no default");
        }
    }

    [Fact]
    public void Unknown_missing_and_mistyped_arguments_are_reported_together_with_their_codes()
    {
        var config = new ExpectationConfig("expect_column_values_to_match_regex",
            new System.Text.Json.Nodes.JsonObject { ["column"] = "a", ["regx"] = "^a", ["mostly"] = "most" });

        var problems = ExpectationArguments.Problems(config, ExpectationCatalog.Get(config.Type));

        problems.Select(p => $"{p.Code}: {p.Message}").Should().Equal(
            "DQ4110: unknown argument 'regx' of expect_column_values_to_match_regex; did you mean 'regex'?",
            "DQ4102: expect_column_values_to_match_regex: kwarg 'mostly' must be a number, got string \"most\".",
            "DQ4101: expect_column_values_to_match_regex: required kwarg 'regex' (a string) is missing.");
    }
}
