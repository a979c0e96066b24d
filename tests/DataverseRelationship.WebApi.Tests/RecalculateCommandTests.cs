using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DataverseRelationship.Cli.Commands;
using DataverseRelationship.Plugins.Opportunities;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using LocalDataverseInstance = DataverseRelationship.LocalDataverse.LocalDataverse;

namespace DataverseRelationship.WebApi.Tests;

/// <summary>
/// dvrel recalculate after a bulk load that bypassed the plugins: it pages through thousands of accounts through the
/// unbound Custom API, survives 429s and a cut connection (resumed from the printed token), and leaves every account
/// as a from-scratch recompute of each account through the bound API leaves it.
/// </summary>
public sealed partial class RecalculateCommandTests
{
    private const int Accounts = 2000;
    private static readonly DateTime Now = new(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>Accounts with won and lost deals written straight into the tables (no plugin ran: nothing computed).</summary>
    private static LocalDataverseInstance BulkLoaded()
    {
        LocalDataverseInstance dataverse = LocalDataverseInstance.FromSolution(InProcessEnvironment.SolutionFolder, typeof(AssessDealOnSave).Assembly);
        dataverse.SetNow(Now);
        for (int i = 0; i < Accounts; i++)
        {
            var account = new Guid(i, 0x4dd1, 0x4000, 0x80, 0, 0, 0, 0, 0, 0, 1);
            DateTime since = Now.AddDays(-200 - (i % 700));
            dataverse.Seed(new Entity(AccountTable.LogicalName, account)
            {
                [AccountTable.Name] = $"Account {i:0000}",
                [AccountTable.CreatedOn] = since,
                [AccountTable.RelationshipSince] = since.Date,
            });
            for (int d = 0; d < 2 + (i % 3); d++)
            {
                bool won = (i + d) % 4 != 0;
                DateTime closed = Now.AddDays(-10 - (37 * d) - (i % 90)).Date;
                decimal value = 5000 + (i % 17 * 1000) + (d * 250);
                dataverse.Seed(new Entity(OpportunityTable.LogicalName, new Guid(i, (short)d, 0x4000, 0x80, 0, 0, 0, 0, 0, 0, 2))
                {
                    [OpportunityTable.Name] = $"Deal {i}-{d}",
                    [OpportunityTable.ParentAccountId] = new EntityReference(AccountTable.LogicalName, account),
                    [OpportunityTable.CreatedOn] = closed.AddDays(-30),
                    [OpportunityTable.EstimatedValue] = new Money(value),
                    [OpportunityTable.ActualValue] = won ? new Money(value) : null,
                    [OpportunityTable.ActualCloseDate] = closed,
                    [OpportunityTable.DiscountPercentage] = (decimal)(i % 7 * 2),
                    [OpportunityTable.SellerMargin] = 10m + (i % 11),
                    [OpportunityTable.StateCode] = new OptionSetValue(won ? 1 : 2),
                    [OpportunityTable.StatusCode] = new OptionSetValue(won ? 3 : 4),
                });
            }
        }

        return dataverse;
    }

    [Fact]
    public async Task Recalculation_pages_through_thousands_of_accounts_resumes_from_its_token_and_equals_a_from_scratch_recompute()
    {
        await using InProcessEnvironment environment = await InProcessEnvironment.StartAsync(new LocalWebApi(BulkLoaded()));
        environment.Api.Protection.RefuseEvery(3, TimeSpan.Zero);
        environment.Wrap = inner => new CutAfter(7) { InnerHandler = inner };
        var cut = environment.Run("recalculate", "--environment", InProcessEnvironment.Url, "--page-size", "250");
        environment.Wrap = null;
        Assert.Equal(ExitCodes.Failure, cut.ExitCode);
        Match token = ResumeToken().Match(cut.Error);
        Assert.True(token.Success, cut.Error);

        var resumed = environment.Run("recalculate", "--environment", InProcessEnvironment.Url, "--page-size", "250", "--from-token", token.Groups["token"].Value);
        environment.Api.Protection.RefuseEvery(0, TimeSpan.Zero);
        Assert.Equal(ExitCodes.Success, resumed.ExitCode);
        Assert.True(environment.Api.Protection.Refused >= 3, "no request was refused");
        Match done = Summary().Match(resumed.Output);
        Assert.True(done.Success, resumed.Output);
        int before = int.Parse(FirstRunProcessed().Match(cut.Error).Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        int after = int.Parse(done.Groups["processed"].Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Accounts, before + after);
        Assert.Equal(done.Groups["processed"].Value, done.Groups["changed"].Value);

        LocalDataverseInstance scratch = BulkLoaded();
        foreach (Entity account in scratch.ReadAll(AccountTable.LogicalName))
        {
            var request = new OrganizationRequest(CustomApis.RecalculateAccount);
            request.Parameters["Target"] = account.ToEntityReference();
            scratch.Execute(request);
        }

        Dictionary<Guid, Entity> expected = scratch.ReadAll(AccountTable.LogicalName).ToDictionary(a => a.Id);
        // The scheduled recalculation also keeps the score history (the bound API, on demand, does not): its bookkeeping
        // columns are not results to compare.
        string[] history = [AccountTable.LastSnapshotOn, AccountTable.TrendBaselineHealth, AccountTable.TrendBaselineOn];
        string[] computed = AccountTable.Computed.Split(',').Except(history).ToArray();
        int withTier = 0;
        foreach (Entity account in environment.Dataverse.ReadAll(AccountTable.LogicalName))
        {
            Entity twin = expected[account.Id];
            foreach (string column in computed)
            {
                Assert.True(Text(account, column) == Text(twin, column), $"{account.GetAttributeValue<string>(AccountTable.Name)}.{column}: {Text(account, column)} after dvrel recalculate, {Text(twin, column)} from scratch");
            }

            withTier += account.GetAttributeValue<OptionSetValue>(AccountTable.Tier) is null ? 0 : 1;
        }

        Assert.Equal(Accounts, withTier);
        Assert.Equal(scratch.Count(TierChangeTable.LogicalName), environment.Dataverse.Count(TierChangeTable.LogicalName));
    }

    [Fact]
    public async Task One_account_is_recalculated_through_the_bound_api_and_a_second_run_changes_nothing()
    {
        LocalDataverseInstance dataverse = BulkLoaded();
        await using InProcessEnvironment environment = await InProcessEnvironment.StartAsync(new LocalWebApi(dataverse));
        Entity account = dataverse.ReadAll(AccountTable.LogicalName)[0];
        var first = environment.Run("recalculate", "--environment", InProcessEnvironment.Url, "--account", account.Id.ToString());
        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Contains("its stored values changed", first.Output, StringComparison.Ordinal);
        Assert.NotNull(dataverse.Read(AccountTable.LogicalName, account.Id).GetAttributeValue<OptionSetValue>(AccountTable.Tier));
        Assert.Equal(1, dataverse.ReadAll(AccountTable.LogicalName).Count(a => a.GetAttributeValue<OptionSetValue>(AccountTable.Tier) is not null));
        var second = environment.Run("recalculate", "--environment", InProcessEnvironment.Url, "--account", account.Id.ToString());
        Assert.Contains("nothing changed", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_the_api_never_returned_is_refused_with_the_apis_reason()
    {
        await using InProcessEnvironment environment = await InProcessEnvironment.EmptyAsync();
        var run = environment.Run("recalculate", "--environment", InProcessEnvironment.Url, "--from-token", "not-a-token");
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("is not a token this API returned", run.Error, StringComparison.Ordinal);
    }

    private static string Text(Entity row, string column) => row.Attributes.TryGetValue(column, out object? value)
        ? value switch
        {
            null => "(empty)",
            Money m => m.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            OptionSetValue o => o.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            EntityReference r => r.Id.ToString(),
            DateTime at => at.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        }
        : "(empty)";

    [GeneratedRegex(@"Resume with --from-token (?<token>[0-9a-f-]{36})")]
    private static partial Regex ResumeToken();

    [GeneratedRegex(@"failed after (?<n>[\d,]+) accounts")]
    private static partial Regex FirstRunProcessed();

    [GeneratedRegex(@"Recalculated (?<processed>[\d,]+) accounts \((?<changed>[\d,]+) changed\) in \d+ pages")]
    private static partial Regex Summary();
}
