using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Thrown by a plugin to fail the operation and show its message to the user. Defaults (behaviour.txt): Status Failed,
/// ErrorCode -2146233088 (0x80131500), HttpStatus NotSet.
/// </summary>
[Serializable]
public sealed class InvalidPluginExecutionException : Exception
{
    public InvalidPluginExecutionException()
    {
    }

    /// <summary>An exception with the status and an empty message.</summary>
    public InvalidPluginExecutionException(OperationStatus status)
        : this(status, string.Empty)
    {
    }

    public InvalidPluginExecutionException(string message)
        : base(message)
    {
    }

    public InvalidPluginExecutionException(OperationStatus status, string message)
        : this(status, 0, message)
    {
    }

    /// <summary>An exception wrapping <paramref name="exception"/>.</summary>
    public InvalidPluginExecutionException(string message, Exception exception)
        : base(message, exception)
    {
    }

    public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus)
        : this(OperationStatus.Failed, 0, message, httpStatus)
    {
    }

    /// <summary>An exception with the status and error code.</summary>
    public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message, PluginHttpStatusCode httpStatus)
        : this(status, errorCode, message)
    {
        HttpStatus = httpStatus;
    }

#if NET
    [Obsolete("Formatter-based serialization is obsolete on .NET.", DiagnosticId = "SYSLIB0051")]
#endif
    private InvalidPluginExecutionException(SerializationInfo info, StreamingContext context)
        : base(info, context)
    {
        Status = (OperationStatus)info.GetInt32(nameof(Status));
        ErrorCode = info.GetInt32(nameof(ErrorCode));
        HttpStatus = (PluginHttpStatusCode)info.GetInt32(nameof(HttpStatus));
    }

    /// <summary>
    /// The error code returned to the caller: -2146233088 unless a constructor takes one (behaviour.txt). How it relates to
    /// <see cref="Exception.HResult"/> is not documented
    /// (https://learn.microsoft.com/en-us/dotnet/api/microsoft.xrm.sdk.invalidpluginexecutionexception.errorcode), so it is
    /// kept on its own and nothing may rely on the two agreeing.
    /// </summary>
    public int ErrorCode { get; } = -2146233088;

    public PluginHttpStatusCode HttpStatus { get; } = PluginHttpStatusCode.NotSet;

    public OperationStatus Status { get; } = OperationStatus.Failed;

#if NET
    [Obsolete("Formatter-based serialization is obsolete on .NET.", DiagnosticId = "SYSLIB0051")]
#endif
    public override void GetObjectData(SerializationInfo info, StreamingContext context)
    {
        if (info == null)
        {
            throw new ArgumentNullException(nameof(info), "GetObjectData needs the SerializationInfo to write to.");
        }

        info.AddValue(nameof(Status), (int)Status);
        info.AddValue(nameof(ErrorCode), ErrorCode);
        info.AddValue(nameof(HttpStatus), (int)HttpStatus);
        base.GetObjectData(info, context);
    }
}
