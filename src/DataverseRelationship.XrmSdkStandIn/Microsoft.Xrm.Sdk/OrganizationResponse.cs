using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A message response: its name and its output values.</summary>
    [DataContract(Name = "OrganizationResponse", Namespace = ContractNamespaces.Xrm2011)]
    public class OrganizationResponse : IExtensibleDataObject
    {
        public ExtensionDataObject ExtensionData { get; set; }

        /// <summary>The named result; a missing one throws <see cref="System.Collections.Generic.KeyNotFoundException"/>.</summary>
        public object this[string parameterName]
        {
            get => Results[parameterName];
            set => Results[parameterName] = value;
        }

        public string ResponseName { get; set; }

        public ParameterCollection Results { get; set; } = new ParameterCollection();

        /// <summary>The result cast to <typeparamref name="T"/>, or default when absent (how the typed response properties read).</summary>
        internal T GetResult<T>(string name)
        {
            return Results.TryGetValue(name, out object value) && value != null ? (T)value : default;
        }
    }
}
