using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A Dataverse row: logical name, id, column values and related rows.</summary>
[DataContract(Name = "Entity", Namespace = ContractNamespaces.Xrm2011)]
public class Entity : IExtensibleDataObject
{
    private FormattedValueCollection formattedValues;
    private RelatedEntityCollection relatedEntities;

    public Entity()
        : this((string)null)
    {
    }

    public Entity(string entityName)
    {
        LogicalName = entityName;
    }

    public Entity(string entityName, Guid id)
        : this(entityName)
    {
        Id = id;
    }

    public Entity(string entityName, KeyAttributeCollection keyAttributes)
        : this(entityName)
    {
        KeyAttributes = keyAttributes;
    }

    public Entity(string entityName, string keyName, object keyValue)
        : this(entityName)
    {
        KeyAttributes.Add(keyName, keyValue);
    }

    /// <summary>The column values by logical name; a new entity's collection is empty (behaviour.txt).</summary>
    public AttributeCollection Attributes { get; set; } = new AttributeCollection();

    public EntityState? EntityState { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    public FormattedValueCollection FormattedValues => formattedValues ??= new FormattedValueCollection();

    public bool HasLazyFileAttribute { get; set; }

    /// <summary>The row's id. Setting it does not add or change the primary-key column in <see cref="Attributes"/>.</summary>
    public virtual Guid Id { get; set; }

    /// <summary>The column value; a missing column throws <see cref="KeyNotFoundException"/>.</summary>
    public object this[string attributeName]
    {
        get => Attributes[attributeName];
        set => Attributes[attributeName] = value;
    }

    /// <summary>Alternate-key values; a new entity's collection is empty (behaviour.txt).</summary>
    public KeyAttributeCollection KeyAttributes { get; set; } = new KeyAttributeCollection();

    public string LazyFileAttributeKey { get; set; }

    public Lazy<object> LazyFileAttributeValue { get; set; }

    public string LazyFileSizeAttributeKey { get; set; }

    public int LazyFileSizeAttributeValue { get; set; }

    public string LogicalName { get; set; }

    public RelatedEntityCollection RelatedEntities => relatedEntities ??= new RelatedEntityCollection();

    public string RowVersion { get; set; }

    /// <summary>True when the column is present, also when its value is null. Case-sensitive.</summary>
    public bool Contains(string attributeName) => Attributes.Contains(attributeName);

    /// <summary>
    /// The column value cast (not converted) to <typeparamref name="T"/>; default(T) when the column is missing or null.
    /// A value of another type throws <see cref="InvalidCastException"/>; a null or blank name throws <see cref="ArgumentNullException"/>.
    /// </summary>
    public virtual T GetAttributeValue<T>(string attributeLogicalName)
    {
        object value = GetAttributeValueOrNull(attributeLogicalName);
        return value == null ? default : (T)value;
    }

    /// <summary>The formatted value of the column, or null when there is none.</summary>
    protected virtual string GetFormattedAttributeValue(string attributeLogicalName)
    {
        RequireName(attributeLogicalName, nameof(attributeLogicalName));
        return FormattedValues.TryGetValue(attributeLogicalName, out string value) ? value : null;
    }

    /// <summary>The related rows under the relationship, each cast to <typeparamref name="TEntity"/>; null when the relationship is absent.</summary>
    protected virtual IEnumerable<TEntity> GetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole)
        where TEntity : Entity
    {
        Relationship key = RelationshipKey(relationshipSchemaName, primaryEntityRole);
        return RelatedEntities.TryGetValue(key, out EntityCollection related) ? related.Entities.Cast<TEntity>() : null;
    }

    /// <summary>The first related row under the relationship cast to <typeparamref name="TEntity"/>, or null.</summary>
    protected virtual TEntity GetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole)
        where TEntity : Entity
    {
        Relationship key = RelationshipKey(relationshipSchemaName, primaryEntityRole);
        return RelatedEntities.TryGetValue(key, out EntityCollection related) ? (TEntity)related.Entities.FirstOrDefault() : null;
    }

    /// <summary>Sets the column; a null or blank name throws <see cref="ArgumentNullException"/>.</summary>
    protected virtual void SetAttributeValue(string attributeLogicalName, object value)
    {
        RequireName(attributeLogicalName, nameof(attributeLogicalName));
        Attributes[attributeLogicalName] = value;
    }

    /// <summary>
    /// Replaces the related rows under the relationship (null removes it). Every row needs a logical name; the collection's
    /// EntityName is the first row's.
    /// </summary>
    protected virtual void SetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, IEnumerable<TEntity> entities)
        where TEntity : Entity
    {
        Relationship key = RelationshipKey(relationshipSchemaName, primaryEntityRole);
        if (entities == null)
        {
            RelatedEntities.Remove(key);
            return;
        }

        var rows = new List<Entity>(entities);
        if (rows.Exists(row => string.IsNullOrWhiteSpace(row.LogicalName)))
        {
            throw new ArgumentException("An entity is missing a value for the 'LogicalName' property.", nameof(entities));
        }

        RelatedEntities[key] = new EntityCollection(rows) { EntityName = rows.First().LogicalName };
    }

    /// <summary>Replaces the related row under the relationship (null removes it). The row needs a logical name.</summary>
    protected virtual void SetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, TEntity entity)
        where TEntity : Entity
    {
        if (entity != null && string.IsNullOrWhiteSpace(entity.LogicalName))
        {
            throw new ArgumentException("The entity is missing a value for the 'LogicalName' property.", nameof(entity));
        }

        SetRelatedEntities(relationshipSchemaName, primaryEntityRole, entity == null ? null : new[] { entity });
    }

    /// <summary>
    /// The row as <typeparamref name="T"/>. For <see cref="Entity"/> itself: a new instance (behaviour.txt: not the same
    /// instance) with this row's name, id, state, row version and collections. Whether those collections are shared or
    /// copied is not documented (https://learn.microsoft.com/en-us/dotnet/api/microsoft.xrm.sdk.entity.toentity), so nothing
    /// may rely on either. A derived type needs the genuine SDK's EntityLogicalNameAttribute, which the stand-in does not
    /// declare, so every derived type throws <see cref="NotSupportedException"/> with the genuine SDK's message.
    /// </summary>
    public T ToEntity<T>()
        where T : Entity
    {
        if (typeof(T) != typeof(Entity))
        {
            // The genuine 9.0.2.56 wording (grammar included), observed when run against the genuine assemblies.
            throw new NotSupportedException("Cannot convert to type that is does not have EntityLogicalNameAttribute");
        }

        var copy = new Entity
        {
            Id = Id,
            LogicalName = LogicalName,
            EntityState = EntityState,
            RowVersion = RowVersion,
            ExtensionData = ExtensionData,
            Attributes = Attributes,
            KeyAttributes = KeyAttributes,
            formattedValues = FormattedValues,
            relatedEntities = RelatedEntities,
        };
        return (T)copy;
    }

    /// <summary>
    /// A reference with this row's logical name and id, and nothing else: behaviour.txt records the genuine result as
    /// "account|id|&lt;null&gt;|0", i.e. no name and no key attributes, even when the row has key attributes.
    /// </summary>
    public EntityReference ToEntityReference()
    {
        return new EntityReference(LogicalName, Id);
    }

    /// <summary>
    /// The column value when it is a <typeparamref name="T"/>: true and the value; otherwise (missing, null, or of another
    /// type) false and default. behaviour.txt records the genuine results for a value of the type and of another type;
    /// whether the genuine SDK converts some values of another type is not documented
    /// (https://learn.microsoft.com/en-us/dotnet/api/microsoft.xrm.sdk.entity.trygetattributevalue), so the stand-in does not
    /// and nothing may rely on a conversion.
    /// </summary>
    public bool TryGetAttributeValue<T>(string attributeKey, out T result)
    {
        if (attributeKey != null && Attributes.TryGetValue(attributeKey, out object value) && value is T typed)
        {
            result = typed;
            return true;
        }

        result = default;
        return false;
    }

    private static void RequireName(string name, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentNullException(parameterName, "The column logical name must not be null or blank.");
        }
    }

    private static Relationship RelationshipKey(string relationshipSchemaName, EntityRole? primaryEntityRole)
    {
        if (string.IsNullOrWhiteSpace(relationshipSchemaName))
        {
            throw new ArgumentNullException(nameof(relationshipSchemaName), "The relationship schema name must not be null or blank.");
        }

        return new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
    }

    private object GetAttributeValueOrNull(string attributeLogicalName)
    {
        RequireName(attributeLogicalName, nameof(attributeLogicalName));
        return Attributes.TryGetValue(attributeLogicalName, out object value) ? value : null;
    }
}
