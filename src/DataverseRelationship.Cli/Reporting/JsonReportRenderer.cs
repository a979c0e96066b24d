using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using DataverseRelationship.Plugins.Schema;

namespace DataverseRelationship.Cli.Reporting;

/// <summary>
/// Writes a <see cref="RunReport"/> as JSON for scripts. Property names are fixed (camelCase, listed in
/// docs/data-formats.md), choices are camelCase member names, numbers are numbers, times are ISO 8601 UTC.
/// <c>schemaVersion</c> changes when a property is renamed or removed or a value's type changes.
/// </summary>
public static class JsonReportRenderer
{
    /// <summary>
    /// 2 since relationship model v2: every score, <c>lifetimeValue</c>, <c>churnRisk</c>, <c>confidence</c> and
    /// <c>atRisk</c> may be <c>null</c> (unknown: too little evidence), where version 1 always held a number.
    /// </summary>
    public const int SchemaVersion = 2;

    public static string Render(RunReport report)
    {
        using var stream = new MemoryStream();
        Render(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// "currency": the one currency of every amount, or null (unknown or several); "currencies": every currency the
    /// rows name (isoCode, symbol, name; each null when the export does not say).
    /// </summary>
    private static void WriteCurrencies(Utf8JsonWriter w, RunReport report)
    {
        w.WritePropertyName("currency");
        if (report.Currencies.Count == 1)
        {
            WriteCurrency(w, report.Currencies[0]);
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteStartArray("currencies");
        foreach (DataSets.DataSetCurrency c in report.Currencies)
        {
            WriteCurrency(w, c);
        }

        w.WriteEndArray();
    }

    private static void WriteCurrency(Utf8JsonWriter w, DataSets.DataSetCurrency c)
    {
        w.WriteStartObject();
        w.WriteString("isoCode", c.IsoCode);
        w.WriteString("symbol", c.Symbol);
        w.WriteString("name", c.Name);
        w.WriteEndObject();
    }

    /// <summary>Writes the report to <paramref name="output"/> (UTF-8, indented).</summary>
    public static void Render(RunReport report, Stream output, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented });
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteString("dataSet", report.DataSet);
        w.WriteString("policyVersion", report.PolicyVersion);
        WriteCurrencies(w, report);
        w.WriteString("generatedAt", Utc(report.GeneratedAt));
        w.WriteString("replayedFrom", Utc(report.ReplayedFrom));
        w.WriteString("replayedUntil", Utc(report.ReplayedUntil));

        RunStatistics s = report.Statistics;
        w.WriteStartObject("statistics");
        w.WriteNumber("eventsReplayed", s.EventsReplayed);
        w.WriteNumber("eventsRejected", s.EventsRejected);
        w.WriteNumber("eventsSkipped", s.EventsSkipped);
        w.WriteNumber("accounts", s.Accounts);
        w.WriteNumber("contacts", s.Contacts);
        w.WriteNumber("opportunities", s.Opportunities);
        w.WriteNumber("won", s.Won);
        w.WriteNumber("lost", s.Lost);
        w.WriteNumber("pluginExecutions", s.PluginExecutions);
        w.WriteNumber("elapsedSeconds", Math.Round(s.Elapsed.TotalSeconds, 3));
        w.WriteNumber("eventsPerSecond", Math.Round(s.EventsPerSecond, 1));
        w.WriteEndObject();

        w.WriteStartObject("tierDistribution");
        foreach (KeyValuePair<RelationshipTierChoice, int> tier in report.TierDistribution())
        {
            w.WriteNumber(ReportText.Key(tier.Key), tier.Value);
        }

        w.WriteEndObject();

        DealVerdictCounts d = report.Deals;
        w.WriteStartObject("deals");
        w.WriteNumber("withinCap", d.WithinCap);
        w.WriteNumber("reciprocated", d.Reciprocated);
        w.WriteNumber("warned", d.Warned);
        w.WriteNumber("blocked", d.Blocked);
        w.WriteNumber("notAssessed", d.NotAssessed);
        w.WriteNumber("total", d.Total);
        w.WriteEndObject();

        w.WriteStartObject("games");
        foreach (ProcurementTacticChoice game in RunReport.GameChoices)
        {
            w.WriteNumber(ReportText.Key(game), report.Games.TryGetValue(game, out long count) ? count : 0);
        }

        w.WriteEndObject();

        w.WriteStartArray("accounts");
        foreach (AccountResult a in report.Accounts)
        {
            WriteAccount(w, a);
        }

        w.WriteEndArray();

        w.WriteStartObject("healthBands");
        foreach (KeyValuePair<HealthBandChoice?, int> band in report.BandDistribution())
        {
            w.WriteNumber(band.Key is { } b ? ReportText.Key(b) : "notScored", band.Value);
        }

        w.WriteEndObject();

        w.WriteStartObject("unknownOptionValues");
        w.WriteNumber("count", report.UnknownOptionValues.Count);
        w.WriteStartArray("values");
        foreach (DataSets.UnknownOptionValue u in report.UnknownOptionValues.Take(MaxUnknownOptionValues))
        {
            w.WriteStartObject();
            w.WriteString("file", u.Place.File);
            w.WriteString("location", u.Place.Location);
            w.WriteString("column", u.Column);
            w.WriteNumber("value", u.Value);
            w.WriteString("handling", u.Handling);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartArray("rejections");
        foreach (RejectedEvent r in report.Rejections)
        {
            WriteRejection(w, r);
        }

        w.WriteEndArray();
        w.WriteStartArray("rejectionGroups");
        foreach (RejectionGroup g in report.RejectionGroups)
        {
            w.WriteStartObject();
            w.WriteString("reason", g.Reason);
            w.WriteNumber("count", g.Count);
            w.WriteStartArray("examples");
            foreach (RejectedEvent r in g.Examples)
            {
                WriteRejection(w, r);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        FlowActivityJson.Write(w, report.Flows);
        w.WriteEndObject();
    }

    /// <summary>At most this many unknown option values are listed (all are counted).</summary>
    public const int MaxUnknownOptionValues = 100;

    private static void WriteAccount(Utf8JsonWriter w, AccountResult a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.AccountId);
        w.WriteString("name", a.Name);
        w.WriteString("tier", ReportText.Key(a.Tier));
        WriteKey(w, "eligibleTier", a.EligibleTier);
        w.WriteStartObject("health");
        WriteNumber(w, "score", a.HealthScore);
        WriteKey(w, "band", a.HealthBand);
        WriteKey(w, "trend", a.HealthTrend);
        w.WriteEndObject();
        RelationshipScores s = a.Scores;
        w.WriteStartObject("scores");
        WriteNumber(w, "reciprocity", s.Reciprocity);
        WriteNumber(w, "autonomy", s.Autonomy);
        WriteNumber(w, "integrity", s.Integrity);
        WriteNumber(w, "loyalty", s.Loyalty);
        WriteNumber(w, "fairness", s.Fairness);
        w.WriteEndObject();
        WriteNumber(w, "engagement", a.Engagement);

        WriteNumber(w, "lifetimeValue", a.LifetimeValue);
        WriteNumber(w, "churnRisk", a.ChurnRisk);
        WriteNumber(w, "confidence", a.Confidence);
        if (a.KeyContactCount is { } k)
        {
            w.WriteNumber("keyContacts", k);
        }
        else
        {
            w.WriteNull("keyContacts");
        }

        if (a.AtRisk is { } atRisk)
        {
            w.WriteBoolean("atRisk", atRisk);
        }
        else
        {
            w.WriteNull("atRisk");
        }

        w.WriteString("explanation", a.Explanation);
        w.WriteStartArray("timeline");
        foreach (TierChange c in a.Timeline)
        {
            w.WriteStartObject();
            w.WriteString("when", Utc(c.When));
            WriteKey(w, "from", c.From);
            w.WriteString("to", ReportText.Key(c.To));
            w.WriteString("kind", ReportText.Key(c.Kind));
            w.WriteString("reason", c.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("history");
        foreach (ScorePoint p in a.History)
        {
            w.WriteStartObject();
            w.WriteString("takenOn", Utc(p.TakenOn));
            WriteNumber(w, "health", p.Health);
            WriteKey(w, "band", p.Band);
            WriteNumber(w, "churnRisk", p.ChurnRisk);
            WriteKey(w, "tier", p.Tier);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteRejection(Utf8JsonWriter w, RejectedEvent r)
    {
        w.WriteStartObject();
        w.WriteString("at", Utc(r.At));
        w.WriteString("event", r.Event);
        w.WriteString("message", r.Message);
        w.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteKey<T>(Utf8JsonWriter w, string name, T? value)
        where T : struct, Enum
    {
        if (value is { } v)
        {
            w.WriteString(name, ReportText.Key(v));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
