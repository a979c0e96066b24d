using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The id of the created row (Guid.Empty when the result is absent).</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class CreateResponse : OrganizationResponse
{
    public CreateResponse()
    {
    }

    /// <summary>Results["id"], or the default when absent.</summary>
    public Guid id => GetResult<Guid>("id");
}
