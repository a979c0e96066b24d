using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>The detail of a fault returned by a Dataverse service.</summary>
    [DataContract(Name = "BaseServiceFault", Namespace = ContractNamespaces.Xrm2011)]
    [KnownType(typeof(OrganizationServiceFault))]
    public abstract class BaseServiceFault : IExtensibleDataObject
    {
        private ErrorDetailCollection errorDetails;

        protected BaseServiceFault()
        {
        }

        public Guid ActivityId { get; set; }

        public int ErrorCode { get; set; }

        /// <summary>Error-specific details (e.g. "CallStack"); never null (a null assignment reads back as a new empty collection).</summary>
        public ErrorDetailCollection ErrorDetails
        {
            get => errorDetails ??= new ErrorDetailCollection();
            set => errorDetails = value;
        }

        public ExtensionDataObject ExtensionData { get; set; }

        public string HelpLink { get; set; }

        public string Message { get; set; }

        public DateTime Timestamp { get; set; }
    }
}
