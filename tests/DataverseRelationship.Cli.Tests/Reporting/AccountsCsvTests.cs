using System;
using System.Linq;
using DataverseRelationship.Cli.Reporting;

namespace DataverseRelationship.Cli.Tests.Reporting;

public sealed class AccountsCsvTests
{
    [Fact]
    public void The_csv_holds_a_header_and_one_record_per_account_with_every_score_and_the_explanation()
    {
        RunReport report = ReportFixture.Build();

        string[][] rows = Parse(AccountsCsv.Write(report.Accounts));

        Assert.Equal(report.Accounts.Count + 1, rows.Length);
        Assert.Equal(["Account", "Id", "Tier", "Eligible tier", "Health", "Band", "Trend", "Reciprocity", "Autonomy", "Integrity", "Loyalty", "Fairness", "Engagement", "Lifetime value", "Churn risk", "At risk", "Confidence", "Key contacts", "Explanation"], rows[0]);
        string[] hostile = rows.Single(r => r[0] == ReportFixture.HostileName);
        Assert.Equal(["Preferred", "35", "Poor", "Declining", "30", "38"], new[] { hostile[2], hostile[4], hostile[5], hostile[6], hostile[7], hostile[8] });
        Assert.Equal("Yes", hostile[15]);
        // An explanation starts with its points ("+8: …"), which a spreadsheet would take for a formula: it is escaped with ' as OWASP advises.
        Assert.StartsWith("'+8: multi-year commitment", hostile[18], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_score_is_an_empty_field_never_0()
    {
        AccountResult unknown = ReportFixture.Build().Accounts[0] with { HealthScore = null, ChurnRisk = null, AtRisk = null, Scores = RelationshipScores.Unknown };

        string[] row = Parse(AccountsCsv.Write([unknown]))[1];

        Assert.Equal(string.Empty, row[4]);
        Assert.All(row[7..12], field => Assert.Equal(string.Empty, field));
        Assert.Equal(string.Empty, row[14]);
        Assert.Equal(string.Empty, row[15]);
    }

    [Fact]
    public void A_name_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text()
    {
        AccountResult formula = ReportFixture.Build().Accounts[0] with { Name = "=HYPERLINK(\"http://x\",\"a, b\")" };

        string text = AccountsCsv.Write([formula]);
        string name = Parse(text)[1][0];

        Assert.False(name.StartsWith('='), "the name still starts like a formula: " + name);
        Assert.Contains("HYPERLINK", name, StringComparison.Ordinal);
    }

    /// <summary>A strict RFC 4180 reader (quotes doubled inside quoted fields), to check what the writer wrote.</summary>
    private static string[][] Parse(string csv)
    {
        var rows = new System.Collections.Generic.List<string[]>();
        var row = new System.Collections.Generic.List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); }
            else { field.Append(c); }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return [.. rows];
    }
}
