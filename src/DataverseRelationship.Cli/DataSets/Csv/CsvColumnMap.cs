using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Plugins.Schema;

namespace DataverseRelationship.Cli.DataSets.Csv;

/// <summary>How a CSV cell becomes a column value.</summary>
public enum CsvValueKind
{
    /// <summary>The row's GUID (primary key).</summary>
    Id,
    Text,
    WholeNumber,
    DecimalNumber,
    Money,
    YesNo,
    DateTime,
    Choice,
    /// <summary>Several choice labels or values separated by ';'.</summary>
    MultiChoice,
    /// <summary>A GUID, or the primary name of a row in the data set (account name, contact "First Last").</summary>
    Lookup,
    /// <summary>contact "Full Name": split at the last space into firstname and lastname.</summary>
    FullName,
    /// <summary>
    /// The row's transaction currency: a GUID, or a currency's name or ISO code from transactioncurrency.csv. It says
    /// what the row's amounts are in; it is not replayed.
    /// </summary>
    Currency,
}

/// <summary>One CSV column: the logical name it fills, how to read it, and the header names Dynamics exports.</summary>
public sealed record CsvColumn(string LogicalName, CsvValueKind Kind, IReadOnlyList<string> Headers, ChoiceLabels? Choices = null, IReadOnlyList<string>? Targets = null);

/// <summary>
/// The header-to-column mapping of account.csv, contact.csv and opportunity.csv. A header matches the logical
/// name or one of the display names, ignoring case, spaces and punctuation. docs/data-formats.md lists the same.
/// </summary>
public static class CsvColumnMap
{
    /// <summary>The header Dynamics' "Full Name" maps to (it is split into firstname and lastname).</summary>
    public const string FullNameHeader = "Full Name";

    public static IReadOnlyList<CsvColumn> Account { get; } =
    [
        new(AccountTable.Id, CsvValueKind.Id, ["(Do Not Modify) Account", "Account ID"]),
        new(AccountTable.Name, CsvValueKind.Text, ["Account Name"]),
        new(AccountTable.CreatedOn, CsvValueKind.DateTime, ["Created On"]),
        new(AccountTable.StateCode, CsvValueKind.Choice, ["Status"], ChoiceLabels.ActiveState),
        new(AccountTable.RelationshipSince, CsvValueKind.DateTime, ["Relationship Since"]),
        new(AccountTable.CustomerSponsorId, CsvValueKind.Lookup, ["Customer Sponsor", "Customer Executive Sponsor"], Targets: [ContactTable.LogicalName]),
        new(AccountTable.SellerSponsorId, CsvValueKind.Lookup, ["Seller Sponsor", "Seller Executive Sponsor"], Targets: [SecurityTables.SystemUser]),
        new(AccountTable.HasJointAccountPlan, CsvValueKind.YesNo, ["Has Joint Account Plan", "Joint Account Plan"]),
        new(AccountTable.JointPlanReviewedOn, CsvValueKind.DateTime, ["Joint Plan Reviewed On", "Joint Account Plan Reviewed On"]),
        new(DataSetCurrency.Column, CsvValueKind.Currency, ["Currency"]),
    ];

    public static IReadOnlyList<CsvColumn> Contact { get; } =
    [
        new(ContactTable.Id, CsvValueKind.Id, ["(Do Not Modify) Contact", "Contact ID"]),
        new(ContactTable.FirstName, CsvValueKind.Text, ["First Name"]),
        new(ContactTable.LastName, CsvValueKind.Text, ["Last Name"]),
        new(ContactTable.LastName, CsvValueKind.FullName, [FullNameHeader]),
        new(ContactTable.ParentCustomerId, CsvValueKind.Lookup, ["Company Name", "Account Name"], Targets: [AccountTable.LogicalName, ContactTable.LogicalName]),
        new(ContactTable.AccountRoleCode, CsvValueKind.Choice, ["Role"], ChoiceLabels.ContactRoles),
        new(ContactTable.StateCode, CsvValueKind.Choice, ["Status"], ChoiceLabels.ActiveState),
        new(ContactTable.CreatedOn, CsvValueKind.DateTime, ["Created On"]),
    ];

    public static IReadOnlyList<CsvColumn> Opportunity { get; } =
    [
        new(OpportunityTable.Id, CsvValueKind.Id, ["(Do Not Modify) Opportunity", "Opportunity ID"]),
        new(OpportunityTable.Name, CsvValueKind.Text, ["Topic"]),
        new(OpportunityTable.ParentAccountId, CsvValueKind.Lookup, ["Account"], Targets: [AccountTable.LogicalName]),
        new(OpportunityTable.CustomerId, CsvValueKind.Lookup, ["Potential Customer"], Targets: [AccountTable.LogicalName, ContactTable.LogicalName]),
        new(OpportunityTable.EstimatedValue, CsvValueKind.Money, ["Est. Revenue"]),
        new(OpportunityTable.ActualValue, CsvValueKind.Money, ["Actual Revenue"]),
        new(OpportunityTable.EstimatedCloseDate, CsvValueKind.DateTime, ["Est. Close Date"]),
        new(OpportunityTable.ActualCloseDate, CsvValueKind.DateTime, ["Actual Close Date"]),
        new(OpportunityTable.DiscountPercentage, CsvValueKind.DecimalNumber, ["Discount (%)", "Opportunity Discount (%)", "Discount Percentage"]),
        new(OpportunityTable.StateCode, CsvValueKind.Choice, ["Status"], ChoiceLabels.OpportunityStatus),
        new(OpportunityTable.StatusCode, CsvValueKind.Choice, ["Status Reason"], ChoiceLabels.OpportunityStatusReason),
        new(OpportunityTable.CreatedOn, CsvValueKind.DateTime, ["Created On"]),
        new(OpportunityTable.SellerMargin, CsvValueKind.DecimalNumber, ["Seller Margin (%)", "Seller Margin"]),
        new(OpportunityTable.Concessions, CsvValueKind.MultiChoice, ["Concessions"], ChoiceLabels.Concessions),
        new(OpportunityTable.Commitments, CsvValueKind.MultiChoice, ["Commitments"], ChoiceLabels.Commitments),
        new(OpportunityTable.ProcurementTactics, CsvValueKind.MultiChoice, ["Procurement Tactics"], ChoiceLabels.ProcurementTactics),
        new(OpportunityTable.SellerConduct, CsvValueKind.MultiChoice, ["Seller Conduct"], ChoiceLabels.SellerConduct),
        new(OpportunityTable.DeliveredAsPromised, CsvValueKind.YesNo, ["Delivered As Promised"]),
        new(OpportunityTable.PaymentDelayDays, CsvValueKind.WholeNumber, ["Payment Delay (Days)", "Payment Delay Days"]),
        new(DataSetCurrency.Column, CsvValueKind.Currency, ["Currency"]),
    ];

    /// <summary>
    /// transactioncurrency.csv: the currencies the rows name, with the columns a report names a currency by (display
    /// names from https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/transactioncurrency).
    /// </summary>
    public static IReadOnlyList<CsvColumn> Currency { get; } =
    [
        new(DataSetCurrency.Column, CsvValueKind.Id, ["(Do Not Modify) Currency", "Currency ID"]),
        new(DataSetCurrency.IsoCodeColumn, CsvValueKind.Text, ["Currency Code", "ISO Currency Code"]),
        new(DataSetCurrency.SymbolColumn, CsvValueKind.Text, ["Currency Symbol"]),
        new(DataSetCurrency.NameColumn, CsvValueKind.Text, ["Currency Name"]),
    ];

    /// <summary>The columns of a table: account, contact, opportunity or transactioncurrency.</summary>
    public static IReadOnlyList<CsvColumn> For(string table) => table switch
    {
        AccountTable.LogicalName => Account,
        ContactTable.LogicalName => Contact,
        OpportunityTable.LogicalName => Opportunity,
        DataSetCurrency.Table => Currency,
        _ => throw new ArgumentException($"{table} has no CSV mapping.", nameof(table)),
    };

    /// <summary>The column a header names, or null when the loader ignores it.</summary>
    public static CsvColumn? Match(string table, string header)
    {
        string key = ChoiceLabels.Normalise(header);
        if (key.Length == 0)
        {
            return null;
        }

        return For(table).FirstOrDefault(c => c.Kind != CsvValueKind.FullName && ChoiceLabels.Normalise(c.LogicalName) == key)
            ?? For(table).FirstOrDefault(c => c.Headers.Any(h => ChoiceLabels.Normalise(h) == key));
    }
}
