using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The requests of an ExecuteMultiple request.</summary>
[CollectionDataContract(Name = "OrganizationRequestCollection", Namespace = ContractNamespaces.Xrm2012)]
public sealed class OrganizationRequestCollection : DataCollection<OrganizationRequest>
{
    public OrganizationRequestCollection()
    {
    }
}
