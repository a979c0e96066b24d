using System;
using System.Globalization;
using DataverseRelationship.Cli.DataSets.Limits;
using DataverseRelationship.LocalDataverse.Schema;

namespace DataverseRelationship.Cli.DataSets;

/// <summary>
/// What a loader checks besides the format: the size limits (<see cref="LoadLimits"/>), the years a date may fall in,
/// and the schema whose column ranges and lengths every value must fit: the replay's own (the standard tables plus the
/// solution's Entity.xml, as <c>LocalDataverse.FromSolution</c> builds it), so a value the loader accepts is one the
/// replay accepts.
/// </summary>
public sealed record DataSetLoadOptions
{
    /// <summary>The earliest and latest year a date may have unless told otherwise.</summary>
    public const int DefaultEarliestYear = 1900;

    /// <inheritdoc cref="DefaultEarliestYear"/>
    public const int DefaultLatestYear = 2100;

    /// <summary>The size limits.</summary>
    public LoadLimits Limits { get; init; } = LoadLimits.Default;

    /// <summary>Dates before 1 January of this year are refused (a year 0001 is a missing value written as a date).</summary>
    public int EarliestYear { get; init; } = DefaultEarliestYear;

    /// <summary>Dates after 31 December of this year are refused (9999-12-31 is "never" written as a date).</summary>
    public int LatestYear { get; init; } = DefaultLatestYear;

    /// <summary>
    /// The tables and columns values are checked against; null: the solution found as dvrel finds it by default (the
    /// repository around the current folder, else the copy next to dvrel), else the standard tables alone.
    /// </summary>
    public SchemaCatalog? Schema { get; init; }

    /// <summary>The options with the schema of the unpacked solution in <paramref name="solutionFolder"/>.</summary>
    public static DataSetLoadOptions ForSolution(string solutionFolder)
    {
        return new DataSetLoadOptions { Schema = SchemaCatalog.FromSolution(solutionFolder) };
    }

    /// <summary>The schema to check against (see <see cref="Schema"/>).</summary>
    public SchemaCatalog SchemaToCheck() => Schema ?? DefaultSchema.Value;

    /// <summary>True when the date's year is within <see cref="EarliestYear"/>..<see cref="LatestYear"/>.</summary>
    public bool IsPlausible(DateTime date) => date.Year >= EarliestYear && date.Year <= LatestYear;

    /// <summary>The range of plausible dates, for messages: "1900-01-01 to 2100-12-31".</summary>
    public string PlausibleRange => string.Create(CultureInfo.InvariantCulture, $"{EarliestYear:0000}-01-01 to {LatestYear:0000}-12-31");

    /// <summary>The earliest year Dataverse stores (DateTimeAttributeMetadata.MinSupportedValue, 1 January 1753:
    /// https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.metadata.datetimeattributemetadata.minsupportedvalue).</summary>
    public const int DataverseEarliestYear = 1753;

    /// <summary>The latest year <c>--dates</c> admits: one short of 9999, so the replay's calendar (weekly runs, a day after the latest date) never leaves what DateTime holds.</summary>
    public const int LatestAdmittedYear = 9998;

    /// <summary>
    /// Parses <c>--dates FROM-TO</c> ("1900-2100"): two years, the first not after the second, within
    /// <see cref="DataverseEarliestYear"/>..<see cref="LatestAdmittedYear"/> (the timeline also places deals 30 days
    /// before their close date, which must stay a DateTime).
    /// </summary>
    public static bool TryParseYears(string text, out int earliest, out int latest)
    {
        earliest = latest = 0;
        string[] parts = (text ?? string.Empty).Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out earliest)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out latest)
            && earliest >= DataverseEarliestYear && latest <= LatestAdmittedYear && earliest <= latest;
    }

    private static readonly Lazy<SchemaCatalog> DefaultSchema = new(() =>
    {
        try
        {
            return ForSolution(Replay.SolutionLocation.Resolve(null, Environment.CurrentDirectory, AppContext.BaseDirectory)).Schema!;
        }
        catch (Replay.SolutionNotFoundException)
        {
            return SchemaCatalog.Standard();
        }
    });
}
