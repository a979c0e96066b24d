using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Message parameters (request inputs, response outputs, shared variables) by name.</summary>
[CollectionDataContract(Name = "ParameterCollection", Namespace = ContractNamespaces.Xrm2011)]
public class ParameterCollection : DataCollection<string, object>
{
    public ParameterCollection()
    {
    }

    protected ParameterCollection(IDictionary<string, object> collection)
        : base(collection)
    {
    }

    /// <summary>Sets <paramref name="key"/> to <paramref name="obj"/> unless <paramref name="obj"/> is null (then nothing changes).</summary>
    public void AddOrUpdateIfNotNull(string key, object obj)
    {
        if (obj != null)
        {
            this[key] = obj;
        }
    }
}
