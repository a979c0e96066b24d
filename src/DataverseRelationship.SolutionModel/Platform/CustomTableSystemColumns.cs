using System.Collections.Generic;

namespace DataverseRelationship.SolutionModel;

/// <summary>
/// The system columns Dataverse gives every user-owned custom table, by schema name (the attribute's PhysicalName), as
/// an exported, pac-unpacked custom table lists them: e.g. Entities/apollo_ApolloLab/Entity.xml of the public export
/// meandtech2001/Apollo-HealthCare-Management-D365-CRM- (commit 4af90e92). The primary key and the primary name column
/// are the table's own.
/// </summary>
public static class CustomTableSystemColumns
{
    /// <summary>The schema names, in the order exports list them.</summary>
    public static readonly IReadOnlyList<string> SchemaNames =
    [
        "CreatedBy", "CreatedOn", "CreatedOnBehalfBy", "ImportSequenceNumber", "ModifiedBy", "ModifiedOn", "ModifiedOnBehalfBy",
        "OverriddenCreatedOn", "OwnerId", "OwningBusinessUnit", "OwningTeam", "OwningUser", "statecode", "statuscode",
        "TimeZoneRuleVersionNumber", "UTCConversionTimeZoneCode",
    ];
}
