using System.Collections.Generic;
using System.Linq;

namespace DataverseRelationship.LocalDataverse.Schema;

/// <summary>
/// Metadata of the standard tables the project touches, from Microsoft's table reference pages as summarised in
/// docs/reference/dataverse-columns.md (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/account,
/// .../opportunity, .../opportunityclose, .../contact, .../systemuser, .../role, .../environmentvariabledefinition,
/// .../environmentvariablevalue, .../task). Only the columns the project uses are declared.
/// </summary>
internal static class StandardTables
{
    private const decimal MoneyBaseLimit = 922337203685477m;

    public static IEnumerable<TableMetadata> All()
    {
        yield return Account();
        yield return Opportunity();
        yield return OpportunityClose();
        yield return Contact();
        yield return SystemUser();
        yield return Role();
        yield return SystemUserRoles();
        yield return Team();
        yield return TeamMembership();
        yield return TeamRoles();
        yield return Privilege();
        yield return RolePrivileges();
        yield return EnvironmentVariableDefinition();
        yield return EnvironmentVariableValue();
        yield return TaskActivity();
    }

    /// <summary>
    /// The delete behaviour of the standard relationships the project's tables use, from Microsoft's table reference pages
    /// (CascadeConfiguration Delete). A standard relationship not listed here (for example opportunity.customerid) is not
    /// cascaded: its behaviour was not checked.
    /// </summary>
    public static IEnumerable<CascadeDeleteRule> CascadeDeletes()
    {
        // https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/account#BKMK_contact_customer_accounts: Delete Cascade.
        yield return new CascadeDeleteRule("contact_customer_accounts", "contact", "parentcustomerid", "account", CascadeDeleteBehavior.Cascade, "Learn: account table reference");

        // https://learn.microsoft.com/dynamics365/sales/developer/entities/opportunity#BKMK_opportunity_parent_account: Delete RemoveLink.
        yield return new CascadeDeleteRule("opportunity_parent_account", "opportunity", "parentaccountid", "account", CascadeDeleteBehavior.RemoveLink, "Learn: opportunity table reference");

        // https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/account#BKMK_account_parent_account: Delete RemoveLink.
        yield return new CascadeDeleteRule("account_parent_account", "account", "parentaccountid", "account", CascadeDeleteBehavior.RemoveLink, "Learn: account table reference");

        // https://learn.microsoft.com/dynamics365/sales/developer/entities/opportunityclose: Opportunity_OpportunityClose, Delete Cascade
        // (docs/reference/dataverse-columns.md, section 3).
        yield return new CascadeDeleteRule("Opportunity_OpportunityClose", "opportunityclose", "opportunityid", "opportunity", CascadeDeleteBehavior.Cascade, "Learn: opportunityclose table reference");
    }

    private static ColumnMetadata Col(string name, ColumnType type) => new(name, type);

    private static ColumnMetadata Options(string name, ColumnType type, int first, int last) =>
        new(name, type) { AllowedValues = Enumerable.Range(first, last - first + 1).ToHashSet() };

    private static ColumnMetadata Ref(string name, params string[] targets) => new(name, ColumnType.Lookup) { Targets = targets };

    private static ColumnMetadata PlatformSet(string name, ColumnType type, params string[] targets) =>
        new(name, type) { IsPlatformSet = true, Targets = targets };

    private static ColumnMetadata Number(string name, ColumnType type, decimal min, decimal max) =>
        new(name, type) { MinValue = min, MaxValue = max };

    private static ColumnMetadata Text(string name, int maxLength, ColumnType type = ColumnType.Text) => new(name, type) { MaxLength = maxLength };

    private static ColumnMetadata DateOnly(string name) => new(name, ColumnType.DateAndTime) { DateBehavior = DateBehavior.DateOnly };

    /// <summary>createdon/modifiedon/createdby/modifiedby, set by the platform.</summary>
    private static TableMetadata WithAudit(this TableMetadata table) => table
        .AddColumn(PlatformSet("createdon", ColumnType.DateAndTime))
        .AddColumn(PlatformSet("modifiedon", ColumnType.DateAndTime))
        .AddColumn(PlatformSet("createdby", ColumnType.Lookup, "systemuser"))
        .AddColumn(PlatformSet("modifiedby", ColumnType.Lookup, "systemuser"))
        .AddColumn(PlatformSet("versionnumber", ColumnType.BigInt));

    /// <summary>ownerid (systemuser or team) and the owning* columns of a user-owned table.</summary>
    private static TableMetadata WithOwner(this TableMetadata table) => table
        .AddColumn(new ColumnMetadata("ownerid", ColumnType.Owner) { Targets = ["systemuser", "team"] })
        .AddColumn(PlatformSet("owningbusinessunit", ColumnType.Lookup, "businessunit"))
        .AddColumn(PlatformSet("owninguser", ColumnType.Lookup, "systemuser"))
        .AddColumn(PlatformSet("owningteam", ColumnType.Lookup, "team"));

    /// <summary>statecode 0 Active (status 1) / 1 Inactive (status 2).</summary>
    internal static TableMetadata WithActiveInactiveState(this TableMetadata table) => table
        .AddColumn(Options("statecode", ColumnType.State, 0, 1))
        .AddColumn(Options("statuscode", ColumnType.Status, 1, 2))
        .WithDefaultStatus(0, 1)
        .WithDefaultStatus(1, 2);

    /// <summary>transactioncurrencyid and exchangerate of a table with currency columns.</summary>
    private static TableMetadata WithCurrency(this TableMetadata table) => table
        .AddColumn(Ref("transactioncurrencyid", "transactioncurrency"))
        .AddColumn(new ColumnMetadata("exchangerate", ColumnType.DecimalNumber) { IsPlatformSet = true });

    /// <summary>A currency column and its platform-computed <c>_base</c> companion.</summary>
    internal static TableMetadata WithMoney(this TableMetadata table, string name, decimal? min = null, decimal? max = null) => table
        .AddColumn(new ColumnMetadata(name, ColumnType.Currency) { MinValue = min, MaxValue = max })
        .AddColumn(new ColumnMetadata(name + "_base", ColumnType.Currency) { IsPlatformSet = true, MinValue = -MoneyBaseLimit, MaxValue = MoneyBaseLimit });

    private static TableMetadata Account() => new TableMetadata("account", "accountid", "name")
        .AddColumn(Text("name", 160))
        .AddColumn(Text("accountnumber", 20))
        .AddColumn(Ref("parentaccountid", "account"))
        .AddColumn(Ref("primarycontactid", "contact"))
        .AddColumn(Number("numberofemployees", ColumnType.WholeNumber, 0, 1000000000))
        .AddColumn(Options("industrycode", ColumnType.Choice, 1, 33))
        .AddColumn(Options("customertypecode", ColumnType.Choice, 1, 12))
        .AddColumn(Options("accountcategorycode", ColumnType.Choice, 1, 2))
        .WithMoney("revenue", 0, 100000000000000m)
        .WithMoney("creditlimit", 0, 100000000000000m)
        .WithCurrency()
        .WithOwner()
        .WithAudit()
        .WithActiveInactiveState();

    private static TableMetadata Opportunity()
    {
        var table = new TableMetadata("opportunity", "opportunityid", "name")
            .AddColumn(Text("name", 300))
            .AddColumn(Ref("parentaccountid", "account"))
            .AddColumn(Ref("parentcontactid", "contact"))
            .AddColumn(new ColumnMetadata("customerid", ColumnType.Customer) { Targets = ["account", "contact"] })
            .AddColumn(PlatformSet("accountid", ColumnType.Lookup, "account"))
            .AddColumn(PlatformSet("contactid", ColumnType.Lookup, "contact"))
            .AddColumn(Options("statecode", ColumnType.State, 0, 2))
            .AddColumn(Options("statuscode", ColumnType.Status, 1, 5))
            .WithDefaultStatus(0, 1)
            .WithDefaultStatus(1, 3)
            .WithDefaultStatus(2, 4)
            .WithMoney("estimatedvalue", -1000000000000m, 1000000000000m)
            .WithMoney("actualvalue", -1000000000000m, 1000000000000m)
            .WithMoney("discountamount", 0, 1000000000000m)
            .WithMoney("budgetamount", 0, 1000000000000m)
            .WithMoney("freightamount")
            .AddColumn(DateOnly("estimatedclosedate"))
            .AddColumn(DateOnly("actualclosedate"))
            .AddColumn(Number("closeprobability", ColumnType.WholeNumber, 0, 100))
            .AddColumn(Number("discountpercentage", ColumnType.DecimalNumber, 0, 100))
            .AddColumn(Options("salesstage", ColumnType.Choice, 0, 3))
            .AddColumn(Col("salesstagecode", ColumnType.Choice))
            .AddColumn(Text("stepname", 200))
            .AddColumn(Options("opportunityratingcode", ColumnType.Choice, 1, 3))
            .AddColumn(Col("isrevenuesystemcalculated", ColumnType.YesNo))
            .WithCurrency()
            .WithOwner()
            .WithAudit();
        foreach (var total in new[] { "totalamount", "totaldiscountamount", "totallineitemamount", "totallineitemdiscountamount", "totalamountlessfreight", "totaltax" })
        {
            table.WithMoney(total, -MoneyBaseLimit, MoneyBaseLimit);
        }

        return table;
    }

    private static TableMetadata OpportunityClose() => new TableMetadata("opportunityclose", "activityid", "subject")
        .AddColumn(Ref("opportunityid", "opportunity"))
        .WithMoney("actualrevenue", -MoneyBaseLimit, MoneyBaseLimit)
        .AddColumn(Col("actualend", ColumnType.DateAndTime))
        .AddColumn(Text("subject", 200))
        .AddColumn(Text("description", 2000, ColumnType.Memo))
        .AddColumn(Options("statecode", ColumnType.State, 0, 2))
        .AddColumn(Options("statuscode", ColumnType.Status, 1, 3))
        .WithDefaultStatus(0, 1)
        .WithDefaultStatus(1, 2)
        .WithDefaultStatus(2, 3)
        .AddColumn(Ref("competitorid", "competitor"))
        .AddColumn(Options("opportunitystatecode", ColumnType.Choice, 0, 2))
        .AddColumn(Options("opportunitystatuscode", ColumnType.Choice, 1, 5))
        .AddColumn(PlatformSet("activitytypecode", ColumnType.TableName))
        .AddColumn(Ref("regardingobjectid"))
        .WithCurrency()
        .WithOwner()
        .WithAudit();

    private static TableMetadata Contact() => new TableMetadata("contact", "contactid", "fullname")
        .AddColumn(new ColumnMetadata("fullname", ColumnType.Text) { IsPlatformSet = true, MaxLength = 160 })
        .AddColumn(Text("firstname", 50))
        .AddColumn(Text("lastname", 50))
        .AddColumn(Text("jobtitle", 100))
        .AddColumn(new ColumnMetadata("parentcustomerid", ColumnType.Customer) { Targets = ["account", "contact"] })
        .AddColumn(Options("accountrolecode", ColumnType.Choice, 1, 3))
        .AddColumn(PlatformSet("accountid", ColumnType.Lookup, "account"))
        .AddColumn(PlatformSet("parentcontactid", ColumnType.Lookup, "contact"))
        .WithCurrency()
        .WithOwner()
        .WithAudit()
        .WithActiveInactiveState();

    private static TableMetadata SystemUser() => new TableMetadata("systemuser", "systemuserid", "fullname")
        .AddColumn(new ColumnMetadata("fullname", ColumnType.Text) { IsPlatformSet = true, MaxLength = 200 })
        .AddColumn(Text("firstname", 256))
        .AddColumn(Text("lastname", 256))
        .AddColumn(Text("domainname", 1024))
        .AddColumn(Ref("businessunitid", "businessunit"))
        .AddColumn(Col("isdisabled", ColumnType.YesNo))
        .AddColumn(Col("accessmode", ColumnType.Choice))
        .WithAudit();

    /// <summary>
    /// role: Dataverse copies every role into each business unit; a copy has its own roleid and points at the root
    /// business unit's role through parentrootroleid (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/role).
    /// </summary>
    private static TableMetadata Role() => new TableMetadata("role", "roleid", "name")
        .AddColumn(Text("name", 100))
        .AddColumn(Ref("businessunitid", "businessunit"))
        .AddColumn(PlatformSet("parentrootroleid", ColumnType.Lookup, "role"))
        .AddColumn(PlatformSet("parentroleid", ColumnType.Lookup, "role"))
        .AddColumn(Col("roletemplateid", ColumnType.UniqueIdentifier))
        .WithAudit();

    /// <summary>team (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/team): a team's roles apply to its members.</summary>
    private static TableMetadata Team() => new TableMetadata("team", "teamid", "name")
        .AddColumn(Text("name", 160))
        .AddColumn(Ref("businessunitid", "businessunit"))
        .AddColumn(Options("teamtype", ColumnType.Choice, 0, 3))
        .WithAudit();

    /// <summary>The team–systemuser intersect table (teammembership_association).</summary>
    private static TableMetadata TeamMembership() => new TableMetadata("teammembership", "teammembershipid")
        .AddColumn(Col("teamid", ColumnType.UniqueIdentifier))
        .AddColumn(Col("systemuserid", ColumnType.UniqueIdentifier));

    /// <summary>The team–role intersect table (teamroles_association).</summary>
    private static TableMetadata TeamRoles() => new TableMetadata("teamroles", "teamroleid")
        .AddColumn(Col("teamid", ColumnType.UniqueIdentifier))
        .AddColumn(Col("roleid", ColumnType.UniqueIdentifier));

    /// <summary>privilege (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/privilege): name is e.g. prvWriteAccount.</summary>
    private static TableMetadata Privilege() => new TableMetadata("privilege", "privilegeid", "name")
        .AddColumn(Text("name", 100));

    /// <summary>The role–privilege intersect table; privilegedepthmask 1 Basic (user), 2 Local (business unit), 4 Deep, 8 Global.</summary>
    private static TableMetadata RolePrivileges() => new TableMetadata("roleprivileges", "roleprivilegeid")
        .AddColumn(Col("roleid", ColumnType.UniqueIdentifier))
        .AddColumn(Col("privilegeid", ColumnType.UniqueIdentifier))
        .AddColumn(Col("privilegedepthmask", ColumnType.WholeNumber));

    /// <summary>The systemuser–role intersect table: its columns are plain unique identifiers.</summary>
    private static TableMetadata SystemUserRoles() => new TableMetadata("systemuserroles", "systemuserroleid")
        .AddColumn(Col("systemuserid", ColumnType.UniqueIdentifier))
        .AddColumn(Col("roleid", ColumnType.UniqueIdentifier));

    private static TableMetadata EnvironmentVariableDefinition() => new TableMetadata("environmentvariabledefinition", "environmentvariabledefinitionid", "schemaname")
        .AddColumn(Text("schemaname", 100))
        .AddColumn(Text("displayname", 100))
        .AddColumn(Text("defaultvalue", 2000, ColumnType.Memo))
        .AddColumn(Text("description", 2000, ColumnType.Memo))
        .AddColumn(Text("valueschema", 2000, ColumnType.Memo))
        .AddColumn(Col("type", ColumnType.Choice))
        .AddColumn(Col("isrequired", ColumnType.YesNo))
        .AddColumn(Col("secretstore", ColumnType.Choice))
        .AddColumn(Ref("parentdefinitionid", "environmentvariabledefinition"))
        .WithOwner()
        .WithAudit()
        .WithActiveInactiveState();

    private static TableMetadata EnvironmentVariableValue() => new TableMetadata("environmentvariablevalue", "environmentvariablevalueid", "schemaname")
        .AddColumn(Text("value", 2000, ColumnType.Memo))
        .AddColumn(Ref("environmentvariabledefinitionid", "environmentvariabledefinition"))
        .AddColumn(Text("schemaname", 100))
        .WithOwner()
        .WithAudit()
        .WithActiveInactiveState();

    /// <summary>
    /// task, the follow-up activity the solution's flow creates (docs/reference/dataverse-columns.md section 7): statecode 0 Open
    /// (default status 2 Not Started), 1 Completed (5), 2 Canceled (6); statuscode 2-7; prioritycode 0 Low, 1 Normal, 2 High.
    /// </summary>
    private static TableMetadata TaskActivity() => new TableMetadata("task", "activityid", "subject")
        .AddColumn(Text("subject", 200))
        .AddColumn(Text("description", 2000, ColumnType.Memo))
        .AddColumn(Col("scheduledstart", ColumnType.DateAndTime))
        .AddColumn(Col("scheduledend", ColumnType.DateAndTime))
        .AddColumn(Col("actualend", ColumnType.DateAndTime))
        .AddColumn(Options("prioritycode", ColumnType.Choice, 0, 2))
        .AddColumn(Number("percentcomplete", ColumnType.WholeNumber, 0, 100))
        .AddColumn(Text("category", 250))
        .AddColumn(Options("statecode", ColumnType.State, 0, 2))
        .AddColumn(Options("statuscode", ColumnType.Status, 2, 7))
        .WithDefaultStatus(0, 2)
        .WithDefaultStatus(1, 5)
        .WithDefaultStatus(2, 6)
        .AddColumn(PlatformSet("activitytypecode", ColumnType.TableName))
        .AddColumn(Ref("regardingobjectid", "account", "contact", "opportunity"))
        .WithOwner()
        .WithAudit();

    /// <summary>The columns Dataverse adds to every custom user-owned table.</summary>
    internal static TableMetadata WithCustomTableSystemColumns(TableMetadata table)
    {
        if (!table.HasColumn("ownerid"))
        {
            table.WithOwner();
        }

        if (!table.HasColumn("createdon"))
        {
            table.WithAudit();
        }

        if (!table.HasColumn("statecode"))
        {
            table.WithActiveInactiveState();
        }
        else if (table.DefaultStatusByState.Count == 0)
        {
            table.WithDefaultStatus(0, 1).WithDefaultStatus(1, 2);
        }

        return table;
    }
}
