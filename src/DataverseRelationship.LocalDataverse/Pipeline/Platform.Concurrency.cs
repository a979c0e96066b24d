using System;
using System.Globalization;
using DataverseRelationship.LocalDataverse.Schema;
using DataverseRelationship.LocalDataverse.Storage;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Pipeline;

/// <summary>
/// Optimistic concurrency on Update and Delete
/// (https://learn.microsoft.com/power-apps/developer/data-platform/optimistic-concurrency): with
/// ConcurrencyBehavior.IfRowVersionMatches the write is applied only when the stored row still has the RowVersion the
/// Target carries; without a RowVersion the request fails at once. Default and AlwaysOverwrite write regardless.
/// Every row carries versionnumber, a database-wide counter taken on each write (SQL Server rowversion), which
/// Retrieve and RetrieveMultiple return as Entity.RowVersion.
/// </summary>
internal sealed partial class Platform
{
    /// <summary>The RowVersion the write requires, or null when the request does not ask for the check.</summary>
    private static long? RowVersionCondition(OrganizationRequest request, string? rowVersion, TableMetadata table, Guid id)
    {
        if (!request.Parameters.TryGetValue("ConcurrencyBehavior", out var value) || value == null)
        {
            return null;
        }

        var behavior = value switch
        {
            ConcurrencyBehavior b => b,
            int number => (ConcurrencyBehavior)number,
            _ => throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The ConcurrencyBehavior parameter of {request.RequestName} must be a ConcurrencyBehavior, not {value.GetType().Name}."),
        };
        if (behavior != ConcurrencyBehavior.IfRowVersionMatches)
        {
            return null;
        }

        if (string.IsNullOrEmpty(rowVersion))
        {
            throw new DataverseFaultException(
                PlatformErrorCodes.ConcurrencyVersionNotProvided,
                $"{request.RequestName} of {table.LogicalName} {id}: ConcurrencyBehavior is IfRowVersionMatches but the Target carries no RowVersion; retrieve the row and send its RowVersion.");
        }

        // A version that is not a number cannot match any stored one.
        return long.TryParse(rowVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;
    }

    /// <summary>Refuses the write when the stored row's version is not the one the request read.</summary>
    private static void CheckRowVersion(long? expected, StoredRow current, TableMetadata table)
    {
        if (expected is { } version && version != current.Version)
        {
            throw new DataverseFaultException(
                PlatformErrorCodes.ConcurrencyVersionMismatch,
                $"The version of the existing record doesn't match the RowVersion property provided. ({table.LogicalName} {current.Id}: the request has RowVersion {(version < 0 ? "(not a version)" : version.ToString(CultureInfo.InvariantCulture))}, the stored row is at {current.RowVersion}; read it again and retry.)");
        }
    }
}
