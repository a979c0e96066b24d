using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

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

    /// <summary>The output values; a new response's collection is empty (behaviour.txt).</summary>
    public ParameterCollection Results { get; set; } = new ParameterCollection();

    /// <summary>
    /// The result cast (not converted) to <typeparamref name="T"/>: how the typed response properties read. An absent result
    /// reads as default, as behaviour.txt records for CreateResponse.id.
    /// </summary>
    internal T GetResult<T>(string name)
    {
        return Results.TryGetValue(name, out object value) ? (T)value : default;
    }
}
