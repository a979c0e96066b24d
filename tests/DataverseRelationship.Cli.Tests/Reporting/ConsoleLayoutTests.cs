using System;
using System.Linq;
using DataverseRelationship.Cli.Reporting;
using DataverseRelationship.Plugins.Schema;

namespace DataverseRelationship.Cli.Tests.Reporting;

/// <summary>The console report laid out for 80- and 120-column terminals: what fits, what is cut, what is explained.</summary>
public sealed class ConsoleLayoutTests
{
    private const string LongName = "Munson's Pickles and Preserves Farm Cooperative of the Northern Counties";

    private static string Render(int width, ConsoleReportOptions? options = null, RunReport? report = null)
        => ConsoleWidth.Render(width, console => ConsoleReportRenderer.Render(report ?? ReportFixture.Build(), console, options));

    private static RunReport WithLongName()
    {
        RunReport report = ReportFixture.Build();
        return report with { Accounts = [.. report.Accounts, report.Accounts[0] with { AccountId = Guid.NewGuid(), Name = LongName, Timeline = [] }] };
    }

    [Theory]
    [InlineData(80, false)]
    [InlineData(80, true)]
    [InlineData(120, false)]
    [InlineData(120, true)]
    public void No_line_of_the_preview_is_wider_than_the_terminal(int width, bool wide)
    {
        string text = Render(width, new ConsoleReportOptions { Wide = wide }, WithLongName());

        Assert.Empty(ConsoleWidth.Overlong(text, width));
    }

    [Fact]
    public void At_80_columns_the_accounts_table_shows_name_tier_health_band_trend_and_churn_on_one_line_per_account()
    {
        string text = Render(80);

        // The accounts table's header (the health band table has a "Band" column too).
        string header = Assert.Single(ConsoleWidth.Lines(text), l => l.StartsWith("│ Account ", StringComparison.Ordinal) && l.Contains("│ Band ", StringComparison.Ordinal));
        Assert.Equal(["Account", "Tier", "Health", "Band", "Trend", "Churn"], header.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        string row = ConsoleWidth.LineWith(text, "│ Northwind Traders");
        Assert.Equal(["Northwind Traders", "Strategic partner", "82.0", "Good", "Steady", "12.0"], row.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Wide_shows_every_number_whole_next_to_its_account(int width)
    {
        string text = Render(width, new ConsoleReportOptions { Wide = true });

        // Northwind Traders: health 82, scores 77/85/82/90/70, engagement 62, CLV 820,000, confidence 90 (ReportFixture).
        string[] rows = ConsoleWidth.Lines(text).Where(l => l.StartsWith("│ Northwind Traders ", StringComparison.Ordinal)).ToArray();
        string[] cells = rows.SelectMany(r => r.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Skip(1)).ToArray();
        string[] expected = ["Strategic partner", "82.0", "Good", "Steady", "12.0", "Strategic partner", "77.0", "85.0", "82.0", "90.0", "70.0", "62.0", "820,000", "90.0"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), cells.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_long_account_name_is_cut_with_an_ellipsis_and_never_wrapped()
    {
        string text = Render(80, report: WithLongName());

        string row = ConsoleWidth.LineWith(text, "│ Munson's Pickles");
        Assert.Contains("… │ Strategic partner │", row, StringComparison.Ordinal);
        Assert.DoesNotContain(ConsoleWidth.Lines(text), l => l.StartsWith("│ ", StringComparison.Ordinal) && l.Contains("Counties", StringComparison.Ordinal));
    }

    [Fact]
    public void An_account_with_insufficient_evidence_keeps_every_account_on_one_line_at_80_columns()
    {
        RunReport report = ReportFixture.Build();
        report = report with
        {
            Accounts = [.. report.Accounts, report.Accounts[0] with
            {
                AccountId = Guid.NewGuid(), Name = "Bellows College", HealthScore = null, HealthBand = HealthBandChoice.InsufficientEvidence,
                HealthTrend = HealthTrendChoice.Improving, Timeline = [],
            }],
        };

        string text = Render(80, report: report);

        string row = ConsoleWidth.LineWith(text, "│ Bellows Col");
        Assert.Equal(["Bellows Col…", "Strategic partner", "—", "Insufficient", "Improving", "12.0"], row.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain(ConsoleWidth.Lines(text), l => l.StartsWith("│          │", StringComparison.Ordinal));
        Assert.Contains("Insufficient = insufficient evidence", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_header_abbreviation_is_explained_in_the_legend_under_the_table()
    {
        string narrow = Render(80);
        string wide = Render(80, new ConsoleReportOptions { Wide = true });

        foreach (string entry in new[] { "Health = health score 0–100", "Churn = churn risk 0–100", "— = unknown" })
        {
            Assert.Contains(entry, narrow, StringComparison.Ordinal);
        }

        Assert.Contains("--wide adds the eligible tier, the five scores, engagement, CLV and confidence", narrow, StringComparison.Ordinal);
        foreach (string entry in new[] { "Rec = reciprocity", "Aut = autonomy", "Int = integrity", "Loy = loyalty", "Fair = fairness", "Eng = engagement", "CLV = customer lifetime value", "Conf = confidence", "Eligible = the tier" })
        {
            Assert.Contains(entry, wide, StringComparison.Ordinal);
            Assert.DoesNotContain(entry, narrow, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_account_without_scores_shows_a_dash_for_each_unknown_value()
    {
        RunReport report = ReportFixture.Build();
        report = report with { Accounts = [report.Accounts[0] with { HealthScore = null, HealthBand = null, HealthTrend = null, ChurnRisk = null, Scores = RelationshipScores.Unknown, Engagement = null, LifetimeValue = null, Confidence = null, EligibleTier = null, AtRisk = null }] };

        string text = Render(120, new ConsoleReportOptions { Wide = true }, report);

        string[] rows = ConsoleWidth.Lines(text).Where(l => l.StartsWith("│ Northwind Traders ", StringComparison.Ordinal)).ToArray();
        string[] cells = rows.SelectMany(r => r.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Skip(1)).ToArray();
        // Health, band, trend, churn, eligible tier, the five principles, engagement, CLV and confidence: 13 unknowns.
        Assert.Equal(["Strategic partner", .. Enumerable.Repeat("—", 13)], cells);
        Assert.Contains("No account is at risk.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Shortened_lists_say_how_many_were_left_out_and_that_all_lists_them()
    {
        RunReport report = ReportFixture.Build();
        report = report with { Rejections = [.. "ABC".Select(c => report.Rejections[0] with { Event = $"Create opportunity 'Deal {c}'", Message = $"Refused for reason {c}." })] };

        string text = Render(80, new ConsoleReportOptions { MaxAccounts = 2, MaxTimelines = 1, MaxRejections = 1, MaxAtRisk = 1 }, report);

        Assert.Contains("… and 4 more accounts (use --all to list them)", text, StringComparison.Ordinal);
        Assert.Contains("Tier changes: 3 of 6, for the account that changed most", text, StringComparison.Ordinal);
        Assert.Contains("… and 2 more accounts with 3 tier changes (use --all to list them)", text, StringComparison.Ordinal);
        Assert.Contains("Accounts at risk (2)", text, StringComparison.Ordinal);
        Assert.Contains("… and 1 more account at risk (use --all to list them)", text, StringComparison.Ordinal);
        Assert.Contains("Rejected events (35) for 3 reasons", text, StringComparison.Ordinal);
        Assert.Contains("… and 2 more reasons (use --all to list them)", text, StringComparison.Ordinal);
        Assert.Contains("The reasons are those of the first 3 rejected events; 32 later ones are counted only.", text.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    [Fact]
    public void All_lists_every_account_tier_change_and_kept_rejection()
    {
        RunReport report = ReportFixture.Build();
        report = report with { Rejections = [.. Enumerable.Range(0, 3).Select(i => report.Rejections[0] with { Event = $"Create opportunity 'Deal {(char)('A' + i)}'" })] };

        string text = Render(80, new ConsoleReportOptions { MaxAccounts = 2, MaxTimelines = 1, MaxRejections = 1, MaxAtRisk = 1, All = true }, report);

        Assert.DoesNotContain("(use --all to list them)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("… and", text, StringComparison.Ordinal);
        Assert.All(report.Accounts, a => Assert.Contains("│ " + a.Name[..12], text, StringComparison.Ordinal));
        Assert.Contains("Tier changes (6 in all)", text, StringComparison.Ordinal);
        string flowing = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        Assert.All(report.Rejections, r => Assert.Contains(r.Event, flowing, StringComparison.Ordinal));
        Assert.Contains("3 × Discount …% is above the Preferred cap of …% & unreciprocated.", flowing, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejections_are_grouped_by_their_reason_with_figures_left_out()
    {
        Assert.Equal("Discount …% exceeds the …% Transactional cap; a multi-year term is required.", RejectionTally.Reason("Discount 24.68% exceeds the 5% Transactional cap; a multi-year term is required."));
        Assert.Equal("Won value … below the … required (policy 2.2.0-default)", RejectionTally.Reason("Won value 27,142.43 below the 50,000 required (policy 2.2.0-default)"));
        var tally = new RejectionTally();
        foreach (string message in new[] { "Discount 12% exceeds the 5% cap.", "Discount 30% exceeds the 5% cap.", "The account was deleted.", "Discount 7% exceeds the 5% cap." })
        {
            tally.Add(new RejectedEvent(DateTime.UnixEpoch, "Create opportunity", message));
        }

        RejectionGroup[] groups = [.. tally.Groups()];
        Assert.Equal(2, groups.Length);
        Assert.Equal(("Discount …% exceeds the …% cap.", 3L, 3), (groups[0].Reason, groups[0].Count, groups[0].Examples.Count));
        Assert.Equal("Discount 12% exceeds the 5% cap.", groups[0].Examples[0].Message);
        Assert.Equal(1, groups[1].Count);
    }

    [Fact]
    public void At_80_columns_the_reasons_of_accounts_at_risk_are_not_squeezed_into_a_column()
    {
        string narrow = Render(80);
        string wide = Render(120);

        Assert.DoesNotContain("│ Why", narrow, StringComparison.Ordinal);
        Assert.Contains("Why: see their explanations above.", narrow, StringComparison.Ordinal);
        Assert.Contains("│ Why", wide, StringComparison.Ordinal);
    }
}
