using System;

namespace Microsoft.Xrm.Sdk;

/// <summary>Creates organization services for a user.</summary>
public interface IOrganizationServiceFactory
{
    /// <summary>In a plugin: null = SYSTEM user; Guid.Empty = the context's UserId; otherwise that user.</summary>
    IOrganizationService CreateOrganizationService(Guid? userId);
}
