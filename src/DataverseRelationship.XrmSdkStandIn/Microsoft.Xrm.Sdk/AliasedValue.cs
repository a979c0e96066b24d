using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A column value that came from a linked table or an aggregate, under an alias.</summary>
[DataContract(Name = "AliasedValue", Namespace = ContractNamespaces.Xrm2011)]
public sealed class AliasedValue : IExtensibleDataObject
{
    public AliasedValue()
    {
    }

    public AliasedValue(string entityLogicalName, string attributeLogicalName, object value)
    {
        EntityLogicalName = entityLogicalName;
        AttributeLogicalName = attributeLogicalName;
        Value = value;
    }

    public string AttributeLogicalName { get; private set; }

    public string EntityLogicalName { get; private set; }

    public ExtensionDataObject ExtensionData { get; set; }

    public object Value { get; private set; }
}
