using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Alternate-key column values by logical name.</summary>
[CollectionDataContract(Name = "KeyAttributeCollection", Namespace = ContractNamespaces.Xrm71)]
public sealed class KeyAttributeCollection : DataCollection<string, object>
{
    public KeyAttributeCollection()
    {
    }

#pragma warning disable CS0628 // The genuine SDK declares this constructor protected in a sealed class; the listed shape keeps it.
    protected KeyAttributeCollection(IDictionary<string, object> collection)
        : base(collection)
    {
    }
#pragma warning restore CS0628
}
