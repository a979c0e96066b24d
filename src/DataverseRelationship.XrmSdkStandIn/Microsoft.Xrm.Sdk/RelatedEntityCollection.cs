using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Related rows of an entity, by relationship.</summary>
[CollectionDataContract(Name = "RelatedEntityCollection", Namespace = ContractNamespaces.Xrm2011)]
public sealed class RelatedEntityCollection : DataCollection<Relationship, EntityCollection>
{
    public RelatedEntityCollection()
    {
    }

    /// <summary>Whether the collection refuses changes; the stand-in never makes it read-only.</summary>
    public override bool IsReadOnly => base.IsReadOnly;
}
