using System;
using System.Linq;
using DataverseRelationship.Plugins.Schema;
using DataverseRelationship.Plugins.Tests.Support;
using DataverseRelationship.Plugins.Tests.Tiers;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Tests.Recalculation;

/// <summary>The two Custom APIs: one account now, or every account page by page.</summary>
public class RecalculationApiSpecification
{
    [Fact]
    public void Recalculating_an_account_reports_whether_anything_changed()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        world.WonDeal(account, 30000m, world.Now.AddMonths(-1));

        Assert.False((bool)world.Execute(TierJourneySpecification.RecalculateAccountRequest(account)).Results[CustomApis.ChangedParameter]);

        world.AdvanceDays(120);
        Assert.True((bool)world.Execute(TierJourneySpecification.RecalculateAccountRequest(account)).Results[CustomApis.ChangedParameter]);
        Assert.Equal(world.Now, world.Account(account).GetAttributeValue<DateTime>(AccountTable.ScoresCalculatedOn));
    }

    [Fact]
    public void Recalculating_all_accounts_goes_page_by_page_resumes_from_the_token_and_is_safe_to_rerun()
    {
        var world = new RelationshipWorld();
        for (var i = 0; i < 7; i++)
        {
            var account = world.CreateAccount("Account " + i);
            world.WonDeal(account, 10000m * (i + 1), world.Now.AddMonths(-i));
        }

        world.AdvanceDays(200);
        var first = world.Execute(Page(3, string.Empty), world.Administrator);
        Assert.Equal(3, (int)first.Results[CustomApis.ProcessedParameter]);
        Assert.True((bool)first.Results[CustomApis.MoreRecordsParameter]);
        var token = (string)first.Results[CustomApis.NextContinuationTokenParameter];
        Assert.False(string.IsNullOrEmpty(token));

        var (processed, changed) = (3, (int)first.Results[CustomApis.ChangedParameter]);
        while (token.Length > 0)
        {
            var page = world.Execute(Page(3, token), world.Administrator);
            processed += (int)page.Results[CustomApis.ProcessedParameter];
            changed += (int)page.Results[CustomApis.ChangedParameter];
            token = (string)page.Results[CustomApis.NextContinuationTokenParameter];
            Assert.Equal(token.Length > 0, (bool)page.Results[CustomApis.MoreRecordsParameter]);
        }

        Assert.Equal(7, processed);
        Assert.Equal(7, changed);
        Assert.All(world.Dataverse.ReadAll(AccountTable.LogicalName), a => Assert.Equal(world.Now, a.GetAttributeValue<DateTime>(AccountTable.ScoresCalculatedOn)));

        // Run again at the same time: every account processed, none changed, nothing written.
        world.Dataverse.ClearHistory();
        Assert.Equal((7, 0), world.RecalculateAll(pageSize: 3));
        Assert.Equal(0, world.Dataverse.Operations.Sum(o => o.CallCount("Update")));
    }

    [Theory]
    [InlineData(0, "", "PageSize")]
    [InlineData(5001, "", "PageSize")]
    [InlineData(10, "not-a-token", "ContinuationToken")]
    public void Bad_paging_input_is_rejected_naming_the_parameter(int pageSize, string token, string parameter)
    {
        var world = new RelationshipWorld();

        var rejection = Expect.Rejection(() => world.Execute(Page(pageSize, token), world.Administrator));

        Assert.StartsWith(parameter, rejection.Message, StringComparison.Ordinal);
    }

    private static OrganizationRequest Page(int pageSize, string token)
    {
        var request = new OrganizationRequest(CustomApis.RecalculateAccounts);
        request.Parameters[CustomApis.PageSizeParameter] = pageSize;
        request.Parameters[CustomApis.ContinuationTokenParameter] = token;
        return request;
    }
}
