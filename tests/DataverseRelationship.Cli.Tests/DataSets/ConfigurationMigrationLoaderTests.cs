using System;
using System.IO;
using System.Linq;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.DataSets.ConfigurationMigration;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.Tests.DataSets;

public sealed class ConfigurationMigrationLoaderTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private DataSet LoadBytes(byte[] zip, string name = "export.zip")
    {
        string path = _folder.File(name);
        File.WriteAllBytes(path, zip);
        return ConfigurationMigrationLoader.Load(path);
    }

    private DataSetException Fails(byte[] zip, string name = "export.zip")
        => Assert.Throws<DataSetException>(() => LoadBytes(zip, name));

    [Fact]
    public void An_older_export_with_us_dates_and_padded_decimals_loads_with_the_schema_types()
    {
        DataSet data = LoadBytes(CmtExport.Export(CmtExport.UsData));

        DataSetRows rows = data.Snapshot!;
        Assert.Equal(new DataSetCounts(1, 1, 2), data.Counts);
        Entity account = Assert.Single(rows.Accounts);
        Assert.Equal(Guid.Parse(CmtExport.AccountId), account.Id);
        Assert.Equal("Contoso & Sons", account[AccountTable.Name]);
        Assert.Equal(new DateTime(2019, 5, 2, 18, 15, 35, DateTimeKind.Utc), account[AccountTable.CreatedOn]);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)account[AccountTable.CreatedOn]).Kind);
        Assert.True((bool)account[AccountTable.HasJointAccountPlan]);
        Assert.Equal(new EntityReference(ContactTable.LogicalName, Guid.Parse(CmtExport.ContactId)), account[AccountTable.CustomerSponsorId]);
        Assert.Equal(new EntityReference(SecurityTables.SystemUser, Guid.Parse(CmtExport.UserId)), account[AccountTable.SellerSponsorId]);
        Assert.False(account.Contains("revenue_base"));

        Entity won = rows.Opportunities.Single(o => o.Id == Guid.Parse(CmtExport.WonId));
        Assert.Equal(50000m, ((Money)won[OpportunityTable.EstimatedValue]).Value);
        Assert.Equal(48000m, ((Money)won[OpportunityTable.ActualValue]).Value);
        Assert.Equal(12.5m, (decimal)won[OpportunityTable.DiscountPercentage]);
        Assert.Equal(22.5m, (decimal)won[OpportunityTable.SellerMargin]);
        Assert.Equal(new OptionSetValue(1), won[OpportunityTable.StateCode]);
        Assert.Equal([418700000], ((OptionSetValueCollection)won[OpportunityTable.Concessions]).Select(v => v.Value));
        Assert.Equal([418700001, 418700002], ((OptionSetValueCollection)won[OpportunityTable.Commitments]).Select(v => v.Value));
        Assert.Empty((OptionSetValueCollection)won[OpportunityTable.ProcurementTactics]);
        Assert.False((bool)won[OpportunityTable.DeliveredAsPromised]);
        Assert.Equal(12, won[OpportunityTable.PaymentDelayDays]);
        Assert.Equal([SecurityTables.SystemUser], [rows.Accounts[0].GetAttributeValue<EntityReference>(AccountTable.SellerSponsorId).LogicalName]);
        Assert.Equal([Guid.Parse(CmtExport.UserId)], data.SystemUsers);
    }

    [Fact]
    public void A_newer_export_with_iso_timestamps_reads_z_as_utc_and_date_only_without_zone()
    {
        string data = CmtExport.UsData
            .Replace("timestamp=\"6/15/2019 4:32:59 PM\"", "timestamp=\"2022-12-01T20:37:21.7774483Z\"", StringComparison.Ordinal)
            .Replace("value=\"5/2/2019 6:15:35 PM\"", "value=\"2019-05-02T18:15:35Z\"", StringComparison.Ordinal)
            .Replace("value=\"8/1/2019 12:00:00 AM\"", "value=\"2019-08-01\"", StringComparison.Ordinal);

        DataSetRows rows = LoadBytes(CmtExport.Export(data)).Snapshot!;

        var created = (DateTime)rows.Accounts[0][AccountTable.CreatedOn];
        Assert.Equal(new DateTime(2019, 5, 2, 18, 15, 35), created);
        Assert.Equal(DateTimeKind.Utc, created.Kind);
        var closed = (DateTime)rows.Opportunities[0][OpportunityTable.ActualCloseDate];
        Assert.Equal(new DateTime(2019, 8, 1), closed);
        Assert.Equal(DateTimeKind.Unspecified, closed.Kind);
    }

    [Fact]
    public void Entries_in_any_order_and_a_package_deployer_zip_nesting_the_export_with_backslashes_both_load()
    {
        byte[] reordered = CmtExport.Zip(
            ("[Content_Types].xml", CmtExport.Utf8(CmtExport.ContentTypes)),
            ("data_schema.xml", CmtExport.Utf8(CmtExport.Schema)),
            ("data.xml", CmtExport.Utf8(CmtExport.UsData)));
        byte[] package = CmtExport.Zip(
            ("PkgFolder\\ImportConfig.xml", CmtExport.Utf8("<configdatastorage />")),
            ("PkgFolder\\RelationshipData\\data.zip", reordered),
            ("Package.dll", [0x4d, 0x5a]));

        Assert.Equal(2, LoadBytes(reordered).Counts.Opportunities);
        Assert.Equal(2, LoadBytes(package, "package.zip").Counts.Opportunities);
    }

    [Fact]
    public void Tables_are_matched_on_name_not_on_the_localised_display_name()
    {
        string renamed = CmtExport.UsData.Replace("displayname=\"Company\"", "displayname=\"Företag\"", StringComparison.Ordinal);

        DataSet data = LoadBytes(CmtExport.Export(renamed));

        Assert.Single(data.Snapshot!.Accounts);
    }

    [Fact]
    public void A_bad_number_names_the_file_line_record_field_and_reason()
    {
        string data = CmtExport.UsData.Replace("value=\"50000.0000000000\"", "value=\"50,000.00\"", StringComparison.Ordinal);
        int line = CmtExport.LineOf(data, "50,000.00");

        DataSetException e = Fails(CmtExport.Export(data));

        DataSetProblem problem = Assert.Single(e.Problems);
        Assert.Equal(new DataSetProblem(
            "export.zip!data.xml",
            $"line {line}, opportunity record {CmtExport.WonId}, field 'estimatedvalue'",
            "'50,000.00' is not a number (use digits with '.' as the decimal point, no thousands separators) (money)"), problem);
        Assert.Contains($"export.zip!data.xml, line {line}, opportunity record {CmtExport.WonId}, field 'estimatedvalue': '50,000.00' is not a number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lookup_to_a_row_that_is_not_in_the_data_set_is_refused()
    {
        const string Missing = "deadbeef-0000-4000-8000-000000000000";
        string data = CmtExport.UsData.Replace(
            $"name=\"parentaccountid\" value=\"{CmtExport.AccountId}\" lookupentity=\"account\" />",
            $"name=\"parentaccountid\" value=\"{Missing}\" lookupentity=\"account\" />",
            StringComparison.Ordinal);
        int line = CmtExport.LineOf(data, $"<record id=\"{CmtExport.LostId}\">");

        DataSetException e = Fails(CmtExport.Export(data));

        Assert.Equal(
            new DataSetProblem("export.zip!data.xml", $"line {line}, opportunity record {CmtExport.LostId}", $"parentaccountid refers to account {Missing}, which is not in the data set"),
            Assert.Single(e.Problems));
    }

    [Fact]
    public void A_truncated_zip_is_refused_as_unreadable()
    {
        byte[] zip = CmtExport.Export(CmtExport.UsData);

        DataSetException e = Fails(zip[..(zip.Length / 2)]);

        DataSetProblem problem = Assert.Single(e.Problems);
        Assert.Equal("export.zip", problem.File);
        Assert.StartsWith("is not a readable zip archive (truncated or corrupt): ", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_without_data_xml_is_refused()
    {
        byte[] zip = CmtExport.Zip(("data_schema.xml", CmtExport.Utf8(CmtExport.Schema)), ("[Content_Types].xml", CmtExport.Utf8(CmtExport.ContentTypes)));

        DataSetException e = Fails(zip);

        Assert.Equal(
            new DataSetProblem("export.zip", string.Empty, "holds data_schema.xml but no data.xml; a Configuration Migration export has both"),
            Assert.Single(e.Problems));
    }

    [Fact]
    public void A_zip_with_neither_file_says_so()
    {
        DataSetException e = Fails(CmtExport.Zip(("readme.txt", CmtExport.Utf8("hello"))));

        Assert.Equal("holds no data.xml and data_schema.xml, neither at the top level nor in a nested zip", Assert.Single(e.Problems).Reason);
    }

    [Fact]
    public void A_wrong_date_names_the_value_and_the_accepted_forms()
    {
        string data = CmtExport.UsData.Replace("value=\"5/3/2019 9:00:00 AM\"", "value=\"31/12/2019 9:00\"", StringComparison.Ordinal);
        int line = CmtExport.LineOf(data, "31/12/2019");

        DataSetException e = Fails(CmtExport.Export(data));

        Assert.Equal(
            new DataSetProblem("export.zip!data.xml", $"line {line}, contact record {CmtExport.ContactId}, field 'createdon'",
                "'31/12/2019 9:00' is not a date (use ISO 8601 like 2024-03-01 or 2024-03-01T14:30:00Z, or US style like 3/1/2024 2:30:00 PM) (datetime)"),
            Assert.Single(e.Problems));
    }

    [Fact]
    public void Every_problem_is_collected_before_failing_and_nothing_is_returned()
    {
        string data = CmtExport.UsData
            .Replace("value=\"True\"", "value=\"Maybe\"", StringComparison.Ordinal)
            .Replace("value=\"12\"", "value=\"twelve\"", StringComparison.Ordinal)
            .Replace("value=\"[-1,418700000,-1]\"", "value=\"[-1,418709999,-1]\"", StringComparison.Ordinal);

        DataSetException e = Fails(CmtExport.Export(data));

        Assert.Equal(2, e.TotalProblems);
        Assert.Equal(
            ["'Maybe' is not a yes/no value (True/False, Yes/No or 1/0) (bool)", "'twelve' is not a whole number (number)"],
            e.Problems.Select(p => p.Reason));
    }

    [Fact]
    public void An_unknown_choice_value_loads_is_reported_with_its_record_and_is_no_evidence_in_the_replay()
    {
        string data = CmtExport.UsData.Replace("value=\"[-1,418700000,-1]\"", "value=\"[-1,418709999,-1]\"", StringComparison.Ordinal);

        DataSetRows rows = LoadBytes(CmtExport.Export(data)).Snapshot!;

        UnknownOptionValue unknown = Assert.Single(rows.UnknownOptionValues);
        Assert.Equal(OpportunityTable.Concessions, unknown.Column);
        Assert.Equal(418709999, unknown.Value);
        Assert.Equal("export.zip!data.xml", unknown.Place.File);
        Assert.Contains(CmtExport.WonId, unknown.Place.Location, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("not one of the solution's choices; left out of the replay", unknown.Handling);
        Entity won = rows.Opportunities.Single(o => o.Id == Guid.Parse(CmtExport.WonId));
        Assert.False(won.Contains(OpportunityTable.Concessions)); // its only value was unknown: no concession recorded, not "None"
        Assert.Equal([418700001, 418700002], ((OptionSetValueCollection)won[OpportunityTable.Commitments]).Select(v => v.Value));
    }

    [Fact]
    public void A_custom_status_reason_of_a_won_deal_loads_as_won_and_is_reported()
    {
        string data = CmtExport.UsData.Replace("<field name=\"statuscode\" value=\"3\" />", "<field name=\"statuscode\" value=\"104800000\" />", StringComparison.Ordinal);

        DataSet set = LoadBytes(CmtExport.Export(data));

        UnknownOptionValue unknown = Assert.Single(set.Snapshot!.UnknownOptionValues);
        Assert.Equal((OpportunityTable.StatusCode, 104800000), (unknown.Column, unknown.Value));
        Assert.Equal("custom status reason, replayed as Won (statecode 1)", unknown.Handling);
        DataSetEvent win = Assert.Single(set.Events(), e => e.Kind == DataSetEventKind.Win);
        Assert.Equal(Guid.Parse(CmtExport.WonId), win.Target.Id);
        Assert.Equal(DataSetEvent.WonStatusCode, win.StatusCode);
    }

    [Fact]
    public void A_field_the_schema_does_not_describe_is_refused()
    {
        string data = CmtExport.UsData.Replace("<field name=\"lastname\" value=\"Silva\" />", "<field name=\"nickname\" value=\"Ana\" />", StringComparison.Ordinal);

        DataSetException e = Fails(CmtExport.Export(data));

        Assert.Equal("the field is not described for contact in data_schema.xml", Assert.Single(e.Problems).Reason);
    }

    [Fact]
    public void Xml_that_is_not_well_formed_names_the_line()
    {
        string data = CmtExport.UsData.Replace("<field name=\"lastname\" value=\"Silva\" />", "<field name=\"lastname\" value=\"Silva\">", StringComparison.Ordinal);

        DataSetException e = Fails(CmtExport.Export(data));

        DataSetProblem problem = Assert.Single(e.Problems);
        Assert.Equal("export.zip!data.xml", problem.File);
        Assert.StartsWith("is not well-formed XML: ", problem.Reason, StringComparison.Ordinal);
        Assert.StartsWith("line ", problem.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void The_snapshot_replays_as_creates_then_sponsors_then_deals_then_closes_in_time_order()
    {
        DataSet data = LoadBytes(CmtExport.Export(CmtExport.UsData));

        DataSetEvent[] events = data.Events().ToArray();

        Assert.Equal(
            [
                "Create account", "Create contact", "Update account", "Create opportunity", "Create opportunity",
                "Update opportunity", "Win opportunity", "Lose opportunity", "Update account",
            ],
            events.Select(e => $"{e.Kind} {e.Target.LogicalName}"));
        Assert.Equal(events.OrderBy(e => e.At).Select(e => e.At), events.Select(e => e.At));

        Entity createDeal = events[3].Row!;
        Assert.False(createDeal.Contains(OpportunityTable.StateCode));
        Assert.False(createDeal.Contains(OpportunityTable.ActualValue));
        Assert.Equal(12.5m, createDeal[OpportunityTable.DiscountPercentage]);
        Assert.Equal(new DateTime(2019, 6, 1, 9, 30, 0), events[3].At);

        DataSetEvent win = events[6];
        Assert.Equal(48000m, win.ActualRevenue!.Value);
        Assert.Equal(new DateTime(2019, 8, 1), win.At);
        Entity close = win.ToOpportunityClose();
        Assert.Equal(new EntityReference(OpportunityTable.LogicalName, Guid.Parse(CmtExport.WonId)), close[OpportunityCloseTable.OpportunityId]);

        Assert.Equal(DataSetEvent.OutSoldStatusCode, events[7].StatusCode);
        Assert.True(events[5].Row!.Contains(OpportunityTable.DeliveredAsPromised));
        Assert.Equal(new DateTime(2020, 3, 1), events[8].At);
        Assert.True((bool)events[8].Row![AccountTable.HasJointAccountPlan]);
    }

    [Fact]
    public void A_package_nesting_two_data_sets_is_refused_as_ambiguous()
    {
        byte[] export = CmtExport.Export(CmtExport.UsData);
        byte[] package = CmtExport.Zip(("PkgFolder\\one.zip", export), ("PkgFolder\\two.zip", export));

        DataSetException e = Fails(package, "package.zip");

        Assert.Equal(
            "holds several data sets (package.zip!PkgFolder\\one.zip, package.zip!PkgFolder\\two.zip); export one at a time",
            Assert.Single(e.Problems).Reason);
    }

    [Fact]
    public void A_won_state_with_a_lost_status_reason_is_refused()
    {
        string data = CmtExport.UsData.Replace("<field name=\"statuscode\" value=\"3\" />", "<field name=\"statuscode\" value=\"5\" />", StringComparison.Ordinal);

        DataSetException e = Fails(CmtExport.Export(data));

        Assert.Equal("statuscode 5 does not belong to statecode 1", Assert.Single(e.Problems).Reason);
    }

    [Fact]
    public void A_record_that_appears_twice_is_refused()
    {
        string data = CmtExport.UsData.Replace(CmtExport.LostId, CmtExport.WonId, StringComparison.Ordinal);

        DataSetException e = Fails(CmtExport.Export(data));

        Assert.Contains(e.Problems, p => p.Reason == $"opportunity {CmtExport.WonId} appears more than once");
    }
}
