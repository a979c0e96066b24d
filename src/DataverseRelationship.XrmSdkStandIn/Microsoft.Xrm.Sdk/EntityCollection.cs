using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A page of rows returned by a query, with paging information.</summary>
[DataContract(Name = "EntityCollection", Namespace = ContractNamespaces.Xrm2011)]
public sealed class EntityCollection : IExtensibleDataObject
{
    private DataCollection<Entity> entities;

    public EntityCollection()
    {
    }

    /// <summary>A collection whose <see cref="Entities"/> hold a copy of the rows of <paramref name="list"/>.</summary>
    public EntityCollection(IList<Entity> list)
    {
        entities = new DataCollection<Entity>(list);
    }

    public DataCollection<Entity> Entities => entities ??= new DataCollection<Entity>();

    public string EntityName { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    public Entity this[int index]
    {
        get => Entities[index];
        set => Entities[index] = value;
    }

    public string MinActiveRowVersion { get; set; }

    public bool MoreRecords { get; set; }

    public string PagingCookie { get; set; }

    public int TotalRecordCount { get; set; }

    public bool TotalRecordCountLimitExceeded { get; set; }
}
