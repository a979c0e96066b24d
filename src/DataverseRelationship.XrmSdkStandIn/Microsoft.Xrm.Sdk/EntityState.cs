using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Change tracking state of an entity in a context.</summary>
[DataContract(Name = "EntityState", Namespace = ContractNamespaces.Xrm2011)]
public enum EntityState
{
    [EnumMember]
    Unchanged = 0,

    [EnumMember]
    Created = 1,

    [EnumMember]
    Changed = 2,
}
