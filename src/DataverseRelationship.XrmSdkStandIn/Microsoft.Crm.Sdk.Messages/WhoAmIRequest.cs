using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Asks which user, business unit and organization the caller is.</summary>
[DataContract(Namespace = ContractNamespaces.Crm2011)]
public sealed class WhoAmIRequest : OrganizationRequest
{
    /// <summary>A request named "WhoAmI".</summary>
    public WhoAmIRequest()
    {
        RequestName = "WhoAmI";
    }
}
