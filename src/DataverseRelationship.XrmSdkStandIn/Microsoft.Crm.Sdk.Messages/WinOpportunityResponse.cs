using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>The response to a WinOpportunity request.</summary>
[DataContract(Namespace = ContractNamespaces.Crm2011)]
public sealed class WinOpportunityResponse : OrganizationResponse
{
    public WinOpportunityResponse()
    {
    }
}
