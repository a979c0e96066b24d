using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>How a filter joins its conditions.</summary>
[DataContract(Name = "LogicalOperator", Namespace = ContractNamespaces.Xrm2011)]
public enum LogicalOperator
{
    [EnumMember]
    And = 0,

    [EnumMember]
    Or = 1,
}
