using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Runs several requests in one call.</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class ExecuteMultipleRequest : OrganizationRequest
{
    /// <summary>A request named "ExecuteMultiple"; a parameter is added when its property is set.</summary>
    public ExecuteMultipleRequest()
    {
        RequestName = "ExecuteMultiple";
    }

    /// <summary>Parameters["Requests"].</summary>
    public OrganizationRequestCollection Requests
    {
        get => GetParameter<OrganizationRequestCollection>("Requests");
        set => Parameters["Requests"] = value;
    }

    /// <summary>Parameters["Settings"].</summary>
    public ExecuteMultipleSettings Settings
    {
        get => GetParameter<ExecuteMultipleSettings>("Settings");
        set => Parameters["Settings"] = value;
    }
}
