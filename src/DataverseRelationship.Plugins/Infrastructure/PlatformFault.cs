using System;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Infrastructure;

/// <summary>The Dataverse error code a failed service call carries.</summary>
public static class PlatformFault
{
    /// <summary>
    /// The error code of <paramref name="exception"/> or of an exception inside it: a FaultException&lt;OrganizationServiceFault&gt;'s
    /// Detail.ErrorCode, or an ErrorCode property (the local Dataverse's fault); null when it carries none. Read through the
    /// public Detail property so the plugin assembly needs no System.ServiceModel reference.
    /// </summary>
    public static int? ErrorCodeOf(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var type = current.GetType();
            if (type.GetProperty("Detail", BindingFlags.Public | BindingFlags.Instance)?.GetValue(current) is OrganizationServiceFault fault)
            {
                return fault.ErrorCode;
            }

            if (type.GetProperty("ErrorCode", BindingFlags.Public | BindingFlags.Instance)?.GetValue(current) is int code)
            {
                return code;
            }
        }

        return null;
    }
}
