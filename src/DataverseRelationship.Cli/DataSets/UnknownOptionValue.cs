namespace DataverseRelationship.Cli.DataSets;

/// <summary>
/// A choice value the solution does not define (an organisation's own option or status reason), found while loading:
/// the load goes on, the value is reported with its place, and <see cref="Handling"/> says what the replay did with it.
/// </summary>
/// <param name="Place">The file and record, as in error messages.</param>
/// <param name="Column">The column's logical name.</param>
/// <param name="Value">The value as exported.</param>
/// <param name="Handling">What the replay does instead ("replayed as Lost (statecode 2)", "left out: not recorded").</param>
public sealed record UnknownOptionValue(DataSetProblem Place, string Column, int Value, string Handling)
{
    public override string ToString() => $"{Place.File}{(Place.Location.Length == 0 ? string.Empty : ", " + Place.Location)}: {Column} {Value}: {Handling}";
}
