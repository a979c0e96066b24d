using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>Which page of a query's results to return (0 = not paged).</summary>
[DataContract(Name = "PagingInfo", Namespace = ContractNamespaces.Xrm2011)]
public sealed class PagingInfo : IExtensibleDataObject
{
    public PagingInfo()
    {
    }

    /// <summary>Rows per page.</summary>
    public int Count { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    public int PageNumber { get; set; }

    public string PagingCookie { get; set; }

    public bool ReturnTotalRecordCount { get; set; }
}
