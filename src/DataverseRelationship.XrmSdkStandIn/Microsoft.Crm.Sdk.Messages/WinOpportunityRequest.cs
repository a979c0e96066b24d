using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Closes an opportunity as won.</summary>
[DataContract(Namespace = ContractNamespaces.Crm2011)]
public sealed class WinOpportunityRequest : OrganizationRequest
{
    /// <summary>A request named "WinOpportunity"; a parameter is added when its property is set.</summary>
    public WinOpportunityRequest()
    {
        RequestName = "WinOpportunity";
    }

    /// <summary>Parameters["OpportunityClose"].</summary>
    public Entity OpportunityClose
    {
        get => GetParameter<Entity>("OpportunityClose");
        set => Parameters["OpportunityClose"] = value;
    }

    /// <summary>Parameters["Status"].</summary>
    public OptionSetValue Status
    {
        get => GetParameter<OptionSetValue>("Status");
        set => Parameters["Status"] = value;
    }
}
