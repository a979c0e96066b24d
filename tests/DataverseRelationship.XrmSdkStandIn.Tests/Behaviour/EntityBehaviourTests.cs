using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.XrmSdkStandIn.Tests.Behaviour;

/// <summary>Entity behaves as behaviour.txt records for the genuine 9.0.2.34 SDK.</summary>
public class EntityBehaviourTests
{
    private static readonly Guid AccountId = new("11111111-1111-1111-1111-111111111111");

    /// <summary>The probe's entity: name, num, nul, money set in that order.</summary>
    private static Entity ProbeAccount()
    {
        var entity = new Entity("account", AccountId);
        entity["name"] = "Contoso";
        entity["num"] = 5;
        entity["nul"] = null;
        entity["money"] = new Money(10m);
        return entity;
    }

    [Fact]
    public void Constructor_with_name_and_id_sets_the_id_and_adds_no_attributes()
    {
        var entity = new Entity("account", AccountId);

        Assert.Equal(AccountId, entity.Id);
        Assert.Equal("account", entity.LogicalName);
        Assert.Equal(0, entity.Attributes.Count);
    }

    [Fact]
    public void Parameterless_entity_has_empty_collections_no_name_empty_id_and_no_state()
    {
        var entity = new Entity();

        Assert.Null(entity.LogicalName);
        Assert.Equal(Guid.Empty, entity.Id);
        Assert.NotNull(entity.Attributes);
        Assert.Equal(0, entity.Attributes.Count);
        Assert.Equal(0, entity.FormattedValues.Count);
        Assert.Equal(0, entity.KeyAttributes.Count);
        Assert.Equal(0, entity.RelatedEntities.Count);
        Assert.Null(entity.EntityState);
    }

    [Fact]
    public void Constructor_with_key_name_and_value_sets_the_key_attribute()
    {
        var entity = new Entity("a", "k", 5);

        Assert.Equal(5, entity.KeyAttributes["k"]);
        Assert.Equal(0, entity.Attributes.Count);
    }

    [Fact]
    public void Constructor_with_key_attributes_uses_that_collection()
    {
        var keys = new KeyAttributeCollection { { "accountnumber", "A-1" } };

        var entity = new Entity("account", keys);

        Assert.Same(keys, entity.KeyAttributes);
    }

    [Fact]
    public void Indexer_on_a_missing_column_throws_KeyNotFoundException()
    {
        Entity entity = ProbeAccount();

        var error = Assert.Throws<KeyNotFoundException>(() => entity["missing"]);
        Assert.Equal("The given key 'missing' was not present in the dictionary.", error.Message);
    }

    [Fact]
    public void Attributes_indexer_on_a_missing_column_throws_KeyNotFoundException()
    {
        Entity entity = ProbeAccount();

        var error = Assert.Throws<KeyNotFoundException>(() => entity.Attributes["missing"]);
        Assert.Equal("The given key 'missing' was not present in the dictionary.", error.Message);
    }

    [Fact]
    public void GetAttributeValue_on_a_missing_column_returns_the_default()
    {
        Entity entity = ProbeAccount();

        Assert.Null(entity.GetAttributeValue<string>("missing"));
        Assert.Equal(0, entity.GetAttributeValue<int>("missing"));
        Assert.Null(entity.GetAttributeValue<int?>("missing"));
        Assert.Null(entity.GetAttributeValue<Money>("missing"));
    }

    [Fact]
    public void Contains_is_true_for_a_column_explicitly_set_to_null()
    {
        Assert.True(ProbeAccount().Contains("nul"));
    }

    [Fact]
    public void GetAttributeValue_on_a_null_column_returns_the_default()
    {
        Entity entity = ProbeAccount();

        Assert.Equal(0, entity.GetAttributeValue<int>("nul"));
        Assert.Null(entity.GetAttributeValue<string>("nul"));
    }

    [Fact]
    public void GetAttributeValue_of_another_type_throws_InvalidCastException_without_converting()
    {
        Entity entity = ProbeAccount();

        var toString = Assert.Throws<InvalidCastException>(() => entity.GetAttributeValue<string>("num"));
        Assert.Equal("Unable to cast object of type 'System.Int32' to type 'System.String'.", toString.Message);
        var toLong = Assert.Throws<InvalidCastException>(() => entity.GetAttributeValue<long>("num"));
        Assert.Equal("Unable to cast object of type 'System.Int32' to type 'System.Int64'.", toLong.Message);
    }

    [Fact]
    public void GetAttributeValue_as_object_returns_the_stored_value()
    {
        Assert.Equal(5, ProbeAccount().GetAttributeValue<object>("num"));
    }

    [Fact]
    public void Column_names_are_case_sensitive()
    {
        Entity entity = ProbeAccount();

        Assert.False(entity.Contains("NAME"));
        Assert.False(entity.Attributes.ContainsKey("NAME"));
        Assert.Throws<KeyNotFoundException>(() => entity["NAME"]);
    }

    [Fact]
    public void TryGetAttributeValue_of_another_type_returns_false_and_the_default()
    {
        bool found = ProbeAccount().TryGetAttributeValue("name", out int value);

        Assert.False(found);
        Assert.Equal(0, value);
    }

    [Fact]
    public void TryGetAttributeValue_of_the_stored_type_returns_true_and_the_value()
    {
        bool found = ProbeAccount().TryGetAttributeValue("name", out string value);

        Assert.True(found);
        Assert.Equal("Contoso", value);
    }

    [Fact]
    public void TryGetAttributeValue_on_a_missing_column_returns_false()
    {
        Assert.False(ProbeAccount().TryGetAttributeValue("missing", out string _));
    }

    [Fact]
    public void Adding_an_existing_column_throws_ArgumentException()
    {
        Entity entity = ProbeAccount();

        var error = Assert.Throws<ArgumentException>(() => entity.Attributes.Add("name", "Fabrikam"));
        Assert.Equal("An item with the same key has already been added. Key: name", error.Message);
    }

    [Fact]
    public void Removing_a_missing_column_returns_false()
    {
        Assert.False(ProbeAccount().Attributes.Remove("missing"));
    }

    [Fact]
    public void Attribute_keys_are_a_dictionary_key_collection()
    {
        Assert.IsType<Dictionary<string, object>.KeyCollection>(ProbeAccount().Attributes.Keys);
    }

    [Fact]
    public void Attributes_enumerate_in_insertion_order()
    {
        Assert.Equal(new[] { "name", "num", "nul", "money" }, ProbeAccount().Attributes.Select(a => a.Key));
    }

    [Fact]
    public void Setting_the_id_does_not_add_the_primary_key_column()
    {
        var entity = new Entity("account") { Id = AccountId };

        Assert.False(entity.Contains("accountid"));
        Assert.Equal(0, entity.Attributes.Count);
    }

    [Fact]
    public void ToEntityReference_copies_the_logical_name_and_id_and_leaves_name_and_keys_empty()
    {
        Entity entity = ProbeAccount();

        EntityReference reference = entity.ToEntityReference();

        Assert.Equal("account", reference.LogicalName);
        Assert.Equal(AccountId, reference.Id);
        Assert.Null(reference.Name);
        Assert.Equal(0, reference.KeyAttributes.Count);
        Assert.Equal(Guid.Empty, new Entity("account").ToEntityReference().Id);
    }

    [Fact]
    public void ToEntityReference_of_a_row_with_a_key_does_not_carry_the_key()
    {
        // Observed on the genuine 9.0.2.56: reading the key from the reference throws KeyNotFoundException.
        var entity = new Entity("account", "accountnumber", "A-1");

        EntityReference reference = entity.ToEntityReference();

        Assert.Equal("account", reference.LogicalName);
        Assert.Throws<KeyNotFoundException>(() => reference.KeyAttributes["accountnumber"]);
    }

    [Fact]
    public void FormattedValues_indexer_on_a_missing_column_throws_KeyNotFoundException()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => ProbeAccount().FormattedValues["missing"]);
        Assert.Equal("The given key 'missing' was not present in the dictionary.", error.Message);
    }

    [Fact]
    public void ToEntity_returns_a_new_instance_with_the_same_name_id_and_values()
    {
        Entity entity = ProbeAccount();

        Entity copy = entity.ToEntity<Entity>();

        Assert.NotSame(entity, copy);
        Assert.Equal("account", copy.LogicalName);
        Assert.Equal(AccountId, copy.Id);
        Assert.Equal("Contoso", copy["name"]);
    }

    [Fact]
    public void ToString_is_not_overridden()
    {
        Assert.Equal("Microsoft.Xrm.Sdk.Entity", ProbeAccount().ToString());
    }

    [Fact]
    public void GetAttributeValue_of_an_aliased_value_returns_the_aliased_value()
    {
        var entity = new Entity("account");
        entity["contact.fullname"] = new AliasedValue("contact", "fullname", "Bob");

        Assert.Equal("Bob", entity.GetAttributeValue<AliasedValue>("contact.fullname").Value);
    }

    [Fact]
    public void GetAttributeValue_of_an_aliased_value_as_its_inner_type_throws_InvalidCastException()
    {
        var entity = new Entity("account");
        entity["contact.fullname"] = new AliasedValue("contact", "fullname", "Bob");

        var error = Assert.Throws<InvalidCastException>(() => entity.GetAttributeValue<string>("contact.fullname"));
        Assert.Equal("Unable to cast object of type 'Microsoft.Xrm.Sdk.AliasedValue' to type 'System.String'.", error.Message);
    }
}
