using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Creates a row.</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class CreateRequest : OrganizationRequest
{
    /// <summary>A request named "Create"; a parameter is added when its property is set.</summary>
    public CreateRequest()
    {
        RequestName = "Create";
    }

    /// <summary>Parameters["Target"].</summary>
    public Entity Target
    {
        get => GetParameter<Entity>("Target");
        set => Parameters["Target"] = value;
    }
}
