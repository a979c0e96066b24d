using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The values of a multi-select choice column.</summary>
[CollectionDataContract(Name = "OptionSetValueCollection", Namespace = ContractNamespaces.Xrm90)]
public sealed class OptionSetValueCollection : DataCollection<OptionSetValue>
{
    public OptionSetValueCollection()
    {
    }

    /// <summary>A collection holding a copy of the items of <paramref name="list"/>.</summary>
    public OptionSetValueCollection(IList<OptionSetValue> list)
        : base(list)
    {
    }
}
