using System;
using System.Linq;
using System.Text.Json;
using DataverseRelationship.Cli.Sample;
using DataverseRelationship.Plugins.Schema;

namespace DataverseRelationship.Cli.Tests.Commands;

/// <summary>The sample replayed once under the solution's default policy and once under the warn-only sample policy.</summary>
public sealed class SampleRuns
{
    public SampleRuns()
    {
        Default = Run();
        Warn = Run("--policy", CommandRun.SamplePolicy("warn.json"));
    }

    public JsonElement Default { get; }

    public JsonElement Warn { get; }

    private static JsonElement Run(params string[] extra)
    {
        CommandRun run = CommandRun.Of(["preview", "--json", .. extra]);
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }
}

/// <summary>What the built-in sample must show under the real rules (so the demo cannot silently lose a tier or a verdict).</summary>
public sealed class SampleOutcomeTests(SampleRuns runs) : IClassFixture<SampleRuns>
{
    private static long Number(JsonElement e, string a, string b) => e.GetProperty(a).GetProperty(b).GetInt64();

    [Fact]
    public void Every_tier_holds_accounts_under_the_default_policy()
    {
        JsonElement tiers = runs.Default.GetProperty("tierDistribution");

        Assert.True(tiers.GetProperty("transactional").GetInt32() > 0);
        Assert.True(tiers.GetProperty("preferred").GetInt32() > 0);
        Assert.True(tiers.GetProperty("strategicPartner").GetInt32() > 0);
        Assert.Equal(36, runs.Default.GetProperty("accounts").GetArrayLength());
    }

    [Fact]
    public void The_default_policy_enforces_so_unreciprocated_discounts_above_the_cap_are_blocked_not_warned()
    {
        Assert.True(Number(runs.Default, "deals", "blocked") > 0);
        Assert.Equal(0, Number(runs.Default, "deals", "warned"));
        Assert.Equal(Number(runs.Default, "deals", "blocked"), Number(runs.Default, "statistics", "eventsRejected"));
        JsonElement rejection = runs.Default.GetProperty("rejections")[0];
        Assert.Contains("cap", rejection.GetProperty("message").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.True(Number(runs.Default, "statistics", "eventsSkipped") > 0);
    }

    [Fact]
    public void The_warn_policy_warns_instead_of_blocking()
    {
        Assert.True(Number(runs.Warn, "deals", "warned") > 0);
        Assert.Equal(0, Number(runs.Warn, "deals", "blocked"));
        Assert.Equal(0, Number(runs.Warn, "statistics", "eventsRejected"));
        Assert.Equal("1.0.0-warn", runs.Warn.GetProperty("policyVersion").GetString());
    }

    [Fact]
    public void Deals_are_won_and_lost_and_every_customer_game_is_seen()
    {
        Assert.True(Number(runs.Default, "statistics", "won") > 0);
        Assert.True(Number(runs.Default, "statistics", "lost") > 0);
        Assert.True(Number(runs.Default, "deals", "withinCap") > 0);
        Assert.True(Number(runs.Default, "deals", "reciprocated") > 0);
        foreach (JsonProperty game in runs.Default.GetProperty("games").EnumerateObject())
        {
            Assert.True(game.Value.GetInt64() > 0, game.Name + " is never played");
        }

        Assert.Equal(Enum.GetValues<ProcurementTacticChoice>().Length, runs.Default.GetProperty("games").EnumerateObject().Count());
    }

    [Fact]
    public void Small_transactional_accounts_stay_transactional_and_climbers_reach_strategic_partner_through_recorded_promotions()
    {
        SampleData sample = SampleDataSet.Generate();
        var accounts = runs.Default.GetProperty("accounts").EnumerateArray()
            .ToDictionary(a => a.GetProperty("id").GetGuid(), a => a);
        Assert.All(
            sample.Profiles.Where(p => p.Value == SampleAccountProfile.SmallTransactional),
            p => Assert.Equal("transactional", accounts[p.Key].GetProperty("tier").GetString()));
        JsonElement[] climbers = sample.Profiles.Where(p => p.Value == SampleAccountProfile.Climber).Select(p => accounts[p.Key]).ToArray();
        Assert.Contains(climbers, c => c.GetProperty("tier").GetString() == "strategicPartner");
        Assert.All(climbers.Where(c => c.GetProperty("tier").GetString() == "strategicPartner"), c =>
            Assert.Contains(c.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("to").GetString() == "strategicPartner"));
    }

    [Fact]
    public void Decliners_are_demoted_and_the_timeline_records_the_demotion()
    {
        SampleData sample = SampleDataSet.Generate();
        var accounts = runs.Default.GetProperty("accounts").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetGuid(), a => a);
        JsonElement[] decliners = sample.Profiles.Where(p => p.Value == SampleAccountProfile.Decliner).Select(p => accounts[p.Key]).ToArray();

        Assert.Contains(decliners, d => d.GetProperty("timeline").EnumerateArray().Any(t => t.GetProperty("from").GetString() == "strategicPartner" && t.GetProperty("to").GetString() == "preferred"));
    }

    [Fact]
    public void Every_account_is_scored_and_explained()
    {
        Assert.All(runs.Default.GetProperty("accounts").EnumerateArray(), a =>
        {
            Assert.Equal(JsonValueKind.Number, a.GetProperty("health").GetProperty("score").ValueKind);
            Assert.Equal(JsonValueKind.Number, a.GetProperty("scores").GetProperty("fairness").ValueKind);
            Assert.Equal(JsonValueKind.Number, a.GetProperty("lifetimeValue").ValueKind);
            Assert.Equal(JsonValueKind.Number, a.GetProperty("churnRisk").ValueKind);
            Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("explanation").GetString()));
        });
    }
}
