using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Deletes a row.</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class DeleteRequest : OrganizationRequest
{
    /// <summary>A request named "Delete"; a parameter is added when its property is set.</summary>
    public DeleteRequest()
    {
        RequestName = "Delete";
    }

    /// <summary>Parameters["ConcurrencyBehavior"].</summary>
    public ConcurrencyBehavior ConcurrencyBehavior
    {
        get => GetParameter<ConcurrencyBehavior>("ConcurrencyBehavior");
        set => Parameters["ConcurrencyBehavior"] = value;
    }

    /// <summary>Parameters["Target"].</summary>
    public EntityReference Target
    {
        get => GetParameter<EntityReference>("Target");
        set => Parameters["Target"] = value;
    }
}
