using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Creates the row, or updates it when it exists.</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class UpsertRequest : OrganizationRequest
{
    /// <summary>A request named "Upsert"; a parameter is added when its property is set.</summary>
    public UpsertRequest()
    {
        RequestName = "Upsert";
    }

    /// <summary>Parameters["Target"].</summary>
    public Entity Target
    {
        get => GetParameter<Entity>("Target");
        set => Parameters["Target"] = value;
    }
}
