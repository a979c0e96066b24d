using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Unlinks rows of a relationship.</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class DisassociateRequest : OrganizationRequest
{
    /// <summary>A request named "Disassociate"; a parameter is added when its property is set.</summary>
    public DisassociateRequest()
    {
        RequestName = "Disassociate";
    }

    /// <summary>Parameters["RelatedEntities"].</summary>
    public EntityReferenceCollection RelatedEntities
    {
        get => GetParameter<EntityReferenceCollection>("RelatedEntities");
        set => Parameters["RelatedEntities"] = value;
    }

    /// <summary>Parameters["Relationship"].</summary>
    public Relationship Relationship
    {
        get => GetParameter<Relationship>("Relationship");
        set => Parameters["Relationship"] = value;
    }

    /// <summary>Parameters["Target"].</summary>
    public EntityReference Target
    {
        get => GetParameter<EntityReference>("Target");
        set => Parameters["Target"] = value;
    }
}
