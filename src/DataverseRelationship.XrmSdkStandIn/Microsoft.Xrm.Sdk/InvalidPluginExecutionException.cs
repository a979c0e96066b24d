using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// Thrown by a plugin to fail the operation and show its message to the user. Defaults: Status Failed,
    /// ErrorCode -2146233088 (0x80131500, the exception's HResult), HttpStatus NotSet.
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

        /// <summary>An exception wrapping <paramref name="exception"/>; the HTTP status of a wrapped plugin exception carries over.</summary>
        public InvalidPluginExecutionException(string message, Exception exception)
            : base(message, exception)
        {
            if (exception is InvalidPluginExecutionException inner)
            {
                HttpStatus = inner.HttpStatus;
            }
        }

        public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus)
            : this(OperationStatus.Failed, 0, message, httpStatus)
        {
        }

        /// <summary>An exception with the status and error code (0 keeps the default error code).</summary>
        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message)
            : base(message)
        {
            Status = status;
            if (errorCode != 0)
            {
                HResult = errorCode;
            }
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
            HttpStatus = (PluginHttpStatusCode)info.GetInt32(nameof(HttpStatus));
        }

        /// <summary>The error code returned to the caller: the exception's HResult.</summary>
        public int ErrorCode => HResult;

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
            info.AddValue(nameof(HttpStatus), (int)HttpStatus);
            base.GetObjectData(info, context);
        }
    }
}
