using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Whether an Upsert created the row, and the row.</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class UpsertResponse : OrganizationResponse
{
    public UpsertResponse()
    {
    }

    /// <summary>Results["RecordCreated"], or the default when absent.</summary>
    public bool RecordCreated => GetResult<bool>("RecordCreated");

    /// <summary>Results["Target"], or the default when absent.</summary>
    public EntityReference Target => GetResult<EntityReference>("Target");
}
