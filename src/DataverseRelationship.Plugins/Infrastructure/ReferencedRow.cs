using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.Plugins.Infrastructure;

/// <summary>Reads the row a lookup of the row being saved points at; a lookup to a missing row is refused naming the column and the id.</summary>
public static class ReferencedRow
{
    /// <summary>0x80040217 (-2147220969), the fault code of a row that does not exist
    /// (https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.data.exceptions.objectnotfoundexception.objectdoesnotexisterrorcode).</summary>
    public const int ObjectDoesNotExist = unchecked((int)0x80040217);

    /// <summary>
    /// The referenced row with <paramref name="columns"/>; when it does not exist (deleted, or never there) an
    /// InvalidPluginExecutionException says which lookup of which table names which missing row, and that nothing was saved.
    /// </summary>
    public static Entity Retrieve(IOrganizationService service, string savedTable, string lookupColumn, string referencedTable, Guid id, ColumnSet columns)
    {
        if (service is null)
        {
            throw new InvalidPluginExecutionException("No organization service to read " + referencedTable + " " + id.ToString("D") + " with.");
        }

        try
        {
            return service.Retrieve(referencedTable, id, columns);
        }
        catch (Exception exception) when (PlatformFault.ErrorCodeOf(exception) == ObjectDoesNotExist)
        {
            throw new InvalidPluginExecutionException(
                "The " + savedTable + " cannot be saved: its " + lookupColumn + " refers to " + referencedTable + " " + id.ToString("D")
                + ", which does not exist (deleted, or never created). Choose an existing " + referencedTable + "; nothing was saved.",
                exception);
        }
    }
}
