using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.XrmSdkStandIn.Tests.Behaviour;

/// <summary>ParameterCollection, EntityImageCollection, EntityCollection and DataCollection behave as behaviour.txt records.</summary>
public class CollectionBehaviourTests
{
    [Fact]
    public void ParameterCollection_indexer_on_a_missing_key_throws_KeyNotFoundException()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => new ParameterCollection()["Target"]);
        Assert.Equal("The given key 'Target' was not present in the dictionary.", error.Message);
    }

    [Fact]
    public void ParameterCollection_Contains_is_false_for_a_missing_key()
    {
        Assert.False(new ParameterCollection().Contains("Target"));
    }

    [Fact]
    public void ParameterCollection_keys_are_case_sensitive()
    {
        var parameters = new ParameterCollection { { "Target", 1 } };

        Assert.False(parameters.Contains("target"));
    }

    [Fact]
    public void AddOrUpdateIfNotNull_with_null_adds_nothing()
    {
        var parameters = new ParameterCollection();

        parameters.AddOrUpdateIfNotNull("tag", null);

        Assert.False(parameters.Contains("tag"));
    }

    [Fact]
    public void AddOrUpdateIfNotNull_with_a_value_adds_or_replaces_it()
    {
        var parameters = new ParameterCollection();

        parameters.AddOrUpdateIfNotNull("tag", "a");
        parameters.AddOrUpdateIfNotNull("tag", "b");

        Assert.Equal("b", parameters["tag"]);
    }

    [Fact]
    public void ParameterCollection_TryGetValue_finds_a_present_key()
    {
        var parameters = new ParameterCollection { { "Depth", 1 } };

        Assert.True(parameters.TryGetValue("Depth", out object value));
        Assert.Equal(1, value);
    }

    [Fact]
    public void EntityImageCollection_indexer_on_a_missing_alias_throws_KeyNotFoundException()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => new EntityImageCollection()["pre"]);
        Assert.Equal("The given key 'pre' was not present in the dictionary.", error.Message);
    }

    [Fact]
    public void New_EntityCollection_is_empty_without_paging()
    {
        var collection = new EntityCollection();

        Assert.Empty(collection.Entities);
        Assert.Null(collection.EntityName);
        Assert.False(collection.MoreRecords);
        Assert.Equal(0, collection.TotalRecordCount);
        Assert.Null(collection.PagingCookie);
    }

    [Fact]
    public void EntityCollection_from_a_list_copies_the_rows()
    {
        var rows = new List<Entity> { new("account") };

        var collection = new EntityCollection(rows);
        rows.Add(new Entity("contact"));

        Assert.Single(collection.Entities);
    }

    [Fact]
    public void EntityCollection_from_a_list_holds_its_rows_and_indexes_them()
    {
        var collection = new EntityCollection(new List<Entity> { new("account") });

        Assert.Single(collection.Entities);
        Assert.Equal("account", collection[0].LogicalName);
    }

    [Fact]
    public void Keyed_collections_enumerate_in_insertion_order()
    {
        Gen.String.HashSet[0, 30].Sample(keys =>
        {
            string[] order = keys.ToArray();
            var attributes = new AttributeCollection();
            foreach (string key in order)
            {
                attributes.Add(key, key.Length);
            }

            return attributes.Select(a => a.Key).SequenceEqual(order) && attributes.Count == order.Length;
        });
    }

    [Fact]
    public void Keyed_collection_Add_of_a_pair_with_an_existing_key_throws_ArgumentException()
    {
        var parameters = new ParameterCollection { { "Target", 1 } };

        Assert.Throws<ArgumentException>(() => parameters.Add(new KeyValuePair<string, object>("Target", 2)));
    }

    [Fact]
    public void Keyed_collection_indexer_set_adds_or_replaces()
    {
        var parameters = new ParameterCollection();

        parameters["Target"] = 1;
        parameters["Target"] = 2;

        Assert.Equal(2, parameters["Target"]);
        Assert.Equal(1, parameters.Count);
    }

    [Fact]
    public void DataCollection_AddRange_appends_in_order_and_ToArray_copies()
    {
        var references = new EntityReferenceCollection();
        var first = new EntityReference("account", Guid.NewGuid());
        var second = new EntityReference("contact", Guid.NewGuid());

        references.AddRange(first, second);
        EntityReference[] array = references.ToArray();
        references.Clear();

        Assert.Equal(new[] { first, second }, array);
    }
}
