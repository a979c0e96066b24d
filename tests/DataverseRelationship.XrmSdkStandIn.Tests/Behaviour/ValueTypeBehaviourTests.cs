using System;
using System.Reflection;
using CsCheck;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.XrmSdkStandIn.Tests.Behaviour;

/// <summary>EntityReference, Money, OptionSetValue, Relationship and AliasedValue behave as behaviour.txt records.</summary>
public class ValueTypeBehaviourTests
{
    private static readonly Guid Id = new("22222222-2222-2222-2222-222222222222");

    [Fact]
    public void EntityReference_equals_another_with_the_same_name_and_id()
    {
        Assert.True(new EntityReference("account", Id).Equals(new EntityReference("account", Id)));
        Assert.Equal(new EntityReference("account", Id).GetHashCode(), new EntityReference("account", Id).GetHashCode());
    }

    [Fact]
    public void EntityReference_equality_operator_is_reference_equality()
    {
        object left = new EntityReference("account", Id);
        object right = new EntityReference("account", Id);

        Assert.False(left == right);
        Assert.Null(typeof(EntityReference).GetMethod("op_Equality"));
    }

    [Fact]
    public void EntityReference_equality_compares_the_logical_name_case_sensitively()
    {
        Assert.False(new EntityReference("account", Id).Equals(new EntityReference("Account", Id)));
    }

    [Fact]
    public void EntityReference_with_another_id_is_not_equal()
    {
        Assert.False(new EntityReference("account", Id).Equals(new EntityReference("account", Guid.Empty)));
    }

    [Fact]
    public void Parameterless_EntityReference_has_no_name_an_empty_id_and_empty_key_attributes()
    {
        var reference = new EntityReference();

        Assert.True(string.IsNullOrEmpty(reference.LogicalName));
        Assert.Equal(Guid.Empty, reference.Id);
        Assert.NotNull(reference.KeyAttributes);
        Assert.Equal(0, reference.KeyAttributes.Count);
    }

    [Fact]
    public void EntityReference_accepts_a_null_logical_name()
    {
        Assert.Null(new EntityReference(null, Id).LogicalName);
    }

    [Fact]
    public void EntityReference_ToString_is_not_overridden()
    {
        Assert.Equal("Microsoft.Xrm.Sdk.EntityReference", new EntityReference("account", Id).ToString());
    }

    [Fact]
    public void Money_equals_another_with_the_same_value()
    {
        Assert.True(new Money(1m).Equals(new Money(1m)));
        Assert.False(new Money(1m).Equals(new Money(2m)));
    }

    [Fact]
    public void Money_equality_matches_decimal_equality()
    {
        Gen.Decimal.Select(Gen.Decimal).Sample((a, b) =>
            new Money(a).Equals(new Money(b)) == (a == b)
            && (a != b || new Money(a).GetHashCode() == new Money(b).GetHashCode()));
    }

    [Fact]
    public void Parameterless_Money_is_zero()
    {
        Assert.Equal(0m, new Money().Value);
    }

    [Fact]
    public void Money_ToString_is_not_overridden()
    {
        Assert.Equal("Microsoft.Xrm.Sdk.Money", new Money(1m).ToString());
    }

    [Fact]
    public void OptionSetValue_equals_another_with_the_same_value()
    {
        Assert.True(new OptionSetValue(3).Equals(new OptionSetValue(3)));
        Assert.False(new OptionSetValue(3).Equals(new OptionSetValue(4)));
    }

    [Fact]
    public void OptionSetValue_ToString_is_not_overridden()
    {
        Assert.Equal("Microsoft.Xrm.Sdk.OptionSetValue", new OptionSetValue(3).ToString());
    }

    [Fact]
    public void Value_types_override_Equals_but_declare_no_equality_operators()
    {
        Type[] types = { typeof(EntityReference), typeof(Money), typeof(OptionSetValue), typeof(Relationship) };

        foreach (Type type in types)
        {
            Assert.Equal(type, type.GetMethod(nameof(Equals), new[] { typeof(object) })!.DeclaringType);
            Assert.DoesNotContain(type.GetMethods(BindingFlags.Public | BindingFlags.Static), m => m.Name is "op_Equality" or "op_Inequality");
        }
    }

    [Fact]
    public void OptionSetValueCollection_holds_added_values()
    {
        var values = new OptionSetValueCollection { new OptionSetValue(1) };

        Assert.Single(values);
    }

    [Fact]
    public void Relationship_has_no_primary_entity_role_by_default()
    {
        Assert.Null(new Relationship("x").PrimaryEntityRole);
    }

    [Fact]
    public void Relationship_ToString_names_the_relationship()
    {
        // Documented only as "the name of the current Relationship"
        // (https://learn.microsoft.com/en-us/dotnet/api/microsoft.xrm.sdk.relationship.tostring): whether the role follows is not.
        Assert.Contains("account_contacts", new Relationship("account_contacts").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Relationships_with_the_same_schema_name_and_role_are_equal_keys()
    {
        var related = new RelatedEntityCollection { { new Relationship("account_contacts"), new EntityCollection() } };

        Assert.True(related.Contains(new Relationship("account_contacts")));
        Assert.False(related.Contains(new Relationship("account_contacts") { PrimaryEntityRole = EntityRole.Referenced }));
    }

    [Fact]
    public void AliasedValue_keeps_its_table_column_and_value()
    {
        var aliased = new AliasedValue("contact", "fullname", "Bob");

        Assert.Equal("contact", aliased.EntityLogicalName);
        Assert.Equal("fullname", aliased.AttributeLogicalName);
        Assert.Equal("Bob", aliased.Value);
    }
}
