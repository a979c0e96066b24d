using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>The fault detail of a failed organization service call (thrown wrapped in a FaultException).</summary>
    [DataContract(Name = "OrganizationServiceFault", Namespace = ContractNamespaces.Xrm2011)]
    public class OrganizationServiceFault : BaseServiceFault
    {
        public OrganizationServiceFault()
        {
        }

        public OrganizationServiceFault InnerFault { get; set; }

        public string TraceText { get; set; }
    }
}
