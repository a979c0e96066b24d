using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Updates a row.</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class UpdateRequest : OrganizationRequest
{
    /// <summary>A request named "Update"; a parameter is added when its property is set.</summary>
    public UpdateRequest()
    {
        RequestName = "Update";
    }

    /// <summary>Parameters["ConcurrencyBehavior"].</summary>
    public ConcurrencyBehavior ConcurrencyBehavior
    {
        get => GetParameter<ConcurrencyBehavior>("ConcurrencyBehavior");
        set => Parameters["ConcurrencyBehavior"] = value;
    }

    /// <summary>Parameters["Target"].</summary>
    public Entity Target
    {
        get => GetParameter<Entity>("Target");
        set => Parameters["Target"] = value;
    }
}
