using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A Dataverse row: logical name, id, column values and related rows.</summary>
    [DataContract(Name = "Entity", Namespace = ContractNamespaces.Xrm2011)]
    public class Entity : IExtensibleDataObject
    {
        private AttributeCollection attributes;
        private FormattedValueCollection formattedValues;
        private KeyAttributeCollection keyAttributes;
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
            this.keyAttributes = keyAttributes;
        }

        public Entity(string entityName, string keyName, object keyValue)
            : this(entityName)
        {
            KeyAttributes.Add(keyName, keyValue);
        }

        /// <summary>The column values by logical name; never null (a null assignment reads back as a new empty collection).</summary>
        public AttributeCollection Attributes
        {
            get => attributes ??= new AttributeCollection();
            set => attributes = value;
        }

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

        /// <summary>Alternate-key values; never null (a null assignment reads back as a new empty collection).</summary>
        public KeyAttributeCollection KeyAttributes
        {
            get => keyAttributes ??= new KeyAttributeCollection();
            set => keyAttributes = value;
        }

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
        /// A new <typeparamref name="T"/> sharing this row's name, id, state, row version and collections (a shallow copy: the
        /// copy's Attributes are this row's Attributes). For a type derived from <see cref="Entity"/> the logical name must be
        /// set and must match the one the derived type's constructor sets, if it sets one.
        /// </summary>
        public T ToEntity<T>()
            where T : Entity
        {
            if (typeof(T) == typeof(Entity))
            {
                var copy = new Entity();
                ShallowCopyTo(copy);
                return (T)copy;
            }

            if (string.IsNullOrWhiteSpace(LogicalName))
            {
                throw new NotSupportedException("LogicalName must be set before calling ToEntity()");
            }

            T target = Activator.CreateInstance<T>();
            if (!string.IsNullOrWhiteSpace(target.LogicalName) && !string.Equals(target.LogicalName, LogicalName, StringComparison.Ordinal))
            {
                throw new NotSupportedException(string.Format(CultureInfo.InvariantCulture, "Cannot convert entity {0} to {1}", LogicalName, target.LogicalName));
            }

            ShallowCopyTo(target);
            return target;
        }

        /// <summary>A reference carrying this row's logical name, id, key attributes and row version (Name stays null).</summary>
        public EntityReference ToEntityReference()
        {
            return new EntityReference(LogicalName, Id) { KeyAttributes = KeyAttributes, RowVersion = RowVersion };
        }

        /// <summary>
        /// The column value as <typeparamref name="T"/>: false (and default) when the column is missing or null, or when a value
        /// of another type cannot be converted by <typeparamref name="T"/>'s <see cref="TypeConverter"/> (e.g. "5" to int converts).
        /// </summary>
        public bool TryGetAttributeValue<T>(string attributeKey, out T result)
        {
            result = default;
            object value;
            try
            {
                value = GetAttributeValueOrNull(attributeKey);
            }
            catch (ArgumentNullException)
            {
                return false;
            }

            if (value == null)
            {
                return false;
            }

            if (value is T typed)
            {
                result = typed;
                return true;
            }

            try
            {
                result = (T)TypeDescriptor.GetConverter(typeof(T)).ConvertFrom(value);
                return true;
            }
            catch (Exception conversionFailure) when (conversionFailure is NotSupportedException or ArgumentException or FormatException or InvalidCastException or OverflowException or NullReferenceException)
            {
                result = default;
                return false;
            }
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

        private void ShallowCopyTo(Entity target)
        {
            target.Id = Id;
            target.LogicalName = LogicalName;
            target.EntityState = EntityState;
            target.relatedEntities = RelatedEntities;
            target.attributes = Attributes;
            target.formattedValues = FormattedValues;
            target.ExtensionData = ExtensionData;
            target.RowVersion = RowVersion;
            target.keyAttributes = KeyAttributes;
        }
    }
}
