using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
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

        /// <summary>Adds and returns an inner join (see the other overload for which table it starts from).</summary>
        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
        {
            return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
        }

        /// <summary>
        /// Adds and returns a nested join. As in the genuine SDK, its <see cref="LinkFromEntityName"/> is this link's
        /// <see cref="LinkFromEntityName"/> (not its <see cref="LinkToEntityName"/>).
        /// </summary>
        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            var link = new LinkEntity(LinkFromEntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            linkEntities.Add(link);
            return link;
        }
    }
}
