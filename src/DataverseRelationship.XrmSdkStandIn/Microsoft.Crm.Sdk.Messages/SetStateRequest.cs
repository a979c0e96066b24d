using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>Sets the state and status of a row.</summary>
    [DataContract(Namespace = ContractNamespaces.Crm2011)]
    public sealed class SetStateRequest : OrganizationRequest
    {
        /// <summary>A request named "SetState" with EntityMoniker, State, Status present (null) until set.</summary>
        public SetStateRequest()
        {
            RequestName = "SetState";
            EntityMoniker = null;
            State = null;
            Status = null;
        }

        /// <summary>Parameters["EntityMoniker"].</summary>
        public EntityReference EntityMoniker
        {
            get => GetParameter<EntityReference>("EntityMoniker");
            set => Parameters["EntityMoniker"] = value;
        }

        /// <summary>Parameters["State"].</summary>
        public OptionSetValue State
        {
            get => GetParameter<OptionSetValue>("State");
            set => Parameters["State"] = value;
        }

        /// <summary>Parameters["Status"].</summary>
        public OptionSetValue Status
        {
            get => GetParameter<OptionSetValue>("Status");
            set => Parameters["Status"] = value;
        }
    }
}
