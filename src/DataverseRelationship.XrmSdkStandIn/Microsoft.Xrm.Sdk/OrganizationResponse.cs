using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A message response: its name and its output values.</summary>
    [DataContract(Name = "OrganizationResponse", Namespace = ContractNamespaces.Xrm2011)]
    public class OrganizationResponse : IExtensibleDataObject
    {
        private ParameterCollection results;

        public ExtensionDataObject ExtensionData { get; set; }

        /// <summary>The named result; a missing one throws <see cref="System.Collections.Generic.KeyNotFoundException"/>.</summary>
        public object this[string parameterName]
        {
            get => Results[parameterName];
            set => Results[parameterName] = value;
        }

        public string ResponseName { get; set; }

        /// <summary>The output values; never null (a null assignment reads back as a new empty collection).</summary>
        public ParameterCollection Results
        {
            get => results ??= new ParameterCollection();
            set => results = value;
        }

        /// <summary>The result cast (not converted) to <typeparamref name="T"/>, or default when absent: how the typed response properties read.</summary>
        internal T GetResult<T>(string name)
        {
            return Results.TryGetValue(name, out object value) ? (T)value : default;
        }
    }
}
