using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Additional details of a service fault.</summary>
[CollectionDataContract(Name = "ErrorDetailCollection", Namespace = ContractNamespaces.Xrm2011)]
public sealed class ErrorDetailCollection : DataCollection<string, object>
{
    public ErrorDetailCollection()
    {
    }
}
