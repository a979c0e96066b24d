using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A currency column value. Equals compares <see cref="Value"/>; == is reference equality.</summary>
[DataContract(Name = "Money", Namespace = ContractNamespaces.Xrm2011)]
public sealed class Money : IExtensibleDataObject
{
    public Money()
    {
    }

    public Money(decimal value)
    {
        Value = value;
    }

    public ExtensionDataObject ExtensionData { get; set; }

    public decimal Value { get; set; }

    public override bool Equals(object obj) => obj is Money other && Value == other.Value;

    public override int GetHashCode() => Value.GetHashCode();
}
