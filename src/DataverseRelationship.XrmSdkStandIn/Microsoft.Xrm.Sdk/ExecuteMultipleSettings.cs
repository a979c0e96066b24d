using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Whether ExecuteMultiple continues after a failed request and returns the responses.</summary>
[DataContract(Name = "ExecuteMultipleSettings", Namespace = ContractNamespaces.Xrm2012)]
public sealed class ExecuteMultipleSettings : IExtensibleDataObject
{
    public ExecuteMultipleSettings()
    {
    }

    public bool ContinueOnError { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    public bool ReturnResponses { get; set; }
}
