using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A row's formatted (display) column values by logical name.</summary>
[CollectionDataContract(Name = "FormattedValueCollection", Namespace = ContractNamespaces.Xrm2011)]
public sealed class FormattedValueCollection : DataCollection<string, string>
{
    public FormattedValueCollection()
    {
    }

#pragma warning disable CS0628 // The genuine SDK declares this constructor protected in a sealed class; the listed shape keeps it.
    protected FormattedValueCollection(IDictionary<string, string> collection)
        : base(collection)
    {
    }
#pragma warning restore CS0628
}
