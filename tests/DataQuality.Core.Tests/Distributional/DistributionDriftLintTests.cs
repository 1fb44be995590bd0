using DataQuality.Core.Contracts.Lint;
using DataQuality.Core.Contracts.Reading;

namespace DataQuality.Core.Tests.Distributional;

public sealed class DistributionDriftLintTests
{
    [Fact]
    public void DistributionDrift_is_a_known_property_metric_and_an_error_at_schema_level()
    {
        var findings = ContractLinter.Lint(ContractLoader.LoadDocument("""
            apiVersion: v3.1.0
            kind: DataContract
            id: t
            version: 1.0.0
            status: active
            schema:
              - name: orders
                quality:
                  - metric: distributionDrift
                    arguments: { referenceProfile: p.json }
                    mustBeLessThan: 0.1
                properties:
                  - name: amount
                    logicalType: number
                    quality:
                      - metric: distributionDrift
                        arguments: { referenceProfile: p.json, method: ks }
                        mustBeLessThan: 0.1
            """, "c.yaml")).Select(d => d.ToString()).ToList();

        findings.Should().ContainSingle(f => f.Contains("DQ1017"));
        findings.Single(f => f.Contains("DQ1017")).Should().Contain("applies to a property");
    }
}
