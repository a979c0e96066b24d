using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Creates a row.</summary>
    [DataContract(Namespace = ContractNamespaces.Xrm2011)]
    public sealed class CreateRequest : OrganizationRequest
    {
        /// <summary>A request named "Create" with Target present (null) until set.</summary>
        public CreateRequest()
        {
            RequestName = "Create";
            Target = null;
        }

        /// <summary>Parameters["Target"].</summary>
        public Entity Target
        {
            get => GetParameter<Entity>("Target");
            set => Parameters["Target"] = value;
        }
    }
}
