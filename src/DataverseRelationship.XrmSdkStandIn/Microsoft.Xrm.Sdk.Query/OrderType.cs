using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>Sort direction.</summary>
[DataContract(Name = "OrderType", Namespace = ContractNamespaces.Xrm2011)]
public enum OrderType
{
    [EnumMember]
    Ascending = 0,

    [EnumMember]
    Descending = 1,
}
