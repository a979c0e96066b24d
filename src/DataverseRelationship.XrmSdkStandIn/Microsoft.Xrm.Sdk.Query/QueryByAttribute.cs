using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>A query matching rows whose columns equal the given values (Attributes[i] = Values[i], all must hold).</summary>
    [DataContract(Name = "QueryByAttribute", Namespace = ContractNamespaces.Xrm2011)]
    public sealed class QueryByAttribute : QueryBase
    {
        private readonly DataCollection<string> attributes = new DataCollection<string>();
        private readonly DataCollection<object> values = new DataCollection<object>();
        private readonly DataCollection<OrderExpression> orders = new DataCollection<OrderExpression>();

        /// <summary>A query with an empty column set and page info.</summary>
        public QueryByAttribute()
        {
            ColumnSet = new ColumnSet();
            PageInfo = new PagingInfo();
        }

        /// <summary>A query on the table; as in the genuine SDK, <see cref="ColumnSet"/> and <see cref="PageInfo"/> stay null.</summary>
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
}
