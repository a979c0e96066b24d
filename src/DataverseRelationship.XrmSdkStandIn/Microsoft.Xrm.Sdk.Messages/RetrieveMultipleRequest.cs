using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Retrieves the rows a query matches.</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class RetrieveMultipleRequest : OrganizationRequest
{
    /// <summary>A request named "RetrieveMultiple"; a parameter is added when its property is set.</summary>
    public RetrieveMultipleRequest()
    {
        RequestName = "RetrieveMultiple";
    }

    /// <summary>Parameters["Query"].</summary>
    public QueryBase Query
    {
        get => GetParameter<QueryBase>("Query");
        set => Parameters["Query"] = value;
    }
}
