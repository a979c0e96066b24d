using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>
/// A structured query on one table. A new one has an empty column set, an empty And criteria filter, an empty page
/// info, no orders or links, and TopCount null.
/// </summary>
[DataContract(Name = "QueryExpression", Namespace = ContractNamespaces.Xrm2011)]
public sealed class QueryExpression : QueryBase
{
    /// <summary>A query with no table name (shared instance, as in the genuine SDK).</summary>
    public static readonly QueryExpression Empty = new QueryExpression();

    private readonly DataCollection<LinkEntity> linkEntities = new DataCollection<LinkEntity>();
    private readonly DataCollection<OrderExpression> orders = new DataCollection<OrderExpression>();

    public QueryExpression()
    {
    }

    public QueryExpression(string entityName)
    {
        EntityName = entityName;
    }

    public ColumnSet ColumnSet { get; set; } = new ColumnSet();

    public FilterExpression Criteria { get; set; } = new FilterExpression();

    public bool Distinct { get; set; }

    public string EntityName { get; set; }

    public DataCollection<LinkEntity> LinkEntities => linkEntities;

    public bool NoLock { get; set; }

    public DataCollection<OrderExpression> Orders => orders;

    public PagingInfo PageInfo { get; set; } = new PagingInfo();

    public string QueryHints { get; set; }

    public QueryExpression SubQueryExpression { get; set; }

    public int? TopCount { get; set; }

    /// <summary>Adds and returns an inner join from the query's table.</summary>
    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
    {
        return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
    }

    /// <summary>Adds and returns a join from the query's table.</summary>
    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
    {
        var link = new LinkEntity(EntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
        linkEntities.Add(link);
        return link;
    }

    public void AddOrder(string attributeName, OrderType orderType)
    {
        orders.Add(new OrderExpression(attributeName, orderType));
    }

    public void AddOrder(string attributeName, OrderType orderType, string alias, string entityName)
    {
        orders.Add(new OrderExpression(attributeName, orderType, alias, entityName));
    }
}
