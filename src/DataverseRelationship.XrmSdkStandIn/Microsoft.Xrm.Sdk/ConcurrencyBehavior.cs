using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>How a write treats the row version.</summary>
[DataContract(Name = "ConcurrencyBehavior", Namespace = ContractNamespaces.Xrm71)]
public enum ConcurrencyBehavior
{
    [EnumMember]
    Default = 0,

    [EnumMember]
    IfRowVersionMatches = 1,

    [EnumMember]
    AlwaysOverwrite = 2,
}
