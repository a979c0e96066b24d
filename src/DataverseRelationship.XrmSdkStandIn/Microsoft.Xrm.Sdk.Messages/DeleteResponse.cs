using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The response to a Delete request.</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class DeleteResponse : OrganizationResponse
{
    public DeleteResponse()
    {
    }
}
