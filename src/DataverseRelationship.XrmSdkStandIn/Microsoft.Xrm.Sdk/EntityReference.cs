using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// A reference to a row. <see cref="Equals(object)"/> compares logical name (ordinal, case-sensitive) and id; the == operator
/// is not overloaded (reference equality), and <see cref="object.ToString"/> is not overridden (all three: behaviour.txt).
/// </summary>
[DataContract(Name = "EntityReference", Namespace = ContractNamespaces.Xrm2011)]
public sealed class EntityReference : IExtensibleDataObject
{
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

    /// <summary>Alternate-key values; a new reference's collection is empty (behaviour.txt).</summary>
    public KeyAttributeCollection KeyAttributes { get; set; } = new KeyAttributeCollection();

    public string LogicalName { get; set; }

    /// <summary>The primary name of the referenced row, when the platform supplies it.</summary>
    public string Name { get; set; }

    public string RowVersion { get; set; }

    /// <summary>
    /// True for another reference with the same logical name (case-sensitive) and id, as behaviour.txt records. Whether the
    /// genuine SDK also compares key attributes is not documented
    /// (https://learn.microsoft.com/en-us/dotnet/api/microsoft.xrm.sdk.entityreference.equals), so the stand-in does not and
    /// nothing may rely on Equals telling key-only references apart: compare their KeyAttributes explicitly.
    /// </summary>
    public override bool Equals(object obj)
    {
        return obj is EntityReference other
            && Id == other.Id
            && string.Equals(LogicalName, other.LogicalName, StringComparison.Ordinal);
    }

    public override int GetHashCode()
    {
        return Id.GetHashCode() ^ (LogicalName == null ? 0 : StringComparer.Ordinal.GetHashCode(LogicalName));
    }
}
