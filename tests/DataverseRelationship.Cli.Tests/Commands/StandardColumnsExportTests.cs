using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using DataverseRelationship.Cli.Commands;
using DataverseRelationship.Cli.Tests.DataSets;

namespace DataverseRelationship.Cli.Tests.Commands;

/// <summary>
/// Exports as they look on the day the solution is installed: only standard Dynamics columns, no dvr_ column. The
/// preview must not invent evidence: unknown principles, health Insufficient evidence, deals Not assessed, no CLV, no
/// account at risk, and explanations that say what is missing.
/// </summary>
public sealed class StandardColumnsExportTests : IDisposable
{
    private const string Accounts =
        "Account Name,Created On\n" +
        "Contoso,2022-01-10T09:00:00Z\n" +
        "Fabrikam,2022-02-14T09:00:00Z\n" +
        "Tailspin,2023-06-01T09:00:00Z\n";

    private const string Opportunities =
        "Topic,Account,Est. Revenue,Actual Revenue,Status,Status Reason,Created On,Est. Close Date,Actual Close Date\n" +
        "Fleet analytics,Contoso,50000,48000,Won,Won,2022-03-01T08:00:00Z,2022-04-15,2022-04-15\n" +
        "Fleet renewal,Contoso,52000,52000,Won,Won,2023-03-01T08:00:00Z,2023-04-15,2023-04-12\n" +
        "Depot sensors,Contoso,30000,,Lost,Out-Sold,2023-05-01T08:00:00Z,2023-06-01,2023-06-03\n" +
        "Telematics,Contoso,75000,,Open,In Progress,2024-01-08T08:00:00Z,2024-03-31,\n" +
        "Warehouse scanners,Fabrikam,20000,21000,Won,Won,2022-05-01T08:00:00Z,2022-06-01,2022-06-10\n" +
        "Scanner support,Fabrikam,24000,24000,Won,Won,2023-05-01T08:00:00Z,2023-06-01,2023-06-01\n" +
        "Route planning,Fabrikam,40000,,Open,In Progress,2023-09-01T08:00:00Z,2023-12-01,\n";

    /// <summary>Fabrikam's business falls and its next deal is lost: signals that standard columns do carry.</summary>
    private const string Declining =
        "Scanner support,Fabrikam,6000,6000,Won,Won,2023-05-01T08:00:00Z,2023-06-01,2023-06-01\n" +
        "Route planning,Fabrikam,40000,,Lost,Canceled,2023-09-01T08:00:00Z,2023-10-01,2023-10-20\n";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string StandardColumnsCsv(string? fabrikamLater = null)
    {
        File.WriteAllText(_folder.File("account.csv"), Accounts);
        string opportunities = fabrikamLater is null ? Opportunities : string.Concat(Opportunities.Split('\n').Where(l => l.Length > 0).SkipLast(2).Select(l => l + "\n")) + fabrikamLater;
        File.WriteAllText(_folder.File("opportunity.csv"), opportunities);
        return _folder.Path;
    }

    /// <summary>The Configuration Migration export whose won deal carries an organisation's own status reason (104800000).</summary>
    private void WriteExportWithCustomWonStatusReason()
        => File.WriteAllBytes(_folder.File("export.zip"), CmtExport.Export(CmtExport.UsData.Replace("<field name=\"statuscode\" value=\"3\" />", "<field name=\"statuscode\" value=\"104800000\" />", StringComparison.Ordinal)));

    private static readonly string[] ConductPrinciples = ["reciprocity", "autonomy", "integrity", "fairness"];

    private static JsonElement Json(CommandRun run)
    {
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        return JsonDocument.Parse(run.Output).RootElement;
    }

    [Fact]
    public void A_standard_columns_export_leaves_the_conduct_principles_and_health_unknown_and_no_account_at_risk()
    {
        JsonElement report = Json(CommandRun.Of("preview", "--json", StandardColumnsCsv()));

        Assert.Equal(3, report.GetProperty("statistics").GetProperty("accounts").GetInt32());
        Assert.Equal(4, report.GetProperty("statistics").GetProperty("won").GetInt64());
        Assert.Equal(1, report.GetProperty("statistics").GetProperty("lost").GetInt64());
        Assert.Equal(0, report.GetProperty("statistics").GetProperty("eventsRejected").GetInt64());
        Assert.Equal(3, report.GetProperty("healthBands").GetProperty("insufficientEvidence").GetInt32());
        foreach (JsonElement account in report.GetProperty("accounts").EnumerateArray())
        {
            string name = account.GetProperty("name").GetString()!;
            JsonElement scores = account.GetProperty("scores");

            // Reciprocity, autonomy, integrity and fairness need recorded terms and conduct: no dvr_ column, no score.
            Assert.All(ConductPrinciples, p => Assert.True(scores.GetProperty(p).ValueKind == JsonValueKind.Null, $"{name}: {p} is {scores.GetProperty(p)}"));
            Assert.Equal(JsonValueKind.Null, account.GetProperty("health").GetProperty("score").ValueKind);
            Assert.Equal("insufficientEvidence", account.GetProperty("health").GetProperty("band").GetString());
            Assert.Equal(JsonValueKind.Null, account.GetProperty("lifetimeValue").ValueKind); // no margin
            Assert.NotEqual(JsonValueKind.True, account.GetProperty("atRisk").ValueKind);
            Assert.Equal("transactional", account.GetProperty("tier").GetString());
        }

        // An account without a single deal has nothing to go on at all.
        JsonElement tailspin = report.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Tailspin");
        Assert.All(tailspin.GetProperty("scores").EnumerateObject(), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));
        Assert.Equal(JsonValueKind.Null, tailspin.GetProperty("churnRisk").ValueKind);
        Assert.Equal(JsonValueKind.Null, tailspin.GetProperty("atRisk").ValueKind);
    }

    [Fact]
    public void Falling_won_value_and_a_lost_deal_in_standard_columns_are_evidence_of_churn_risk()
    {
        JsonElement[] accounts = [.. Json(CommandRun.Of("preview", "--json", StandardColumnsCsv(Declining))).GetProperty("accounts").EnumerateArray()];

        JsonElement fabrikam = accounts.Single(a => a.GetProperty("name").GetString() == "Fabrikam");
        JsonElement contoso = accounts.Single(a => a.GetProperty("name").GetString() == "Contoso");
        Assert.True(fabrikam.GetProperty("atRisk").GetBoolean());
        Assert.True(fabrikam.GetProperty("churnRisk").GetDecimal() > contoso.GetProperty("churnRisk").GetDecimal());
        Assert.False(contoso.GetProperty("atRisk").GetBoolean());
        Assert.All(ConductPrinciples, p => Assert.Equal(JsonValueKind.Null, fabrikam.GetProperty("scores").GetProperty(p).ValueKind));
    }

    [Fact]
    public void Deals_without_a_recorded_discount_are_not_assessed_against_the_tier_cap()
    {
        JsonElement deals = Json(CommandRun.Of("preview", "--json", StandardColumnsCsv())).GetProperty("deals");

        Assert.Equal(7, deals.GetProperty("total").GetInt64());
        Assert.Equal(7, deals.GetProperty("notAssessed").GetInt64());
        Assert.Equal(0, deals.GetProperty("withinCap").GetInt64());
    }

    [Fact]
    public void Explanations_name_the_principles_left_unknown_and_the_conduct_nobody_recorded()
    {
        JsonElement contoso = Json(CommandRun.Of("preview", "--json", StandardColumnsCsv())).GetProperty("accounts").EnumerateArray()
            .Single(a => a.GetProperty("name").GetString() == "Contoso");

        string explanation = contoso.GetProperty("explanation").GetString()!;
        Assert.Contains("Health unknown (insufficient evidence)", explanation, StringComparison.Ordinal);
        Assert.Contains("reciprocity — no recorded exchange", explanation, StringComparison.Ordinal);
        Assert.Contains("autonomy — no recorded conduct", explanation, StringComparison.Ordinal);
        Assert.Contains("fairness — no margin on", explanation, StringComparison.Ordinal);
        Assert.Contains("no deal's conduct recorded", explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("without power plays", explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_shows_a_dash_for_each_unknown_score_and_says_no_account_is_at_risk()
    {
        CommandRun run = CommandRun.Of("preview", "--width", "120", "--wide", StandardColumnsCsv());

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        string contoso = run.Output.ReplaceLineEndings("\n").Split('\n').First(l => l.StartsWith("│ Contoso ", StringComparison.Ordinal));
        string[] cells = contoso.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Contoso", "Transactional", "—", "Insufficient"], cells[..4]);
        Assert.Contains("Insufficient = insufficient evidence", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("50.0", contoso, StringComparison.Ordinal);
        Assert.Contains("No account is at risk.", run.Output, StringComparison.Ordinal);
        string notAssessed = run.Output.ReplaceLineEndings("\n").Split('\n').Single(l => l.StartsWith("│ Not assessed ", StringComparison.Ordinal));
        Assert.Equal(["Not assessed", "7"], notAssessed.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_custom_status_reason_of_a_won_deal_replays_as_won_and_is_reported()
    {
        WriteExportWithCustomWonStatusReason();

        JsonElement report = Json(CommandRun.In(_folder.Path, "preview", "--json", "export.zip"));

        Assert.Equal(1, report.GetProperty("statistics").GetProperty("won").GetInt64());
        Assert.Equal(1, report.GetProperty("statistics").GetProperty("lost").GetInt64());
        JsonElement unknown = report.GetProperty("unknownOptionValues");
        Assert.Equal(1, unknown.GetProperty("count").GetInt32());
        JsonElement value = unknown.GetProperty("values")[0];
        Assert.Equal("statuscode", value.GetProperty("column").GetString());
        Assert.Equal(104800000, value.GetProperty("value").GetInt32());
        Assert.Equal("custom status reason, replayed as Won (statecode 1)", value.GetProperty("handling").GetString());
        Assert.Contains(CmtExport.WonId, value.GetProperty("location").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_console_warns_about_the_custom_status_reason_and_counts_it()
    {
        WriteExportWithCustomWonStatusReason();

        CommandRun run = CommandRun.In(_folder.Path, "preview", "export.zip");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("1 / 1", run.Output, StringComparison.Ordinal);
        Assert.Contains("option values are not the solution's choices", run.Output, StringComparison.Ordinal);
        Assert.Contains("statuscode 104800000: custom status reason, replayed as Won (statecode 1)", run.Output, StringComparison.Ordinal);
    }
}
