using System;
using System.Globalization;
using System.Net;

namespace DataverseRelationship.WebApi;

/// <summary>
/// An error the local Web API answers with, in the shape Dataverse uses:
/// <c>{"error":{"code":"0x80040217","message":"..."}}</c>
/// (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors#parse-errors-from-the-response).
/// </summary>
public sealed class WebApiException : Exception
{
    /// <summary>
    /// Property not found on an entity type: the code Dataverse returns for a misspelt $select or $filter column
    /// (https://learn.microsoft.com/troubleshoot/power-platform/power-apps/dataverse-web-api/web-api-client-errors).
    /// </summary>
    public const string PropertyNotFound = "0x0";

    /// <summary>Resource not found for the segment: an unknown entity set, action or function (same page).</summary>
    public const string ResourceNotFound = "0x8006088a";

    /// <summary>The row does not exist.</summary>
    public const string ObjectDoesNotExist = "0x80040217";

    /// <summary>A plugin refused the operation (InvalidPluginExecutionException).</summary>
    public const string PluginRefused = "0x80040265";

    /// <summary>A query option the local Web API does not implement, or a malformed request.</summary>
    public const string BadRequest = "0x80060891";

    public WebApiException()
        : this(HttpStatusCode.BadRequest, BadRequest, "Bad request.")
    {
    }

    public WebApiException(string message)
        : this(HttpStatusCode.BadRequest, BadRequest, message)
    {
    }

    public WebApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = HttpStatusCode.BadRequest;
        Code = BadRequest;
    }

    public WebApiException(HttpStatusCode status, string code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The Dataverse error code, as hexadecimal text.</summary>
    public string Code { get; }

    /// <summary>Formats a platform error code (an int) the way the Web API prints it: 0x80040217.</summary>
    public static string HexCode(int errorCode) => "0x" + errorCode.ToString("x8", CultureInfo.InvariantCulture);
}
