namespace DataverseRelationship.SolutionPackager.Packing;

/// <summary>Which zips a pack writes, as pac solution pack's <c>--packagetype</c>.</summary>
public enum PackageType
{
    Unmanaged,
    Managed,
    Both,
}
