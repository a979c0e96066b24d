using System;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Pipeline;

/// <summary>Associate and Disassociate (the systemuser–role relationship).</summary>
internal sealed partial class Platform
{
    /// <summary>Associate/Disassociate for the systemuser–role relationship (the only N:N the project uses).</summary>
    private OrganizationResponse Associate(OrganizationRequest request, bool associate)
    {
        var target = RequireParameter<EntityReference>(request, "Target");
        var relationship = RequireParameter<Relationship>(request, "Relationship");
        var related = RequireParameter<EntityReferenceCollection>(request, "RelatedEntities");
        if (relationship.SchemaName != "systemuserroles_association")
        {
            throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The local Dataverse supports {request.RequestName} only for systemuserroles_association, not '{relationship.SchemaName}'.");
        }

        foreach (var other in related)
        {
            var (user, role) = target.LogicalName == "systemuser" ? (target, other) : (other, target);
            if (user.LogicalName != "systemuser" || role.LogicalName != "role")
            {
                throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, "systemuserroles_association links a systemuser and a role.");
            }

            Store.Get("systemuser", user.Id);
            Store.Get("role", role.Id);
            var links = Store.Table("systemuserroles");
            var existing = links.Lookup("systemuserid", user.Id).Select(id => links.Rows[id]).FirstOrDefault(r => r.GetStored("roleid") is Guid g && g == role.Id);
            if (associate && existing == null)
            {
                var id = Guid.NewGuid();
                var link = Store.Draft("systemuserroles");
                link.Set("systemuserroleid", id);
                link.Set("systemuserid", user.Id);
                link.Set("roleid", role.Id);
                Store.Write(link, id);
            }
            else if (!associate && existing != null)
            {
                Store.Remove("systemuserroles", existing.Id);
            }
        }

        return new OrganizationResponse { ResponseName = request.RequestName };
    }
}
