using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A join from one table to another in a query.</summary>
[DataContract(Name = "LinkEntity", Namespace = ContractNamespaces.Xrm2011)]
public sealed class LinkEntity : IExtensibleDataObject
{
    private readonly DataCollection<LinkEntity> linkEntities = new DataCollection<LinkEntity>();
    private readonly DataCollection<OrderExpression> orders = new DataCollection<OrderExpression>();

    /// <summary>An inner join with an empty column set and an empty And filter.</summary>
    public LinkEntity()
    {
    }

    public LinkEntity(string linkFromEntityName, string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
    {
        LinkFromEntityName = linkFromEntityName;
        LinkToEntityName = linkToEntityName;
        LinkFromAttributeName = linkFromAttributeName;
        LinkToAttributeName = linkToAttributeName;
        JoinOperator = joinOperator;
    }

    public ColumnSet Columns { get; set; } = new ColumnSet();

    public string EntityAlias { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    public JoinOperator JoinOperator { get; set; }

    public FilterExpression LinkCriteria { get; set; } = new FilterExpression();

    public DataCollection<LinkEntity> LinkEntities => linkEntities;

    public string LinkFromAttributeName { get; set; }

    public string LinkFromEntityName { get; set; }

    public string LinkToAttributeName { get; set; }

    public string LinkToEntityName { get; set; }

    public DataCollection<OrderExpression> Orders => orders;

    /// <summary>Adds and returns a nested inner join (see the other overload).</summary>
    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
    {
        return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
    }

    /// <summary>
    /// Adds and returns a nested join, setting the properties the API reference names: LinkToEntityName,
    /// LinkFromAttributeName, LinkToAttributeName and JoinOperator
    /// (https://learn.microsoft.com/en-us/dotnet/api/microsoft.xrm.sdk.query.linkentity.addlink). Which
    /// <see cref="LinkFromEntityName"/> the genuine SDK gives the nested link is not documented, so it is left unset here
    /// and nothing may rely on it.
    /// </summary>
    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
    {
        var link = new LinkEntity
        {
            LinkToEntityName = linkToEntityName,
            LinkFromAttributeName = linkFromAttributeName,
            LinkToAttributeName = linkToAttributeName,
            JoinOperator = joinOperator,
        };
        linkEntities.Add(link);
        return link;
    }
}
