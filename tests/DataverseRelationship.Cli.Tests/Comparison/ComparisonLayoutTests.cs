using System;
using System.Linq;
using DataverseRelationship.Cli.Comparison;
using DataverseRelationship.Cli.Reporting;
using DataverseRelationship.Cli.Tests.Reporting;
using DataverseRelationship.Plugins.Schema;

namespace DataverseRelationship.Cli.Tests.Comparison;

public sealed class ComparisonLayoutTests
{
    private static PolicyComparison Stricter()
    {
        RunReport a = ReportFixture.Build();
        RunReport b = a with
        {
            PolicyVersion = "1.0.0-strict",
            Accounts =
            [
                a.Accounts[0] with { Tier = RelationshipTierChoice.Preferred, HealthScore = 70.5m, HealthBand = HealthBandChoice.Fair },
                a.Accounts[1] with { HealthBand = HealthBandChoice.Fair },
                .. a.Accounts.Skip(2),
            ],
        };
        return PolicyComparison.Compare("default", a, "strict.json", b);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void The_comparison_fits_the_terminal_and_keeps_tiers_bands_and_health_on_the_account_line(int width)
    {
        PolicyComparison comparison = Stricter();
        string text = ConsoleWidth.Render(width, console => ComparisonRenderer.Render(comparison, console));

        Assert.True(ConsoleWidth.Overlong(text, width).Length == 0, text);
        string row = ConsoleWidth.LineWith(text, "│ Northwind");
        Assert.Contains("Strategic partner → Preferred", row, StringComparison.Ordinal);
        Assert.Contains("Good → Fair", row, StringComparison.Ordinal);
        Assert.Contains("82.0 → 70.5", row, StringComparison.Ordinal);
        Assert.Contains(comparison.Differences[0].Reason.Split(' ')[0], text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tier_that_both_policies_agree_on_is_shown_once_and_the_legend_says_so()
    {
        string text = ConsoleWidth.Render(80, console => ComparisonRenderer.Render(Stricter(), console));

        string row = ConsoleWidth.LineWith(text, "│ Contoso");
        Assert.Contains("│ Strategic partner ", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Strategic partner → Strategic partner", text, StringComparison.Ordinal);
        Assert.Contains("Good → Fair", row, StringComparison.Ordinal);
        Assert.Contains("A tier or band without an arrow is the same under both policies.", text, StringComparison.Ordinal);
    }
}
