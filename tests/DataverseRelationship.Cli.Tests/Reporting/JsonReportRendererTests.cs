using System.Linq;
using System.Text.Json;
using DataverseRelationship.Cli.Reporting;
using DataverseRelationship.Plugins.Schema;

namespace DataverseRelationship.Cli.Tests.Reporting;

public sealed class JsonReportRendererTests
{
    private static readonly JsonElement Root = JsonDocument.Parse(JsonReportRenderer.Render(ReportFixture.Build())).RootElement;

    [Fact]
    public void The_top_level_properties_are_the_stable_names_scripts_rely_on()
    {
        Assert.Equal(
            ["schemaVersion", "dataSet", "policyVersion", "currency", "currencies", "generatedAt", "replayedFrom", "replayedUntil", "statistics", "tierDistribution", "deals", "games", "accounts", "healthBands", "unknownOptionValues", "rejections", "rejectionGroups"],
            Root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, Root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("2025-12-31T00:00:00Z", Root.GetProperty("replayedUntil").GetString());
    }

    [Fact]
    public void Tier_distribution_deals_and_games_carry_every_choice_with_its_count()
    {
        JsonElement tiers = Root.GetProperty("tierDistribution");
        Assert.Equal(1, tiers.GetProperty("transactional").GetInt32());
        Assert.Equal(3, tiers.GetProperty("preferred").GetInt32());
        Assert.Equal(2, tiers.GetProperty("strategicPartner").GetInt32());
        Assert.Equal(2747, Root.GetProperty("deals").GetProperty("total").GetInt64());
        Assert.Equal(35, Root.GetProperty("deals").GetProperty("blocked").GetInt64());
        Assert.Equal(7, Root.GetProperty("games").EnumerateObject().Count());
        Assert.Equal(0, Root.GetProperty("games").GetProperty("earlyRenegotiation").GetInt64());
        Assert.Equal(2469.0, Root.GetProperty("statistics").GetProperty("eventsPerSecond").GetDouble());
    }

    [Fact]
    public void An_account_carries_tier_health_scores_risk_explanation_and_its_timeline()
    {
        JsonElement hostile = Root.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("name").GetString() == ReportFixture.HostileName);

        Assert.Equal("preferred", hostile.GetProperty("tier").GetString());
        Assert.Equal("poor", hostile.GetProperty("health").GetProperty("band").GetString());
        Assert.Equal("declining", hostile.GetProperty("health").GetProperty("trend").GetString());
        Assert.Equal(38m, hostile.GetProperty("scores").GetProperty("autonomy").GetDecimal());
        Assert.True(hostile.GetProperty("atRisk").GetBoolean());
        Assert.Equal(15m, hostile.GetProperty("engagement").GetDecimal());
        JsonElement demotion = hostile.GetProperty("timeline")[1];
        Assert.Equal("strategicPartner", demotion.GetProperty("from").GetString());
        Assert.Equal("preferred", demotion.GetProperty("to").GetString());
        Assert.Equal("automatic", demotion.GetProperty("kind").GetString());
        Assert.Equal("plan not reviewed for 12 months & sponsor left", demotion.GetProperty("reason").GetString());
        JsonElement[] history = hostile.GetProperty("history").EnumerateArray().ToArray();
        Assert.Equal(5, history.Length);
        Assert.Equal("2023-02-20T00:00:00Z", history[0].GetProperty("takenOn").GetString());
        Assert.Equal(68m, history[0].GetProperty("health").GetDecimal());
        Assert.Equal(JsonValueKind.Null, history[2].GetProperty("health").ValueKind);
        Assert.Equal(JsonValueKind.Null, history[2].GetProperty("band").ValueKind);
        Assert.Equal(71m, history[4].GetProperty("churnRisk").GetDecimal());
        Assert.Equal("preferred", history[4].GetProperty("tier").GetString());
    }

    [Fact]
    public void An_unknown_value_is_null_never_0_or_50_and_the_insufficient_evidence_band_is_counted()
    {
        RunReport report = ReportFixture.Build();
        AccountResult unknown = report.Accounts[0] with
        {
            HealthScore = null, HealthBand = HealthBandChoice.InsufficientEvidence, HealthTrend = null, Scores = RelationshipScores.Unknown,
            Engagement = null, LifetimeValue = null, ChurnRisk = null, Confidence = null, AtRisk = null,
        };
        JsonElement root = JsonDocument.Parse(JsonReportRenderer.Render(report with { Accounts = [unknown, .. report.Accounts.Skip(1)] })).RootElement;

        JsonElement account = root.GetProperty("accounts")[0];
        Assert.Equal(JsonValueKind.Null, account.GetProperty("health").GetProperty("score").ValueKind);
        Assert.Equal("insufficientEvidence", account.GetProperty("health").GetProperty("band").GetString());
        Assert.All(account.GetProperty("scores").EnumerateObject(), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));
        Assert.Equal(5, account.GetProperty("scores").EnumerateObject().Count());
        foreach (string name in new[] { "engagement", "lifetimeValue", "churnRisk", "confidence", "atRisk" })
        {
            Assert.Equal(JsonValueKind.Null, account.GetProperty(name).ValueKind);
        }

        Assert.Equal(1, root.GetProperty("healthBands").GetProperty("insufficientEvidence").GetInt32());
        Assert.Equal(2, root.GetProperty("healthBands").GetProperty("good").GetInt32());
    }
}
