using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Pre- and post-operation entity images by alias.</summary>
[CollectionDataContract(Name = "EntityImageCollection", Namespace = ContractNamespaces.Xrm2011)]
public class EntityImageCollection : DataCollection<string, Entity>
{
    public EntityImageCollection()
    {
    }

    protected EntityImageCollection(IDictionary<string, Entity> collection)
        : base(collection)
    {
    }
}
