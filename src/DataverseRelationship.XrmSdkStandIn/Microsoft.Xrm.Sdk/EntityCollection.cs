using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A page of rows returned by a query, with paging information.</summary>
    [DataContract(Name = "EntityCollection", Namespace = ContractNamespaces.Xrm2011)]
    public sealed class EntityCollection : IExtensibleDataObject
    {
        private readonly DataCollection<Entity> entities;

        public EntityCollection()
        {
            entities = new DataCollection<Entity>();
        }

        /// <summary>Wraps <paramref name="list"/> as <see cref="Entities"/>; changes show through both.</summary>
        public EntityCollection(IList<Entity> list)
        {
            entities = new DataCollection<Entity>(list);
        }

        public DataCollection<Entity> Entities => entities;

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
}
