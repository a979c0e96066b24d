using System;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse;

/// <summary>
/// A platform error raised by the local Dataverse (unknown table or column, wrong value type, missing row, infinite
/// loop...): the equivalent of the organization service fault a real environment returns. The message names the
/// column or row at fault.
/// </summary>
public sealed class DataverseFaultException : Exception
{
    public DataverseFaultException()
        : this(PlatformErrorCodes.Unexpected, "An unexpected platform error occurred.")
    {
    }

    public DataverseFaultException(string message)
        : this(PlatformErrorCodes.Unexpected, message)
    {
    }

    public DataverseFaultException(string message, Exception innerException)
        : this(PlatformErrorCodes.Unexpected, message, innerException)
    {
    }

    public DataverseFaultException(int errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
    }

    /// <summary>The Dataverse error code (see <see cref="PlatformErrorCodes"/>).</summary>
    public int ErrorCode { get; }

    /// <summary>The fault as the SDK models it, for code that inspects <see cref="OrganizationServiceFault"/>.</summary>
    public OrganizationServiceFault ToFault() => new() { ErrorCode = ErrorCode, Message = Message, Timestamp = DateTime.UtcNow };
}

/// <summary>Dataverse error codes the local Dataverse raises (values from the platform's ErrorCodes list).</summary>
public static class PlatformErrorCodes
{
    /// <summary>0x80040216: generic unexpected error (also what emulators report for a wrong attribute type).</summary>
    public const int Unexpected = unchecked((int)0x80040216);

    /// <summary>0x80040217: the row does not exist.</summary>
    public const int ObjectDoesNotExist = unchecked((int)0x80040217);

    /// <summary>0x80040203: invalid argument (query condition values, request parameters).</summary>
    public const int InvalidArgument = unchecked((int)0x80040203);

    /// <summary>0x80040237: a row with the same key already exists.</summary>
    public const int DuplicateRecord = unchecked((int)0x80040237);

    /// <summary>0x80040220 PrivilegeDenied: the caller lacks a privilege (https://learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes).</summary>
    public const int PrivilegeDenied = unchecked((int)0x80040220);

    /// <summary>0x80041103: the table has no column of that name.</summary>
    public const int QueryBuilderNoAttribute = unchecked((int)0x80041103);

    /// <summary>
    /// 0x80060882 (-2147088254): ConcurrencyVersionMismatch, the stored row's version differs from the RowVersion of an
    /// IfRowVersionMatches Update or Delete (https://learn.microsoft.com/power-apps/developer/data-platform/optimistic-concurrency).
    /// </summary>
    public const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);

    /// <summary>
    /// 0x8006088D (-2147088243): ConcurrencyVersionNotProvided, an IfRowVersionMatches Update or Delete without a RowVersion
    /// (value from Microsoft's DeleteRequest.ConcurrencyBehavior example,
    /// https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.messages.deleterequest.concurrencybehavior).
    /// </summary>
    public const int ConcurrencyVersionNotProvided = unchecked((int)0x8006088D);
}
