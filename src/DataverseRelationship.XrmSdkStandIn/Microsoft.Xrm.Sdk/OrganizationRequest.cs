using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

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

    /// <summary>The input parameters; a new request's collection is empty (behaviour.txt).</summary>
    public ParameterCollection Parameters { get; set; } = new ParameterCollection();

    public Guid? RequestId { get; set; }

    public string RequestName { get; set; }

    /// <summary>
    /// The parameter cast (not converted) to <typeparamref name="T"/>: how the typed message properties read. A parameter
    /// never set reads as default here; the genuine SDK's result for that is not documented, so nothing may read a
    /// property it has not set.
    /// </summary>
    internal T GetParameter<T>(string name)
    {
        return Parameters.TryGetValue(name, out object value) ? (T)value : default;
    }
}
