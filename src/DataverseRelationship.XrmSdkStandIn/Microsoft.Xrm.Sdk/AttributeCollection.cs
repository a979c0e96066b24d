using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A row's column values by logical name.</summary>
[CollectionDataContract(Name = "AttributeCollection", Namespace = ContractNamespaces.Xrm2011)]
public sealed class AttributeCollection : DataCollection<string, object>
{
    public AttributeCollection()
    {
    }

#pragma warning disable CS0628 // The genuine SDK declares this constructor protected in a sealed class; the listed shape keeps it.
    protected AttributeCollection(IDictionary<string, object> collection)
        : base(collection)
    {
    }
#pragma warning restore CS0628
}
