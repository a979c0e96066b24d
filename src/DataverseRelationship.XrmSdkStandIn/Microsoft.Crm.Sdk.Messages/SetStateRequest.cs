using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Sets the state and status of a row.</summary>
[DataContract(Namespace = ContractNamespaces.Crm2011)]
public sealed class SetStateRequest : OrganizationRequest
{
    /// <summary>A request named "SetState"; a parameter is added when its property is set.</summary>
    public SetStateRequest()
    {
        RequestName = "SetState";
    }

    /// <summary>Parameters["EntityMoniker"].</summary>
    public EntityReference EntityMoniker
    {
        get => GetParameter<EntityReference>("EntityMoniker");
        set => Parameters["EntityMoniker"] = value;
    }

    /// <summary>Parameters["State"].</summary>
    public OptionSetValue State
    {
        get => GetParameter<OptionSetValue>("State");
        set => Parameters["State"] = value;
    }

    /// <summary>Parameters["Status"].</summary>
    public OptionSetValue Status
    {
        get => GetParameter<OptionSetValue>("Status");
        set => Parameters["Status"] = value;
    }
}
