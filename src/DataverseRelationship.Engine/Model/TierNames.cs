namespace DataverseRelationship.Engine.Model;

/// <summary>Tier names as a sales rep reads them.</summary>
public static class TierNames
{
    public static string Describe(RelationshipTier tier) => tier switch
    {
        RelationshipTier.StrategicPartner => "Strategic partner",
        RelationshipTier.Preferred => "Preferred",
        RelationshipTier.Transactional => "Transactional",
        _ => "Tier " + ((int)tier).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
