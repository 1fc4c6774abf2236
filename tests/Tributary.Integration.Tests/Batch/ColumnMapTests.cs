using Tributary.Host.Batch;

namespace Tributary.IntegrationTests.Batch;

/// <summary>Which header names a file run takes for an identifier without <c>--map</c>.</summary>
public sealed class ColumnMapTests
{
    [Theory]
    [InlineData("domain")]
    [InlineData("domain_name")]
    [InlineData("Domain Name")]
    [InlineData("company_domain")]
    [InlineData("Company Domain")]
    [InlineData("website")]
    public void Detect_ADomainHeader_MapsItToTheDomain(string header)
    {
        ColumnMap.TryCreate(["id", header], [], out var map, out var error).ShouldBeTrue(error);

        map.Indexes.ShouldContainKeyAndValue(IdentifierColumn.Domain, 1);
    }
}
