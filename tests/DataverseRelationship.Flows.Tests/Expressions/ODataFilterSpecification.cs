using System;
using DataverseRelationship.Flows.Expressions;
using DataverseRelationship.Flows.Runtime;

namespace DataverseRelationship.Flows.Tests.Expressions;

/// <summary>The OData filters List rows and the trigger's filter expression use.</summary>
public sealed class ODataFilterSpecification
{
    [Fact]
    public void A_filter_joins_comparisons_with_and_but_not_inside_a_text_literal()
    {
        var filter = ODataFilter.Parse("name eq 'Smith and Sons' and _dvr_accountid_value eq 0f8fad5b-d9cb-469f-a165-70867728950e and dvr_totier ge 418700001");

        Assert.Equal(3, filter.Conditions.Count);
        Assert.Equal("Smith and Sons", filter.Conditions[0].Literal);
        Assert.Equal("dvr_accountid", filter.Conditions[1].Column);
        Assert.Equal(new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"), filter.Conditions[1].Literal);
    }

    [Fact]
    public void A_row_matches_when_every_comparison_holds()
    {
        var filter = ODataFilter.Parse("dvr_tier eq 418700002 and name ne 'Contoso'");
        var row = FlowValue.NewObject();
        row["dvr_tier"] = 418700002L;
        row["name"] = "Fabrikam";

        Assert.True(filter.Matches(row));
        row["name"] = "Contoso";
        Assert.False(filter.Matches(row));
    }

    [Theory]
    [InlineData("dvr_tier eq 1 or dvr_tier eq 2", "or")]
    [InlineData("contains(name, 'Con')", "contains(name")]
    public void A_filter_outside_the_subset_is_refused_naming_the_clause(string text, string expected)
    {
        var refusal = Assert.Throws<FlowConnectorException>(() => ODataFilter.Parse(text));

        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
    }
}
