using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A query matching rows whose columns equal the given values (Attributes[i] = Values[i], all must hold).</summary>
[DataContract(Name = "QueryByAttribute", Namespace = ContractNamespaces.Xrm2011)]
public sealed class QueryByAttribute : QueryBase
{
    private readonly DataCollection<string> attributes = new DataCollection<string>();
    private readonly DataCollection<object> values = new DataCollection<object>();
    private readonly DataCollection<OrderExpression> orders = new DataCollection<OrderExpression>();

    /// <summary>
    /// A query without a table. Neither constructor sets <see cref="ColumnSet"/> or <see cref="PageInfo"/>: the API reference
    /// documents no default for them (https://learn.microsoft.com/en-us/dotnet/api/microsoft.xrm.sdk.query.querybyattribute.-ctor),
    /// so callers set both themselves and nothing may rely on what a new query holds there.
    /// </summary>
    public QueryByAttribute()
    {
    }

    /// <summary>A query on the table (see the parameterless constructor for ColumnSet and PageInfo).</summary>
    public QueryByAttribute(string entityName)
    {
        EntityName = entityName;
    }

    public DataCollection<string> Attributes => attributes;

    public ColumnSet ColumnSet { get; set; }

    public string EntityName { get; set; }

    public DataCollection<OrderExpression> Orders => orders;

    public PagingInfo PageInfo { get; set; }

    public int? TopCount { get; set; }

    public DataCollection<object> Values => values;

    /// <summary>Adds the column to <see cref="Attributes"/> and the value at the same position in <see cref="Values"/>.</summary>
    public void AddAttributeValue(string attributeName, object value)
    {
        attributes.Add(attributeName);
        values.Add(value);
    }

    public void AddOrder(string attributeName, OrderType orderType)
    {
        orders.Add(new OrderExpression(attributeName, orderType));
    }
}
