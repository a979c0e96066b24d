using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A relationship by schema name (and, for self-referential ones, the primary entity's role).</summary>
[DataContract(Name = "Relationship", Namespace = ContractNamespaces.Xrm2011)]
public sealed class Relationship : IExtensibleDataObject
{
    public Relationship()
    {
    }

    public Relationship(string schemaName)
    {
        SchemaName = schemaName;
    }

    public ExtensionDataObject ExtensionData { get; set; }

    public EntityRole? PrimaryEntityRole { get; set; }

    public string SchemaName { get; set; }

    /// <summary>True for another relationship with the same schema name (ordinal, case-sensitive) and primary entity role.</summary>
    public override bool Equals(object obj)
    {
        return obj is Relationship other
            && string.Equals(SchemaName, other.SchemaName, StringComparison.Ordinal)
            && PrimaryEntityRole == other.PrimaryEntityRole;
    }

    public override int GetHashCode()
    {
        return (SchemaName == null ? 0 : StringComparer.Ordinal.GetHashCode(SchemaName)) ^ PrimaryEntityRole.GetHashCode();
    }

    /// <summary>
    /// The relationship's name: the API reference documents only that ToString returns "the name of the current
    /// Relationship" (https://learn.microsoft.com/en-us/dotnet/api/microsoft.xrm.sdk.relationship.tostring), not whether the
    /// role is appended, so the stand-in returns the schema name and nothing may rely on the exact text.
    /// </summary>
    public override string ToString()
    {
        return SchemaName;
    }
}
