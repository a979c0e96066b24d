using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>The response to a SetState request.</summary>
[DataContract(Namespace = ContractNamespaces.Crm2011)]
public sealed class SetStateResponse : OrganizationResponse
{
    public SetStateResponse()
    {
    }
}
