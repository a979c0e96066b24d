using System.Linq;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Storage;

/// <summary>Deep copies of SDK values, so that callers, plugins and the store never share mutable state.</summary>
internal static class ValueCopy
{
    public static object? Clone(object? value) => value switch
    {
        null => null,
        Money money => new Money(money.Value),
        OptionSetValue option => new OptionSetValue(option.Value),
        EntityReference reference => CloneReference(reference),
        OptionSetValueCollection options => new OptionSetValueCollection(options.Select(o => new OptionSetValue(o.Value)).ToList()),
        Entity entity => CloneEntity(entity),
        EntityCollection collection => CloneCollection(collection),
        EntityReferenceCollection references => new EntityReferenceCollection(references.Select(CloneReference).ToList()),
        AliasedValue aliased => new AliasedValue(aliased.EntityLogicalName, aliased.AttributeLogicalName, Clone(aliased.Value)),
        string[] strings => (string[])strings.Clone(),
        _ => value,
    };

    public static EntityReference CloneReference(EntityReference reference)
    {
        var copy = new EntityReference(reference.LogicalName, reference.Id) { Name = reference.Name };
        foreach (var key in reference.KeyAttributes)
        {
            copy.KeyAttributes[key.Key] = Clone(key.Value)!;
        }

        return copy;
    }

    public static Entity CloneEntity(Entity entity)
    {
        var copy = new Entity(entity.LogicalName, entity.Id) { RowVersion = entity.RowVersion };
        foreach (var attribute in entity.Attributes)
        {
            copy.Attributes[attribute.Key] = Clone(attribute.Value)!;
        }

        foreach (var key in entity.KeyAttributes)
        {
            copy.KeyAttributes[key.Key] = Clone(key.Value)!;
        }

        foreach (var formatted in entity.FormattedValues)
        {
            copy.FormattedValues[formatted.Key] = formatted.Value;
        }

        return copy;
    }

    private static EntityCollection CloneCollection(EntityCollection collection)
    {
        var copy = new EntityCollection(collection.Entities.Select(CloneEntity).ToList())
        {
            EntityName = collection.EntityName,
            MoreRecords = collection.MoreRecords,
            PagingCookie = collection.PagingCookie,
            TotalRecordCount = collection.TotalRecordCount,
            TotalRecordCountLimitExceeded = collection.TotalRecordCountLimitExceeded,
        };
        return copy;
    }
}
