using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>The response to a LoseOpportunity request.</summary>
[DataContract(Namespace = ContractNamespaces.Crm2011)]
public sealed class LoseOpportunityResponse : OrganizationResponse
{
    public LoseOpportunityResponse()
    {
    }
}
