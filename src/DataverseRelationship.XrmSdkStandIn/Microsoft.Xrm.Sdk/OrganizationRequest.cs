using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A message request: its name and its input parameters.</summary>
    [DataContract(Name = "OrganizationRequest", Namespace = ContractNamespaces.Xrm2011)]
    public class OrganizationRequest : IExtensibleDataObject
    {
        public OrganizationRequest()
        {
        }

        public OrganizationRequest(string requestName)
        {
            RequestName = requestName;
        }

        public ExtensionDataObject ExtensionData { get; set; }

        /// <summary>The named parameter; a missing one throws <see cref="System.Collections.Generic.KeyNotFoundException"/>.</summary>
        public object this[string parameterName]
        {
            get => Parameters[parameterName];
            set => Parameters[parameterName] = value;
        }

        public ParameterCollection Parameters { get; set; } = new ParameterCollection();

        public Guid? RequestId { get; set; }

        public string RequestName { get; set; }

        /// <summary>The parameter cast to <typeparamref name="T"/>, or default when absent (how the typed message properties read).</summary>
        internal T GetParameter<T>(string name)
        {
            return Parameters.TryGetValue(name, out object value) && value != null ? (T)value : default;
        }
    }
}
