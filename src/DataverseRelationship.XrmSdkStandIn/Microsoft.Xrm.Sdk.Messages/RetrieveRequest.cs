using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Retrieves one row.</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class RetrieveRequest : OrganizationRequest
{
    /// <summary>A request named "Retrieve"; a parameter is added when its property is set.</summary>
    public RetrieveRequest()
    {
        RequestName = "Retrieve";
    }

    /// <summary>Parameters["ColumnSet"].</summary>
    public ColumnSet ColumnSet
    {
        get => GetParameter<ColumnSet>("ColumnSet");
        set => Parameters["ColumnSet"] = value;
    }

    /// <summary>Parameters["ReturnNotifications"].</summary>
    public bool ReturnNotifications
    {
        get => GetParameter<bool>("ReturnNotifications");
        set => Parameters["ReturnNotifications"] = value;
    }

    /// <summary>Parameters["Target"].</summary>
    public EntityReference Target
    {
        get => GetParameter<EntityReference>("Target");
        set => Parameters["Target"] = value;
    }
}
