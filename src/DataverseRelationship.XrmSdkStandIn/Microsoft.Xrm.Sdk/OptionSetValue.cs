using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A choice column value. Equals compares <see cref="Value"/>; == is reference equality.</summary>
[DataContract(Name = "OptionSetValue", Namespace = ContractNamespaces.Xrm2011)]
public sealed class OptionSetValue : IExtensibleDataObject
{
    public OptionSetValue()
    {
    }

    public OptionSetValue(int value)
    {
        Value = value;
    }

    public ExtensionDataObject ExtensionData { get; set; }

    public int Value { get; set; }

    public override bool Equals(object obj) => obj is OptionSetValue other && Value == other.Value;

    public override int GetHashCode() => Value.GetHashCode();
}
