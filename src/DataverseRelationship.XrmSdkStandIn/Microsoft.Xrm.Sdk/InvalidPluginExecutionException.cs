using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// Thrown by a plugin to fail the operation and show its message to the user. Defaults: Status Failed,
    /// ErrorCode -2146233088 (0x80131500), HttpStatus NotSet.
    /// </summary>
    [Serializable]
    public sealed class InvalidPluginExecutionException : Exception
    {
        private const int DefaultErrorCode = -2146233088;

        public InvalidPluginExecutionException()
        {
        }

        public InvalidPluginExecutionException(OperationStatus status)
        {
            Status = status;
        }

        public InvalidPluginExecutionException(string message)
            : base(message)
        {
        }

        public InvalidPluginExecutionException(OperationStatus status, string message)
            : base(message)
        {
            Status = status;
        }

        public InvalidPluginExecutionException(string message, Exception exception)
            : base(message, exception)
        {
        }

        public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus)
            : base(message)
        {
            HttpStatus = httpStatus;
        }

        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message)
            : base(message)
        {
            Status = status;
            ErrorCode = errorCode;
        }

        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message, PluginHttpStatusCode httpStatus)
            : base(message)
        {
            Status = status;
            ErrorCode = errorCode;
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

        public int ErrorCode { get; } = DefaultErrorCode;

        public PluginHttpStatusCode HttpStatus { get; } = PluginHttpStatusCode.NotSet;

        public OperationStatus Status { get; } = OperationStatus.Failed;

#if NET
        [Obsolete("Formatter-based serialization is obsolete on .NET.", DiagnosticId = "SYSLIB0051")]
#endif
        public override void GetObjectData(SerializationInfo info, StreamingContext context)
        {
            base.GetObjectData(info, context);
            info.AddValue(nameof(Status), (int)Status);
            info.AddValue(nameof(ErrorCode), ErrorCode);
            info.AddValue(nameof(HttpStatus), (int)HttpStatus);
        }
    }
}
