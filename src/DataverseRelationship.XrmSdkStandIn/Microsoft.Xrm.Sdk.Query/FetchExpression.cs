using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A query in FetchXML.</summary>
[DataContract(Name = "FetchExpression", Namespace = ContractNamespaces.Xrm2011)]
public sealed class FetchExpression : QueryBase
{
    public FetchExpression()
    {
    }

    public FetchExpression(string query)
    {
        Query = query;
    }

    /// <summary>The FetchXML text.</summary>
    public string Query { get; set; }
}
