using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A message request: its name and its input parameters.</summary>
    [DataContract(Name = "OrganizationRequest", Namespace = ContractNamespaces.Xrm2011)]
    public class OrganizationRequest : IExtensibleDataObject
    {
        private ParameterCollection parameters;

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

        /// <summary>The input parameters; never null (a null assignment reads back as a new empty collection).</summary>
        public ParameterCollection Parameters
        {
            get => parameters ??= new ParameterCollection();
            set => parameters = value;
        }

        public Guid? RequestId { get; set; }

        public string RequestName { get; set; }

        /// <summary>The parameter cast (not converted) to <typeparamref name="T"/>, or default when absent: how the typed message properties read.</summary>
        internal T GetParameter<T>(string name)
        {
            return Parameters.TryGetValue(name, out object value) ? (T)value : default;
        }
    }
}
