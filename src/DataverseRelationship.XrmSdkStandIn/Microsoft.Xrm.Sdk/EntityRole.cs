using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The role of the primary table in a self-referential relationship.</summary>
[DataContract(Name = "EntityRole", Namespace = ContractNamespaces.Xrm2011)]
public enum EntityRole
{
    [EnumMember]
    Referencing = 0,

    [EnumMember]
    Referenced = 1,
}
