using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// A reference to a row. <see cref="Equals(object)"/> compares logical name (ordinal, case-sensitive), id and key attributes;
    /// the == operator is not overloaded (reference equality), and <see cref="object.ToString"/> is not overridden.
    /// </summary>
    [DataContract(Name = "EntityReference", Namespace = ContractNamespaces.Xrm2011)]
    public sealed class EntityReference : IExtensibleDataObject
    {
        private KeyAttributeCollection keyAttributes;

        public EntityReference()
        {
        }

        public EntityReference(string logicalName)
        {
            LogicalName = logicalName;
        }

        public EntityReference(string logicalName, Guid id)
            : this(logicalName)
        {
            Id = id;
        }

        public EntityReference(string logicalName, KeyAttributeCollection keyAttributeCollection)
            : this(logicalName)
        {
            KeyAttributes = keyAttributeCollection;
        }

        public EntityReference(string logicalName, string keyName, object keyValue)
            : this(logicalName)
        {
            KeyAttributes[keyName] = keyValue;
        }

        public ExtensionDataObject ExtensionData { get; set; }

        public Guid Id { get; set; }

        /// <summary>Alternate-key values; never null (a null assignment reads back as a new empty collection).</summary>
        public KeyAttributeCollection KeyAttributes
        {
            get => keyAttributes ??= new KeyAttributeCollection();
            set => keyAttributes = value;
        }

        public string LogicalName { get; set; }

        /// <summary>The primary name of the referenced row, when the platform supplies it.</summary>
        public string Name { get; set; }

        public string RowVersion { get; set; }

        /// <summary>True for another reference with the same logical name (case-sensitive), id and key-attribute pairs.</summary>
        public override bool Equals(object obj)
        {
            if (ReferenceEquals(this, obj))
            {
                return true;
            }

            return obj is EntityReference other
                && Id == other.Id
                && string.Equals(LogicalName, other.LogicalName, StringComparison.Ordinal)
                && SameKeyAttributes(KeyAttributes, other.KeyAttributes);
        }

        public override int GetHashCode()
        {
            return Id.GetHashCode() ^ (LogicalName == null ? 0 : StringComparer.Ordinal.GetHashCode(LogicalName));
        }

        private static bool SameKeyAttributes(KeyAttributeCollection left, KeyAttributeCollection right)
        {
            if (left.Count != right.Count)
            {
                return false;
            }

            foreach (KeyValuePair<string, object> pair in left)
            {
                if (!right.Contains(pair))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
