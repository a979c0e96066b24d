using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The response to an Update request.</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class UpdateResponse : OrganizationResponse
{
    public UpdateResponse()
    {
    }
}
