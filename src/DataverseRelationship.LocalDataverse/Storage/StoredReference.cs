using System;

namespace DataverseRelationship.LocalDataverse.Storage;

/// <summary>A stored lookup value: immutable, so rows that point at the same row share one instance.</summary>
internal sealed class StoredReference
{
    public StoredReference(string logicalName, Guid id, string? name)
    {
        LogicalName = logicalName;
        Id = id;
        Name = name;
    }

    public string LogicalName { get; }

    public Guid Id { get; }

    public string? Name { get; }
}
