using System;
using System.IO;
using System.Linq;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.DataSets.Csv;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.Tests.DataSets;

public sealed class CsvDataSetLoaderTests : IDisposable
{
    private const string Accounts =
        "(Do Not Modify) Account,Account Name,Created On,Relationship Since,Has Joint Account Plan,Joint Plan Reviewed On,Customer Sponsor\r\n" +
        "7d3e1c52-8a1b-4c6e-9f1d-2b4a6c8e0a11,\"Contoso, Ltd.\",2023-01-05T09:00:00Z,2020-06-01,Yes,2024-02-01,Ana Silva\r\n" +
        "2b9c6a10-1111-4222-8333-444455556666,\"The \"\"Quoted\"\" Company\",1/9/2023 10:00:00 AM,,No,,\r\n";

    private const string Contacts =
        "Full Name,Company Name,Role,Status,Created On\n" +
        "Ana Silva,\"Contoso, Ltd.\",Decision Maker,Active,2023-01-06\n" +
        "Emre Yılmaz,\"Contoso, Ltd.\",3,Inactive,2023-02-01\n";

    private const string Opportunities =
        "Topic,Account,Est. Revenue,Discount (%),Status,Status Reason,Created On,Actual Close Date,Actual Revenue,Seller Margin (%),Concessions,Commitments,Procurement Tactics,Delivered As Promised,Payment Delay (Days),Unrelated Column\n" +
        "\"Fleet analytics\nphase 2\",\"Contoso, Ltd.\",50000.50,12,Won,Won,2023-03-01T08:00:00Z,2023-04-15,48000,22.5,Discount; Free Services,Multi-Year Term;Prepayment,,Yes,0,ignored\n" +
        "Support renewal,2b9c6a10-1111-4222-8333-444455556666,9000,3,Lost,Out-Sold,2023-05-01T08:00:00Z,2023-06-01,,10,Discount,,reverse auction;418700003,,,x\n" +
        "Open deal,\"Contoso, Ltd.\",1e4,0,Open,In Progress,2023-07-01T08:00:00Z,,,30,,,,,,y\n";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private DataSet LoadFolder(string? accounts = Accounts, string? contacts = Contacts, string? opportunities = Opportunities)
    {
        if (accounts is not null)
        {
            File.WriteAllText(_folder.File("account.csv"), accounts);
        }

        if (contacts is not null)
        {
            File.WriteAllText(_folder.File("contact.csv"), contacts);
        }

        if (opportunities is not null)
        {
            File.WriteAllText(_folder.File("opportunity.csv"), opportunities);
        }

        return CsvDataSetLoader.LoadDirectory(_folder.Path);
    }

    private DataSetProblem FailsWith(string? accounts = Accounts, string? contacts = Contacts, string? opportunities = Opportunities)
        => Assert.Single(Assert.Throws<DataSetException>(() => LoadFolder(accounts, contacts, opportunities)).Problems);

    [Fact]
    public void Dynamics_display_name_headers_map_to_logical_columns_with_typed_values()
    {
        DataSetRows rows = LoadFolder().Snapshot!;

        Entity contoso = rows.Accounts[0];
        Assert.Equal(Guid.Parse("7d3e1c52-8a1b-4c6e-9f1d-2b4a6c8e0a11"), contoso.Id);
        Assert.Equal("Contoso, Ltd.", contoso[AccountTable.Name]);
        Assert.Equal("The \"Quoted\" Company", rows.Accounts[1][AccountTable.Name]);
        Assert.Equal(new DateTime(2023, 1, 5, 9, 0, 0, DateTimeKind.Utc), contoso[AccountTable.CreatedOn]);
        Assert.True((bool)contoso[AccountTable.HasJointAccountPlan]);
        Assert.Equal(rows.Contacts[0].ToEntityReference(), contoso[AccountTable.CustomerSponsorId]);

        Entity ana = rows.Contacts[0];
        Assert.Equal("Ana", ana[ContactTable.FirstName]);
        Assert.Equal("Silva", ana[ContactTable.LastName]);
        Assert.Equal(contoso.ToEntityReference(), ana[ContactTable.ParentCustomerId]);
        Assert.Equal(new OptionSetValue((int)ContactRole.DecisionMaker), ana[ContactTable.AccountRoleCode]);
        Assert.Equal(new OptionSetValue((int)ContactRole.Influencer), rows.Contacts[1][ContactTable.AccountRoleCode]);
        Assert.Equal(new OptionSetValue(1), rows.Contacts[1][ContactTable.StateCode]);

        Entity won = rows.Opportunities[0];
        Assert.Equal("Fleet analytics\nphase 2", won[OpportunityTable.Name]);
        Assert.Equal(50000.50m, ((Money)won[OpportunityTable.EstimatedValue]).Value);
        Assert.Equal(12m, won[OpportunityTable.DiscountPercentage]);
        Assert.Equal(new OptionSetValue(1), won[OpportunityTable.StateCode]);
        Assert.Equal(
            [(int)ConcessionChoice.Discount, (int)ConcessionChoice.FreeServices],
            ((OptionSetValueCollection)won[OpportunityTable.Concessions]).Select(v => v.Value).ToArray());
        Assert.Equal(
            [(int)CommitmentChoice.MultiYearTerm, (int)CommitmentChoice.Prepayment],
            ((OptionSetValueCollection)won[OpportunityTable.Commitments]).Select(v => v.Value).ToArray());
        Assert.False(won.Contains(OpportunityTable.ProcurementTactics));

        Entity lost = rows.Opportunities[1];
        Assert.Equal(rows.Accounts[1].ToEntityReference(), lost[OpportunityTable.ParentAccountId]);
        Assert.Equal(new OptionSetValue(5), lost[OpportunityTable.StatusCode]);
        Assert.Equal(
            [(int)ProcurementTacticChoice.ReverseAuction, (int)ProcurementTacticChoice.DiscountDemandedAfterAward],
            ((OptionSetValueCollection)lost[OpportunityTable.ProcurementTactics]).Select(v => v.Value).ToArray());
        Assert.Equal(10000m, ((Money)rows.Opportunities[2][OpportunityTable.EstimatedValue]).Value);
    }

    [Fact]
    public void Rows_without_an_id_get_the_same_derived_id_on_every_load()
    {
        Guid first = LoadFolder().Snapshot!.Contacts[0].Id;
        Guid second = LoadFolder().Snapshot!.Contacts[0].Id;

        Assert.NotEqual(Guid.Empty, first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Logical_names_work_as_headers_too()
    {
        DataSet data = LoadFolder(
            accounts: "accountid,name\r\n7d3e1c52-8a1b-4c6e-9f1d-2b4a6c8e0a11,Contoso\r\n",
            contacts: null,
            opportunities: "name,parentaccountid,estimatedvalue,dvr_sellermargin\r\nDeal,7d3e1c52-8a1b-4c6e-9f1d-2b4a6c8e0a11,100,25\r\n");

        Assert.Equal(25m, data.Snapshot!.Opportunities[0][OpportunityTable.SellerMargin]);
    }

    [Fact]
    public void A_bad_number_names_the_file_line_column_and_reason()
    {
        string broken = Opportunities.Replace("9000,3,Lost", "9000,3%,Lost", StringComparison.Ordinal);

        Assert.Equal(
            new DataSetProblem("opportunity.csv", "line 4, column 'Discount (%)'", "'3%' is not a number (use digits with '.' as the decimal point, no thousands separators)"),
            FailsWith(opportunities: broken));
    }

    [Fact]
    public void An_unknown_account_name_in_a_lookup_is_refused()
    {
        string broken = Opportunities.Replace("\"Contoso, Ltd.\",1e4", "Fabrikam,1e4", StringComparison.Ordinal);

        Assert.Equal(
            new DataSetProblem("opportunity.csv", "line 5, column 'Account'", "'Fabrikam' matches no account in the data set"),
            FailsWith(opportunities: broken));
    }

    [Fact]
    public void An_unknown_lookup_guid_is_refused()
    {
        string broken = Opportunities.Replace("2b9c6a10-1111-4222-8333-444455556666", "2b9c6a10-1111-4222-8333-000000000000", StringComparison.Ordinal);

        Assert.Equal(
            new DataSetProblem("opportunity.csv", "line 4", "parentaccountid refers to account 2b9c6a10-1111-4222-8333-000000000000, which is not in the data set"),
            FailsWith(opportunities: broken));
    }

    [Fact]
    public void An_ambiguous_name_asks_for_the_guid()
    {
        string twoContosos = Accounts + "aaaaaaaa-1111-4222-8333-444455556666,\"Contoso, Ltd.\",2023-01-05,,,,\r\n";

        DataSetException e = Assert.Throws<DataSetException>(() => LoadFolder(accounts: twoContosos));

        Assert.Contains(new DataSetProblem("contact.csv", "line 2, column 'Company Name'", "'Contoso, Ltd.' matches 2 rows; give the GUID instead"), e.Problems);
    }

    [Fact]
    public void A_wrong_date_names_the_accepted_forms()
    {
        string broken = Contacts.Replace("2023-01-06", "06.01.2023", StringComparison.Ordinal);

        Assert.Equal(
            new DataSetProblem("contact.csv", "line 2, column 'Created On'", "'06.01.2023' is not a date (use ISO 8601 like 2024-03-01 or 2024-03-01T14:30:00Z, or US style like 3/1/2024 2:30:00 PM)"),
            FailsWith(contacts: broken));
    }

    [Fact]
    public void An_unknown_choice_label_lists_the_labels()
    {
        string broken = Contacts.Replace("Decision Maker", "Boss", StringComparison.Ordinal);

        Assert.Equal(
            new DataSetProblem("contact.csv", "line 2, column 'Role'", "'Boss' is not a role (expected one of: Decision Maker, Employee, Influencer)"),
            FailsWith(contacts: broken));
    }

    [Fact]
    public void A_row_with_too_few_fields_is_refused()
    {
        string broken = Contacts + "Solo Person,\"Contoso, Ltd.\"\n";

        Assert.Equal(new DataSetProblem("contact.csv", "line 4", "the row has 2 fields; the header has 5"), FailsWith(contacts: broken));
    }

    [Fact]
    public void An_unclosed_quote_is_refused_with_its_line()
    {
        string broken = Contacts + "\"Never closed,x,1,Active,2023-01-01\n";

        Assert.Equal(new DataSetProblem("contact.csv", "line 4", "a quoted field is not closed before the end of the file"), FailsWith(contacts: broken));
    }

    [Fact]
    public void A_discount_outside_zero_to_one_hundred_is_refused()
    {
        string broken = Opportunities.Replace("9000,3,Lost", "9000,130,Lost", StringComparison.Ordinal);

        Assert.Equal(new DataSetProblem("opportunity.csv", "line 4", "discountpercentage is 130; it must be between 0 and 100"), FailsWith(opportunities: broken));
    }

    [Fact]
    public void A_folder_without_table_files_is_refused()
    {
        File.WriteAllText(_folder.File("notes.csv"), "a,b\n");

        DataSetException e = Assert.Throws<DataSetException>(() => CsvDataSetLoader.LoadDirectory(_folder.Path));

        Assert.Equal("holds none of account.csv, contact.csv, opportunity.csv", Assert.Single(e.Problems).Reason);
    }

    [Fact]
    public void The_loader_dispatch_reads_a_folder_as_csv()
    {
        LoadFolder();

        DataSet data = DataSetLoader.Load([_folder.Path]);

        Assert.Equal(new DataSetCounts(2, 2, 3), data.Counts);
        Assert.Equal(
            ["Create", "Create", "Update", "Create", "Update", "Create", "Update", "Create", "Update", "Win", "Create", "Lose", "Create", "Update"],
            data.Events().Select(e => e.Kind.ToString()));
    }

    [Fact]
    public void Two_headers_for_the_same_column_are_refused()
    {
        string accounts = "Account Name,name\r\nContoso,Contoso\r\n";

        DataSetException e = Assert.Throws<DataSetException>(() => LoadFolder(accounts: accounts, contacts: null, opportunities: null));

        Assert.Equal(new DataSetProblem("account.csv", "line 1", "columns 'Account Name' and 'name' both map to name"), e.Problems[0]);
    }
}
