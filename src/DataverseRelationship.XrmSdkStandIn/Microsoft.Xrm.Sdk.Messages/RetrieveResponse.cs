using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The row a Retrieve request returned.</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class RetrieveResponse : OrganizationResponse
{
    public RetrieveResponse()
    {
    }

    /// <summary>Results["Entity"], or the default when absent.</summary>
    public Entity Entity => GetResult<Entity>("Entity");

    /// <summary>Results["Notifications"], or the default when absent.</summary>
    public object Notifications => GetResult<object>("Notifications");
}
