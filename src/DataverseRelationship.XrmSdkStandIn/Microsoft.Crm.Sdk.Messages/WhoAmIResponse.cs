using System;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>The caller's user, business unit and organization ids.</summary>
[DataContract(Namespace = ContractNamespaces.Crm2011)]
public sealed class WhoAmIResponse : OrganizationResponse
{
    public WhoAmIResponse()
    {
    }

    /// <summary>Results["BusinessUnitId"], or the default when absent.</summary>
    public Guid BusinessUnitId => GetResult<Guid>("BusinessUnitId");

    /// <summary>Results["OrganizationId"], or the default when absent.</summary>
    public Guid OrganizationId => GetResult<Guid>("OrganizationId");

    /// <summary>Results["UserId"], or the default when absent.</summary>
    public Guid UserId => GetResult<Guid>("UserId");
}
