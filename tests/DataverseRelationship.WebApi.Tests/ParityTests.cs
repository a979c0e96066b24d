using System;
using System.Linq;
using System.Threading.Tasks;
using DataverseRelationship.Cli.Commands;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.WebApi.Tests;

/// <summary>dvrel verify --parity N: accounts recomputed locally from the environment's data equal what it stores, and a stale one is named.</summary>
public sealed class ParityTests
{
    [Fact]
    public async Task Accounts_the_rules_computed_in_the_environment_recompute_as_stored()
    {
        await using InProcessEnvironment environment = await InProcessEnvironment.WithAsync(DataverseRelationship.Cli.Sample.SyntheticDataSet.Create(12, 120));
        var run = environment.Run("verify", "--environment", InProcessEnvironment.Url, "--parity", "10");
        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        int expected = 2 + 1 + environment.Dataverse.Steps.Count + 1 + 1 + 2 + 10;
        Assert.Contains($"{expected} checks hold", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_whose_stored_scores_are_stale_is_named_with_the_columns_that_differ()
    {
        await using InProcessEnvironment environment = await InProcessEnvironment.WithAsync(DataverseRelationship.Cli.Sample.SyntheticDataSet.Create(12, 120));
        Entity account = environment.Dataverse.ReadAll(AccountTable.LogicalName)
            .Where(a => a.GetAttributeValue<OptionSetValue>(AccountTable.StateCode)?.Value == 0 && a.GetAttributeValue<DateTime?>(AccountTable.ScoresCalculatedOn) is not null)
            .OrderBy(a => a.Id)
            .First();
        DateTime calculatedOn = account.GetAttributeValue<DateTime>(AccountTable.ScoresCalculatedOn);
        for (int i = 0; i < 6; i++)
        {
            // Won deals loaded straight into the table: no plugin ran, so the stored scores do not know them.
            environment.Dataverse.Seed(new Entity(OpportunityTable.LogicalName)
            {
                [OpportunityTable.Name] = $"Bulk-loaded deal {i}",
                [OpportunityTable.ParentAccountId] = account.ToEntityReference(),
                [OpportunityTable.CreatedOn] = calculatedOn.AddDays(-90 - i),
                [OpportunityTable.EstimatedValue] = new Money(250000m),
                [OpportunityTable.ActualValue] = new Money(250000m),
                [OpportunityTable.ActualCloseDate] = calculatedOn.Date.AddDays(-20 - i),
                [OpportunityTable.SellerMargin] = 35m,
                [OpportunityTable.StateCode] = new OptionSetValue(1),
                [OpportunityTable.StatusCode] = new OptionSetValue(3),
            });
        }

        var run = environment.Run("verify", "--environment", InProcessEnvironment.Url, "--parity", "3");
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("1 of ", run.Output, StringComparison.Ordinal);
        string row = Assert.Single(run.Output.Split('\n'), l => l.Contains("parity", StringComparison.Ordinal));
        Assert.Contains(account.GetAttributeValue<string>(AccountTable.Name), row, StringComparison.Ordinal);
        Assert.Matches(@"dvr_[a-z]+ stored [^,]+, recomputed ", row);
        Assert.Contains(account.Id.ToString("D"), row, StringComparison.Ordinal);
        Assert.Contains("dvrel recalculate", run.Output, StringComparison.Ordinal);
    }
}
