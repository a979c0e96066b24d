using System.Collections.Generic;
using System.Linq;

namespace DataverseRelationship.SolutionModel;

/// <summary>
/// The one catalog of the platform's standard tables the project touches: the columns it uses with their types, ranges,
/// choices, lookup targets and who sets them, the entity set names, default statuses and the delete behaviour of the
/// standard relationships. From Microsoft's table reference pages as summarised in docs/reference/dataverse-columns.md
/// (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/account, .../opportunity,
/// .../opportunityclose, .../contact, .../systemuser, .../role, .../team, .../privilege, .../environmentvariabledefinition,
/// .../environmentvariablevalue, .../task, .../transactioncurrency). Only the columns the project uses are declared; the types are the names
/// solution XML uses (nvarchar, lookup, money, ...).
/// </summary>
public static class StandardTables
{
    /// <summary>Every standard table, by logical name.</summary>
    public static readonly IReadOnlyDictionary<string, TableDefinition> All = Build().ToDictionary(t => t.LogicalName, t => t, System.StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The delete behaviour of the standard relationships the project's tables use (CascadeConfiguration Delete on the
    /// reference pages). A standard relationship not listed (for example opportunity.customerid) is not cascaded: its
    /// behaviour was not checked.
    /// </summary>
    public static readonly IReadOnlyList<RelationshipDefinition> Relationships =
    [
        // https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/account#BKMK_contact_customer_accounts: Delete Cascade.
        new("Learn: account table reference", "contact_customer_accounts", "contact", "account", "parentcustomerid", "Cascade"),

        // https://learn.microsoft.com/dynamics365/sales/developer/entities/opportunity#BKMK_opportunity_parent_account: Delete RemoveLink.
        new("Learn: opportunity table reference", "opportunity_parent_account", "opportunity", "account", "parentaccountid", "RemoveLink"),

        // https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/account#BKMK_account_parent_account: Delete RemoveLink.
        new("Learn: account table reference", "account_parent_account", "account", "account", "parentaccountid", "RemoveLink"),

        // https://learn.microsoft.com/dynamics365/sales/developer/entities/opportunityclose: Opportunity_OpportunityClose, Delete Cascade
        // (docs/reference/dataverse-columns.md, section 3).
        new("Learn: opportunityclose table reference", "Opportunity_OpportunityClose", "opportunityclose", "opportunity", "opportunityid", "Cascade"),
    ];

    private static StandardTableBuilder Table(string name, string entitySet, string primaryId, string? primaryName) =>
        new(name, entitySet, primaryId, primaryName, $"Learn: {name} table reference");

    private static IEnumerable<TableDefinition> Build()
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
        yield return TransactionCurrency();
    }

    // https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/transactioncurrency: entity set
    // transactioncurrencies, primary key transactioncurrencyid, primary name currencyname; the three columns a report
    // names a currency by (dvrel pull reads them). The lengths were not checked on the page: 100, as currencyname's.
    private static TableDefinition TransactionCurrency() => Table("transactioncurrency", "transactioncurrencies", "transactioncurrencyid", "currencyname")
        .Text("currencyname", 100)
        .Text("isocurrencycode", 100)
        .Text("currencysymbol", 100)
        .Build();

    private static TableDefinition Account() => Table("account", "accounts", "accountid", "name")
        .Text("name", 160)
        .Text("accountnumber", 20)
        .Ref("parentaccountid", "account")
        .Ref("primarycontactid", "contact")
        .Number("numberofemployees", "int", 0, 1000000000)
        .Options("industrycode", "picklist", 1, 33)
        .Options("customertypecode", "picklist", 1, 12)
        .Options("accountcategorycode", "picklist", 1, 2)
        .Money("revenue", 0, 100000000000000m)
        .Money("creditlimit", 0, 100000000000000m)
        .Currency()
        .Owner()
        .Audit()
        .ActiveInactiveState()
        .Build();

    private static TableDefinition Opportunity()
    {
        var table = Table("opportunity", "opportunities", "opportunityid", "name")
            .Text("name", 300)
            .Ref("parentaccountid", "account")
            .Ref("parentcontactid", "contact")
            .Add("customerid", "customer")
            .PlatformSet("accountid", "lookup", "account")
            .PlatformSet("contactid", "lookup", "contact")
            .Options("statecode", "state", 0, 2)
            .Options("statuscode", "status", 1, 5)
            .DefaultStatus(0, 1)
            .DefaultStatus(1, 3)
            .DefaultStatus(2, 4)
            .Money("estimatedvalue", -1000000000000m, 1000000000000m)
            .Money("actualvalue", -1000000000000m, 1000000000000m)
            .Money("discountamount", 0, 1000000000000m)
            .Money("budgetamount", 0, 1000000000000m)
            .Money("freightamount")
            .DateOnly("estimatedclosedate")
            .DateOnly("actualclosedate")
            .Number("closeprobability", "int", 0, 100)
            .Number("discountpercentage", "decimal", 0, 100)
            .Options("salesstage", "picklist", 0, 3)
            .Add("salesstagecode", "picklist")
            .Text("stepname", 200)
            .Options("opportunityratingcode", "picklist", 1, 3)
            .Add("isrevenuesystemcalculated", "bit")
            .Currency()
            .Owner()
            .Audit();
        foreach (var total in new[] { "totalamount", "totaldiscountamount", "totallineitemamount", "totallineitemdiscountamount", "totalamountlessfreight", "totaltax" })
        {
            table.Money(total, -StandardTableBuilder.MoneyBaseLimit, StandardTableBuilder.MoneyBaseLimit);
        }

        return table.Build();
    }

    private static TableDefinition OpportunityClose() => Table("opportunityclose", "opportunitycloses", "activityid", "subject")
        .Ref("opportunityid", "opportunity")
        .Money("actualrevenue", -StandardTableBuilder.MoneyBaseLimit, StandardTableBuilder.MoneyBaseLimit)
        .Add("actualend", "datetime")
        .Text("subject", 200)
        .Text("description", 2000, "ntext")
        .Options("statecode", "state", 0, 2)
        .Options("statuscode", "status", 1, 3)
        .DefaultStatus(0, 1)
        .DefaultStatus(1, 2)
        .DefaultStatus(2, 3)
        .Ref("competitorid", "competitor")
        .Options("opportunitystatecode", "picklist", 0, 2)
        .Options("opportunitystatuscode", "picklist", 1, 5)
        .PlatformSet("activitytypecode", "entityname")
        .Ref("regardingobjectid")
        .Currency()
        .Owner()
        .Audit()
        .Build();

    private static TableDefinition Contact() => Table("contact", "contacts", "contactid", "fullname")
        .Add("fullname", "nvarchar", c => c with { IsPlatformSet = true, ValidForCreateApi = false, ValidForUpdateApi = false, MaxLength = 160 })
        .Text("firstname", 50)
        .Text("lastname", 50)
        .Text("jobtitle", 100)
        .Add("parentcustomerid", "customer")
        .Options("accountrolecode", "picklist", 1, 3)
        .PlatformSet("accountid", "lookup", "account")
        .PlatformSet("parentcontactid", "lookup", "contact")
        .Currency()
        .Owner()
        .Audit()
        .ActiveInactiveState()
        .Build();

    private static TableDefinition SystemUser() => Table("systemuser", "systemusers", "systemuserid", "fullname")
        .Add("fullname", "nvarchar", c => c with { IsPlatformSet = true, ValidForCreateApi = false, ValidForUpdateApi = false, MaxLength = 200 })
        .Text("firstname", 256)
        .Text("lastname", 256)
        .Text("domainname", 1024)
        .Ref("businessunitid", "businessunit")
        .Add("isdisabled", "bit")
        .Add("accessmode", "picklist")
        .Audit()
        .Build();

    /// <summary>
    /// role: Dataverse copies every role into each business unit; a copy has its own roleid and points at the root
    /// business unit's role through parentrootroleid (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/role).
    /// </summary>
    private static TableDefinition Role() => Table("role", "roles", "roleid", "name")
        .Text("name", 100)
        .Ref("businessunitid", "businessunit")
        .PlatformSet("parentrootroleid", "lookup", "role")
        .PlatformSet("parentroleid", "lookup", "role")
        .Add("roletemplateid", "uniqueidentifier")
        .Audit()
        .Build();

    /// <summary>team (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/team): a team's roles apply to its members.</summary>
    private static TableDefinition Team() => Table("team", "teams", "teamid", "name")
        .Text("name", 160)
        .Ref("businessunitid", "businessunit")
        .Options("teamtype", "picklist", 0, 3)
        .Audit()
        .Build();

    // The intersect tables' entity set names follow the platform's "<name>collection" / plural forms
    // (systemuserroles: systemuserrolescollection, as the Web API service document lists it).

    /// <summary>The team–systemuser intersect table (teammembership_association).</summary>
    private static TableDefinition TeamMembership() => Table("teammembership", "teammemberships", "teammembershipid", null)
        .Add("teamid", "uniqueidentifier")
        .Add("systemuserid", "uniqueidentifier")
        .Build();

    /// <summary>The team–role intersect table (teamroles_association).</summary>
    private static TableDefinition TeamRoles() => Table("teamroles", "teamrolescollection", "teamroleid", null)
        .Add("teamid", "uniqueidentifier")
        .Add("roleid", "uniqueidentifier")
        .Build();

    /// <summary>privilege (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/privilege): name is e.g. prvWriteAccount.</summary>
    private static TableDefinition Privilege() => Table("privilege", "privileges", "privilegeid", "name")
        .Text("name", 100)
        .Build();

    /// <summary>The role–privilege intersect table; privilegedepthmask 1 Basic (user), 2 Local (business unit), 4 Deep, 8 Global.</summary>
    private static TableDefinition RolePrivileges() => Table("roleprivileges", "roleprivilegescollection", "roleprivilegeid", null)
        .Add("roleid", "uniqueidentifier")
        .Add("privilegeid", "uniqueidentifier")
        .Add("privilegedepthmask", "int")
        .Build();

    /// <summary>The systemuser–role intersect table: its columns are plain unique identifiers.</summary>
    private static TableDefinition SystemUserRoles() => Table("systemuserroles", "systemuserrolescollection", "systemuserroleid", null)
        .Add("systemuserid", "uniqueidentifier")
        .Add("roleid", "uniqueidentifier")
        .Build();

    private static TableDefinition EnvironmentVariableDefinition() => Table("environmentvariabledefinition", "environmentvariabledefinitions", "environmentvariabledefinitionid", "schemaname")
        .Text("schemaname", 100)
        .Text("displayname", 100)
        .Text("defaultvalue", 2000, "ntext")
        .Text("description", 2000, "ntext")
        .Text("valueschema", 2000, "ntext")
        .Add("type", "picklist")
        .Add("isrequired", "bit")
        .Add("secretstore", "picklist")
        .Ref("parentdefinitionid", "environmentvariabledefinition")
        .Owner()
        .Audit()
        .ActiveInactiveState()
        .Build();

    private static TableDefinition EnvironmentVariableValue() => Table("environmentvariablevalue", "environmentvariablevalues", "environmentvariablevalueid", "schemaname")
        .Text("value", 2000, "ntext")
        .Ref("environmentvariabledefinitionid", "environmentvariabledefinition")
        .Text("schemaname", 100)
        .Owner()
        .Audit()
        .ActiveInactiveState()
        .Build();

    /// <summary>
    /// task, the follow-up activity the solution's flow creates (docs/reference/dataverse-columns.md section 7): statecode 0 Open
    /// (default status 2 Not Started), 1 Completed (5), 2 Canceled (6); statuscode 2-7; prioritycode 0 Low, 1 Normal, 2 High.
    /// </summary>
    private static TableDefinition TaskActivity() => Table("task", "tasks", "activityid", "subject")
        .Text("subject", 200)
        .Text("description", 2000, "ntext")
        .Add("scheduledstart", "datetime")
        .Add("scheduledend", "datetime")
        .Add("actualend", "datetime")
        .Options("prioritycode", "picklist", 0, 2)
        .Number("percentcomplete", "int", 0, 100)
        .Text("category", 250)
        .Options("statecode", "state", 0, 2)
        .Options("statuscode", "status", 2, 7)
        .DefaultStatus(0, 2)
        .DefaultStatus(1, 5)
        .DefaultStatus(2, 6)
        .PlatformSet("activitytypecode", "entityname")
        .Ref("regardingobjectid", "account", "contact", "opportunity")
        .Owner()
        .Audit()
        .Build();
}
