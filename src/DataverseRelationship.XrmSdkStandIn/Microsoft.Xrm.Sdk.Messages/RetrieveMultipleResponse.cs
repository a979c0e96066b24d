using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The rows a RetrieveMultiple request matched.</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class RetrieveMultipleResponse : OrganizationResponse
{
    public RetrieveMultipleResponse()
    {
    }

    /// <summary>Results["EntityCollection"], or the default when absent.</summary>
    public EntityCollection EntityCollection => GetResult<EntityCollection>("EntityCollection");
}
