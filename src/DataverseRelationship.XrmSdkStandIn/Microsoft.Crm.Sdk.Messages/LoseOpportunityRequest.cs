using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Closes an opportunity as lost.</summary>
[DataContract(Namespace = ContractNamespaces.Crm2011)]
public sealed class LoseOpportunityRequest : OrganizationRequest
{
    /// <summary>A request named "LoseOpportunity"; a parameter is added when its property is set.</summary>
    public LoseOpportunityRequest()
    {
        RequestName = "LoseOpportunity";
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
