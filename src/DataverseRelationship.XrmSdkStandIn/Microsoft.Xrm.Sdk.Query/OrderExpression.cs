using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A sort on a column.</summary>
[DataContract(Name = "OrderExpression", Namespace = ContractNamespaces.Xrm2011)]
public sealed class OrderExpression : IExtensibleDataObject
{
    public OrderExpression()
    {
    }

    public OrderExpression(string attributeName, OrderType orderType)
    {
        AttributeName = attributeName;
        OrderType = orderType;
    }

    public OrderExpression(string attributeName, OrderType orderType, string alias)
        : this(attributeName, orderType)
    {
        Alias = alias;
    }

    public OrderExpression(string attributeName, OrderType orderType, string alias, string entityName)
        : this(attributeName, orderType, alias)
    {
        EntityName = entityName;
    }

    public string Alias { get; set; }

    public string AttributeName { get; set; }

    public string EntityName { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    public OrderType OrderType { get; set; }
}
