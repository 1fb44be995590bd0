using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Tests.Expectations;

/// <summary>
/// The catalog is an explicit list (a NativeAOT build trims types that only reflection would find); this scan,
/// run under the JIT where every type is present, is what keeps the list whole.
/// </summary>
public sealed class ExpectationListTests
{
    [Fact]
    public void Every_concrete_expectation_definition_in_the_assembly_is_in_the_list_once()
    {
        var declared = typeof(ExpectationDefinition).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(ExpectationDefinition).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();
        var listed = ExpectationList.Create().Select(d => d.GetType().FullName).Order(StringComparer.Ordinal).ToList();

        declared.Should().NotBeEmpty();
        listed.Should().OnlyHaveUniqueItems();
        listed.Should().Equal(declared);
        ExpectationCatalog.All.Should().HaveCount(declared.Count);
    }
}
