using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>References to rows (e.g. the rows to associate).</summary>
[CollectionDataContract(Name = "EntityReferenceCollection", Namespace = ContractNamespaces.Xrm2011)]
public sealed class EntityReferenceCollection : DataCollection<EntityReference>
{
    public EntityReferenceCollection()
    {
    }

    /// <summary>A collection holding a copy of the items of <paramref name="list"/>.</summary>
    public EntityReferenceCollection(IList<EntityReference> list)
        : base(list)
    {
    }
}
