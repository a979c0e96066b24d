using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Links rows through a relationship.</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class AssociateRequest : OrganizationRequest
{
    /// <summary>A request named "Associate"; a parameter is added when its property is set.</summary>
    public AssociateRequest()
    {
        RequestName = "Associate";
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
