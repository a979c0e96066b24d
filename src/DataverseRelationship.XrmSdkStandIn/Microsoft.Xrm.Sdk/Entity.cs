using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A Dataverse row: logical name, id, column values and related rows.</summary>
    [DataContract(Name = "Entity", Namespace = ContractNamespaces.Xrm2011)]
    public class Entity : IExtensibleDataObject
    {
        private FormattedValueCollection formattedValues = new FormattedValueCollection();
        private RelatedEntityCollection relatedEntities = new RelatedEntityCollection();

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
            KeyAttributes[keyName] = keyValue;
        }

        public AttributeCollection Attributes { get; set; } = new AttributeCollection();

        public EntityState? EntityState { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public FormattedValueCollection FormattedValues => formattedValues;

        public bool HasLazyFileAttribute { get; set; }

        /// <summary>The row's id. Setting it does not add or change the primary-key column in <see cref="Attributes"/>.</summary>
        public virtual Guid Id { get; set; }

        /// <summary>The column value; a missing column throws <see cref="KeyNotFoundException"/>.</summary>
        public object this[string attributeName]
        {
            get => Attributes[attributeName];
            set => Attributes[attributeName] = value;
        }

        public KeyAttributeCollection KeyAttributes { get; set; } = new KeyAttributeCollection();

        public string LazyFileAttributeKey { get; set; }

        public Lazy<object> LazyFileAttributeValue { get; set; }

        public string LazyFileSizeAttributeKey { get; set; }

        public int LazyFileSizeAttributeValue { get; set; }

        public string LogicalName { get; set; }

        public RelatedEntityCollection RelatedEntities => relatedEntities;

        public string RowVersion { get; set; }

        /// <summary>True when the column is present, also when its value is null. Case-sensitive.</summary>
        public bool Contains(string attributeName) => Attributes.Contains(attributeName);

        /// <summary>
        /// The column value cast (not converted) to <typeparamref name="T"/>; default(T) when the column is missing or null.
        /// A value of another type throws <see cref="InvalidCastException"/>.
        /// </summary>
        public virtual T GetAttributeValue<T>(string attributeLogicalName)
        {
            if (!Attributes.TryGetValue(attributeLogicalName, out object value) || value == null)
            {
                return default;
            }

            return (T)value;
        }

        /// <summary>The formatted value of the column, or null when there is none.</summary>
        protected virtual string GetFormattedAttributeValue(string attributeLogicalName)
        {
            return FormattedValues.TryGetValue(attributeLogicalName, out string value) ? value : null;
        }

        /// <summary>The related rows under the relationship, each as <typeparamref name="TEntity"/>; null when the relationship is absent.</summary>
        protected virtual IEnumerable<TEntity> GetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole)
            where TEntity : Entity
        {
            Relationship key = RelationshipKey(relationshipSchemaName, primaryEntityRole);
            if (!RelatedEntities.TryGetValue(key, out EntityCollection related))
            {
                return null;
            }

            return related.Entities.Select(entity => entity.ToEntity<TEntity>()).ToList();
        }

        /// <summary>The first related row under the relationship, or null.</summary>
        protected virtual TEntity GetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole)
            where TEntity : Entity
        {
            IEnumerable<TEntity> related = GetRelatedEntities<TEntity>(relationshipSchemaName, primaryEntityRole);
            return related?.FirstOrDefault();
        }

        protected virtual void SetAttributeValue(string attributeLogicalName, object value)
        {
            Attributes[attributeLogicalName] = value;
        }

        /// <summary>Replaces the related rows under the relationship; null removes the relationship.</summary>
        protected virtual void SetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, IEnumerable<TEntity> entities)
            where TEntity : Entity
        {
            Relationship key = RelationshipKey(relationshipSchemaName, primaryEntityRole);
            if (entities == null)
            {
                RelatedEntities.Remove(key);
                return;
            }

            var list = new List<Entity>(entities);
            var collection = new EntityCollection(list) { EntityName = list.Count > 0 ? list[0].LogicalName : null };
            RelatedEntities[key] = collection;
        }

        /// <summary>Replaces the related row under the relationship; null removes the relationship.</summary>
        protected virtual void SetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, TEntity entity)
            where TEntity : Entity
        {
            SetRelatedEntities(relationshipSchemaName, primaryEntityRole, entity == null ? null : new[] { entity });
        }

        /// <summary>
        /// A shallow copy as <typeparamref name="T"/> (a new instance sharing this row's collections). For a type derived from
        /// <see cref="Entity"/>, the logical name must be set and must match the one the derived type's constructor sets, if any.
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
                throw new NotSupportedException("LogicalName must be set before calling ToEntity().");
            }

            T target = Activator.CreateInstance<T>();
            if (!string.IsNullOrWhiteSpace(target.LogicalName) && !string.Equals(target.LogicalName, LogicalName, StringComparison.Ordinal))
            {
                throw new NotSupportedException(
                    "Cannot convert entity '" + LogicalName + "' to type " + typeof(T).FullName + " whose LogicalName is '" + target.LogicalName + "'.");
            }

            ShallowCopyTo(target);
            return target;
        }

        /// <summary>A reference carrying this row's logical name, id and key attributes (Name stays null).</summary>
        public EntityReference ToEntityReference()
        {
            return new EntityReference(LogicalName, Id) { KeyAttributes = KeyAttributes, RowVersion = RowVersion };
        }

        /// <summary>
        /// The column value when present and of type <typeparamref name="T"/>; false (and default) when missing or of another type.
        /// </summary>
        public bool TryGetAttributeValue<T>(string attributeKey, out T result)
        {
            if (Attributes.TryGetValue(attributeKey, out object value) && value is T typed)
            {
                result = typed;
                return true;
            }

            result = default;
            return false;
        }

        private static Relationship RelationshipKey(string relationshipSchemaName, EntityRole? primaryEntityRole)
        {
            if (string.IsNullOrWhiteSpace(relationshipSchemaName))
            {
                throw new ArgumentNullException(nameof(relationshipSchemaName), "The relationship schema name must not be null or blank.");
            }

            return new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
        }

        private void ShallowCopyTo(Entity target)
        {
            target.LogicalName = LogicalName;
            target.Id = Id;
            target.Attributes = Attributes;
            target.KeyAttributes = KeyAttributes;
            target.EntityState = EntityState;
            target.RowVersion = RowVersion;
            target.ExtensionData = ExtensionData;
            target.formattedValues = formattedValues;
            target.relatedEntities = relatedEntities;
            target.HasLazyFileAttribute = HasLazyFileAttribute;
            target.LazyFileAttributeKey = LazyFileAttributeKey;
            target.LazyFileAttributeValue = LazyFileAttributeValue;
            target.LazyFileSizeAttributeKey = LazyFileSizeAttributeKey;
            target.LazyFileSizeAttributeValue = LazyFileSizeAttributeValue;
        }
    }
}
