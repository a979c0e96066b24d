using System;
using System.Linq;
using CsCheck;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.LocalDataverse.Tests;

/// <summary>What is written is what is read back, whatever form the store keeps it in.</summary>
public sealed class StoredValueTests
{
    [Fact]
    public void Any_text_up_to_the_column_length_reads_back_exactly_and_is_found_by_a_condition_on_it()
    {
        // Any char, lone surrogates included, and texts on both sides of the length kept as UTF-8.
        Gen.OneOf(Gen.String[Gen.Char, 0, 300], Gen.String[Gen.Char['\uD7F0', '\uE010'], 60, 70], Gen.String[Gen.Char['a', 'z'], 60, 70]).Sample(text =>
        {
            var dataverse = new LocalDataverse(new LocalDataverseOptions { KeepOperationHistory = false });
            var id = dataverse.Service.Create(new Entity("opportunity") { ["name"] = text.Length == 0 ? null : text });

            var read = dataverse.Service.Retrieve("opportunity", id, new ColumnSet("name"));
            var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
            query.Criteria.AddCondition("name", ConditionOperator.Equal, text.Length == 0 ? "x" : text);

            Assert.Equal(text.Length == 0 ? null : text, read.GetAttributeValue<string>("name"));
            Assert.Equal(text.Length == 0 ? 0 : 1, dataverse.Service.RetrieveMultiple(query).Entities.Count(e => e.GetAttributeValue<string>("name") == text));
        });
    }

    [Fact]
    public void Lookups_choices_and_money_read_back_as_new_sdk_values_equal_to_those_written()
    {
        var dataverse = new LocalDataverse();
        var accountId = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var id = dataverse.Service.Create(new Entity("opportunity")
        {
            ["name"] = "Deal",
            ["parentaccountid"] = new EntityReference("account", accountId) { Name = "Contoso" },
            ["estimatedvalue"] = new Money(1234.5m),
        });

        var first = dataverse.Read("opportunity", id);
        var second = dataverse.Read("opportunity", id);

        Assert.Equal(new EntityReference("account", accountId), first.GetAttributeValue<EntityReference>("parentaccountid"));
        Assert.Equal("Contoso", first.GetAttributeValue<EntityReference>("parentaccountid").Name);
        Assert.NotSame(first["parentaccountid"], second["parentaccountid"]);
        Assert.Equal(1234.5m, first.GetAttributeValue<Money>("estimatedvalue").Value);
        Assert.Equal(1234.5m, first.GetAttributeValue<Money>("estimatedvalue_base").Value);
        Assert.NotSame(first["estimatedvalue"], second["estimatedvalue"]);
        Assert.Equal(0, first.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.NotSame(first["statecode"], second["statecode"]);
    }

    [Fact]
    public void Equal_amounts_written_with_different_scales_read_back_with_their_own_scale()
    {
        // Boxes of equal values are shared between rows; 1.0 and 1.00 are equal decimals that print differently.
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[0, 4], Gen.Int[0, 4]).Sample((units, firstPlaces, secondPlaces) =>
        {
            var dataverse = new LocalDataverse(new LocalDataverseOptions { KeepOperationHistory = false });
            var first = Math.Round(units / 10000m, firstPlaces);
            // The same value with more places (a zero at a larger scale raises the scale: 1.5 + 0.00000 = 1.50000).
            var second = first + new decimal(0, 0, 0, false, (byte)(secondPlaces + 5));
            var a = dataverse.Service.Create(new Entity("opportunity") { ["name"] = "A", ["estimatedvalue"] = new Money(first), ["discountpercentage"] = first });
            var b = dataverse.Service.Create(new Entity("opportunity") { ["name"] = "B", ["estimatedvalue"] = new Money(second), ["discountpercentage"] = second });

            var readA = dataverse.Read("opportunity", a);
            var readB = dataverse.Read("opportunity", b);

            Assert.Equal(first.ToString(System.Globalization.CultureInfo.InvariantCulture), readA.GetAttributeValue<Money>("estimatedvalue").Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(second.ToString(System.Globalization.CultureInfo.InvariantCulture), readB.GetAttributeValue<Money>("estimatedvalue").Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(first.ToString(System.Globalization.CultureInfo.InvariantCulture), readA.GetAttributeValue<decimal>("discountpercentage").ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(second.ToString(System.Globalization.CultureInfo.InvariantCulture), readB.GetAttributeValue<decimal>("discountpercentage").ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
    }
}
