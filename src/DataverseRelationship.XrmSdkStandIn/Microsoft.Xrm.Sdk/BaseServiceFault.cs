using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The detail of a fault returned by a Dataverse service.</summary>
[DataContract(Name = "BaseServiceFault", Namespace = ContractNamespaces.Xrm2011)]
[KnownType(typeof(OrganizationServiceFault))]
public abstract class BaseServiceFault : IExtensibleDataObject
{
    protected BaseServiceFault()
    {
    }

    public Guid ActivityId { get; set; }

    public int ErrorCode { get; set; }

    /// <summary>Error-specific details (e.g. "CallStack"); a new fault's collection is empty.</summary>
    public ErrorDetailCollection ErrorDetails { get; set; } = new ErrorDetailCollection();

    public ExtensionDataObject ExtensionData { get; set; }

    public string HelpLink { get; set; }

    public string Message { get; set; }

    public DateTime Timestamp { get; set; }
}
