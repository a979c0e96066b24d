using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using DataverseRelationship.Cli.Sample;
using DataverseRelationship.Engine.Policies;
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

    private static readonly string[] TierOrder = ["transactional", "preferred", "strategicPartner"];

    private static bool IsAutomaticDemotion(JsonElement change) =>
        change.GetProperty("kind").GetString() == "automatic"
        && Array.IndexOf(TierOrder, change.GetProperty("to").GetString()) < Array.IndexOf(TierOrder, change.GetProperty("from").GetString());

    /// <summary>Health at <paramref name="at"/> minus the latest snapshot at least <paramref name="windowDays"/> older; null without one.</summary>
    private static decimal? ChangeOverWindow((DateTime On, decimal Health)[] history, (DateTime On, decimal Health) at, int windowDays)
    {
        (DateTime On, decimal Health)[] older = history.Where(h => h.On <= at.On.AddDays(-windowDays)).ToArray();
        return older.Length == 0 ? null : at.Health - older[^1].Health;
    }

    [Fact]
    public void The_sample_names_no_currency_so_its_report_invents_none()
    {
        Assert.Equal(JsonValueKind.Null, runs.Default.GetProperty("currency").ValueKind);
        Assert.Equal(0, runs.Default.GetProperty("currencies").GetArrayLength());
    }

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
        Assert.Equal("2.0.0-warn", runs.Warn.GetProperty("policyVersion").GetString());
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

        Assert.Equal(
            Enum.GetValues<ProcurementTacticChoice>().Count(g => g != ProcurementTacticChoice.None),
            runs.Default.GetProperty("games").EnumerateObject().Count());
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
    public void Every_account_is_explained_and_scored_only_from_recorded_evidence()
    {
        SampleData sample = SampleDataSet.Generate();
        Assert.All(runs.Default.GetProperty("accounts").EnumerateArray(), a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("explanation").GetString()));
            JsonElement health = a.GetProperty("health");
            if (health.GetProperty("score").ValueKind == JsonValueKind.Null)
            {
                // Health unknown: the band says so, and the explanation says why instead of showing a number.
                Assert.Equal("insufficientEvidence", health.GetProperty("band").GetString());
                Assert.StartsWith("Health unknown (insufficient evidence)", a.GetProperty("explanation").GetString()!, StringComparison.Ordinal);
                Assert.Equal(SampleAccountProfile.SmallTransactional, sample.Profiles[a.GetProperty("id").GetGuid()]);
            }
            else
            {
                Assert.InRange(health.GetProperty("score").GetDecimal(), 0m, 100m);
            }
        });
    }

    [Fact]
    public void Every_health_band_appears_and_small_accounts_with_unrecorded_deals_have_insufficient_evidence()
    {
        JsonElement bands = runs.Default.GetProperty("healthBands");

        foreach (string band in new[] { "good", "fair", "poor", "insufficientEvidence" })
        {
            Assert.True(bands.GetProperty(band).GetInt32() > 0, band + " never appears");
        }
    }

    [Fact]
    public void Conduct_not_volume_separates_the_profiles_by_health()
    {
        SampleData sample = SampleDataSet.Generate();
        var health = runs.Default.GetProperty("accounts").EnumerateArray()
            .Where(a => a.GetProperty("health").GetProperty("score").ValueKind == JsonValueKind.Number)
            .GroupBy(a => sample.Profiles[a.GetProperty("id").GetGuid()])
            .ToDictionary(g => g.Key, g => g.Average(a => a.GetProperty("health").GetProperty("score").GetDecimal()));
        decimal healthiest = health.Values.Max();

        // Customer games cost at least 20 points against the best-conducted profile. A year and a half of decline
        // (squeezed margins, late payments, an over-promising seller, then games on most deals) costs at least 15:
        // the decliners then take their business away, so their last scores rest on fewer bad deals than two full
        // years of it would leave (17 points below the best on the sample, against 23 before they left).
        Assert.True(healthiest - health[SampleAccountProfile.GamePlayer] >= 20m, $"best {healthiest:0.0}, game players {health[SampleAccountProfile.GamePlayer]:0.0}");
        Assert.True(healthiest - health[SampleAccountProfile.Decliner] >= 15m, $"best {healthiest:0.0}, decliners {health[SampleAccountProfile.Decliner]:0.0}");
    }

    [Fact]
    public void Declining_accounts_show_a_falling_trend_in_the_trend_window_before_each_demotion()
    {
        SampleData sample = SampleDataSet.Generate();
        HealthPolicy policy = RelationshipPolicy.Default.Health;
        var demotions = 0;
        foreach (JsonElement account in runs.Default.GetProperty("accounts").EnumerateArray()
            .Where(a => sample.Profiles[a.GetProperty("id").GetGuid()] == SampleAccountProfile.Decliner))
        {
            (DateTime On, decimal Health)[] history = account.GetProperty("history").EnumerateArray()
                .Where(h => h.GetProperty("health").ValueKind == JsonValueKind.Number)
                .Select(h => (h.GetProperty("takenOn").GetDateTime(), h.GetProperty("health").GetDecimal())).ToArray();
            foreach (JsonElement demotion in account.GetProperty("timeline").EnumerateArray().Where(IsAutomaticDemotion))
            {
                demotions++;
                DateTime when = demotion.GetProperty("when").GetDateTime();

                // The tier-change record says what health and trend the demotion came with; never a rising one.
                Assert.Matches(@"\. Health [0-9.]+ \((Good|Fair|Poor), (Declining|Steady) [-+0-9.]+ in [0-9]+ days\)$", demotion.GetProperty("reason").GetString()!);

                // The trend as the scheduled recalculation computes it: health against the latest snapshot taken at
                // least one trend window earlier. It read Declining at some snapshot in the window before the demotion.
                decimal? steepest = history.Where(h => h.On > when.AddDays(-policy.TrendWindowDays) && h.On <= when)
                    .Select(h => ChangeOverWindow(history, h, policy.TrendWindowDays)).Where(c => c.HasValue).Min();
                Assert.True(
                    steepest <= -policy.SteadyMargin,
                    $"{account.GetProperty("name").GetString()} demoted on {when:yyyy-MM-dd} ({demotion.GetProperty("reason").GetString()}) with its steepest change over {policy.TrendWindowDays} days in the window before {steepest?.ToString("0.0", CultureInfo.InvariantCulture) ?? "unknown"}");
            }
        }

        Assert.True(demotions >= 6, "declining accounts demoted " + demotions + " times");
    }

    [Fact]
    public void No_tier_change_is_undone_within_the_dwell_time_and_no_two_automatic_changes_come_closer()
    {
        int dwell = RelationshipPolicy.Default.Tiers.MinimumDwellDays;
        var changes = 0;
        foreach (JsonElement account in runs.Default.GetProperty("accounts").EnumerateArray())
        {
            JsonElement[] automatic = account.GetProperty("timeline").EnumerateArray()
                .Where(t => t.GetProperty("kind").GetString() == "automatic").ToArray();
            changes += automatic.Length;
            foreach ((JsonElement first, JsonElement next) in automatic.Zip(automatic.Skip(1)))
            {
                double days = (next.GetProperty("when").GetDateTime() - first.GetProperty("when").GetDateTime()).TotalDays;
                Assert.True(days >= dwell, $"{account.GetProperty("name").GetString()}: {first.GetProperty("to").GetString()} then {next.GetProperty("to").GetString()} {days:0.0} days later");
            }
        }

        Assert.True(changes > 20, changes + " automatic tier changes");
    }

    [Fact]
    public void Game_players_and_decliners_are_never_preferred_and_declining_accounts_are_at_risk()
    {
        SampleData sample = SampleDataSet.Generate();
        JsonElement[] accounts = runs.Default.GetProperty("accounts").EnumerateArray().ToArray();

        Assert.All(
            accounts.Where(a => sample.Profiles[a.GetProperty("id").GetGuid()] == SampleAccountProfile.GamePlayer),
            a => Assert.Equal("transactional", a.GetProperty("tier").GetString()));
        Assert.Contains(
            accounts.Where(a => sample.Profiles[a.GetProperty("id").GetGuid()] == SampleAccountProfile.Decliner),
            a => a.GetProperty("atRisk").ValueKind == JsonValueKind.True);
    }
}
