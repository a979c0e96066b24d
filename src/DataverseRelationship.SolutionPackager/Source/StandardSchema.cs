using System;
using System.Collections.Generic;

namespace DataverseRelationship.SolutionPackager.Source;

/// <summary>
/// The platform's standard tables and columns the solution relies on but does not define (an existing table in a
/// solution carries only the columns the solution adds). Types use the names solution XML uses (nvarchar, lookup, ...).
/// Sources: Microsoft's table reference pages as summarised in docs/reference/dataverse-columns.md; task from the task table reference.
/// </summary>
public static class StandardSchema
{
    /// <summary>A standard table: its entity set name (what Web API and flows use) and its columns with their types.</summary>
    public sealed record StandardTable(string LogicalName, string EntitySetName, IReadOnlyDictionary<string, string> Columns);

    private static StandardTable Table(string logicalName, string entitySetName, params (string Column, string Type)[] columns)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (column, type) in columns)
        {
            map[column] = type;
        }

        return new StandardTable(logicalName, entitySetName, map);
    }

    /// <summary>The standard tables by logical name.</summary>
    public static readonly IReadOnlyDictionary<string, StandardTable> Tables = Build();

    private static Dictionary<string, StandardTable> Build()
    {
        var tables = new[]
        {
            Table("account", "accounts",
                ("accountid", "primarykey"), ("name", "nvarchar"), ("accountnumber", "nvarchar"), ("parentaccountid", "lookup"),
                ("primarycontactid", "lookup"), ("ownerid", "owner"), ("createdon", "datetime"), ("modifiedon", "datetime"),
                ("statecode", "state"), ("statuscode", "status"), ("revenue", "money"), ("revenue_base", "money"), ("numberofemployees", "int"),
                ("industrycode", "picklist"), ("customertypecode", "picklist"), ("accountcategorycode", "picklist"), ("creditlimit", "money"),
                ("creditlimit_base", "money"), ("transactioncurrencyid", "lookup"), ("exchangerate", "decimal"), ("versionnumber", "bigint"),
                ("createdby", "lookup"), ("modifiedby", "lookup"), ("owningbusinessunit", "lookup"), ("owningteam", "lookup"), ("owninguser", "lookup")),
            Table("opportunity", "opportunities",
                ("opportunityid", "primarykey"), ("name", "nvarchar"), ("parentaccountid", "lookup"), ("parentcontactid", "lookup"),
                ("customerid", "customer"), ("ownerid", "owner"), ("statecode", "state"), ("statuscode", "status"), ("estimatedvalue", "money"),
                ("estimatedvalue_base", "money"), ("actualvalue", "money"), ("actualvalue_base", "money"), ("estimatedclosedate", "datetime"),
                ("actualclosedate", "datetime"), ("closeprobability", "int"), ("discountamount", "money"), ("discountpercentage", "decimal"),
                ("totalamount", "money"), ("budgetamount", "money"), ("createdon", "datetime"), ("modifiedon", "datetime"),
                ("salesstage", "picklist"), ("stepname", "nvarchar"), ("opportunityratingcode", "picklist"), ("transactioncurrencyid", "lookup"),
                ("exchangerate", "decimal"), ("isrevenuesystemcalculated", "bit"), ("versionnumber", "bigint")),
            Table("opportunityclose", "opportunitycloses",
                ("activityid", "primarykey"), ("opportunityid", "lookup"), ("actualrevenue", "money"), ("actualend", "datetime"),
                ("subject", "nvarchar"), ("description", "ntext"), ("competitorid", "lookup"), ("statecode", "state"), ("statuscode", "status"),
                ("ownerid", "owner"), ("createdon", "datetime")),
            Table("contact", "contacts",
                ("contactid", "primarykey"), ("fullname", "nvarchar"), ("firstname", "nvarchar"), ("lastname", "nvarchar"),
                ("parentcustomerid", "customer"), ("accountrolecode", "picklist"), ("jobtitle", "nvarchar"), ("statecode", "state"),
                ("statuscode", "status"), ("ownerid", "owner"), ("createdon", "datetime"), ("modifiedon", "datetime"), ("accountid", "lookup"),
                ("parentcontactid", "lookup"), ("transactioncurrencyid", "lookup"), ("exchangerate", "decimal")),
            Table("systemuser", "systemusers",
                ("systemuserid", "primarykey"), ("fullname", "nvarchar"), ("firstname", "nvarchar"), ("lastname", "nvarchar"),
                ("businessunitid", "lookup"), ("isdisabled", "bit"), ("accessmode", "picklist")),
            Table("team", "teams", ("teamid", "primarykey"), ("name", "nvarchar")),
            Table("task", "tasks",
                ("activityid", "primarykey"), ("subject", "nvarchar"), ("description", "ntext"), ("scheduledend", "datetime"),
                ("regardingobjectid", "lookup"), ("ownerid", "owner"), ("prioritycode", "picklist"), ("statecode", "state"),
                ("statuscode", "status"), ("createdon", "datetime")),
            Table("role", "roles", ("roleid", "primarykey"), ("name", "nvarchar"), ("businessunitid", "lookup")),
            Table("systemuserroles", "systemuserrolescollection", ("systemuserroleid", "primarykey"), ("systemuserid", "uniqueidentifier"),
                ("roleid", "uniqueidentifier")),
            Table("environmentvariabledefinition", "environmentvariabledefinitions",
                ("environmentvariabledefinitionid", "primarykey"), ("schemaname", "nvarchar"), ("displayname", "nvarchar"),
                ("defaultvalue", "ntext"), ("type", "picklist"), ("description", "ntext"), ("isrequired", "bit"), ("valueschema", "ntext"),
                ("statecode", "state"), ("statuscode", "status")),
            Table("environmentvariablevalue", "environmentvariablevalues",
                ("environmentvariablevalueid", "primarykey"), ("value", "ntext"), ("environmentvariabledefinitionid", "lookup"),
                ("schemaname", "nvarchar"), ("statecode", "state"), ("statuscode", "status")),
        };
        var map = new Dictionary<string, StandardTable>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in tables)
        {
            map[table.LogicalName] = table;
        }

        return map;
    }
}
