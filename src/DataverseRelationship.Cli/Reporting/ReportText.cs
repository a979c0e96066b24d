using System;
using System.Globalization;
using DataverseRelationship.Cli.DataSets.Csv;
using DataverseRelationship.Plugins.Schema;

namespace DataverseRelationship.Cli.Reporting;

/// <summary>How renderers write values: labels for choices, invariant numbers, ISO dates.</summary>
public static class ReportText
{
    /// <summary>A tier's label, as the solution's choice names it; "—" when unknown.</summary>
    public static string Tier(RelationshipTierChoice? tier) => tier is null ? "—" : ChoiceLabels.Label(tier.Value);

    /// <summary>A health band's label, as the solution's choice names it ("Insufficient evidence"); "—" when unknown.</summary>
    public static string Band(HealthBandChoice? band) => band is null ? "—" : ChoiceLabels.Label(band.Value);

    /// <summary>The band as a narrow table column shows it: "Insufficient" for insufficient evidence (the legend says so).</summary>
    public static string BandShort(HealthBandChoice? band) =>
        band == HealthBandChoice.InsufficientEvidence ? "Insufficient" : Band(band);

    /// <summary>A yes/no the plugins may leave unknown: "yes", "no" or "—".</summary>
    public static string YesNo(bool? value) => value switch { null => "—", true => "yes", false => "no" };

    /// <summary>A choice's label, as the solution names it ("Discount demanded after award"); "—" when unknown.</summary>
    public static string Label<T>(T? value)
        where T : struct, Enum
        => value is null ? "—" : ChoiceLabels.Label(value.Value);

    /// <summary>The stable machine name of a choice for JSON: camelCase of its member name ("strategicPartner").</summary>
    public static string Key<T>(T value)
        where T : struct, Enum
    {
        string name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static string Score(decimal? value) => value is null ? "—" : value.Value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Money(decimal? value) => value is null ? "—" : value.Value.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>
    /// An amount with thousands separators in whole units, after the currency's ISO code (else its symbol) when the
    /// data names one currency: "EUR 27,142". Unknown or several currencies: the number alone, as the report's header
    /// says why (no symbol is invented, amounts in several currencies are not converted).
    /// </summary>
    public static string Money(decimal? value, DataSets.DataSetCurrency? currency) =>
        value is null ? "—" : (currency?.IsoCode ?? currency?.Symbol) is { } unit ? unit + " " + Money(value) : Money(value);

    public static string Count(long value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    public static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DateTimeUtc(DateTime value) => value.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan value) => value.TotalSeconds < 60
        ? value.TotalSeconds.ToString("0.00 's'", CultureInfo.InvariantCulture)
        : value.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture);
}
