using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using DataverseRelationship.SolutionModel;

namespace DataverseRelationship.SolutionPackager.Source;

// Environment variables, roles and field security profiles.
public static partial class SolutionValidator
{
    private sealed partial class Checker
    {
        private void Settings()
        {
            foreach (var variable in source.EnvironmentVariables)
            {
                var where = $"environment variable {variable.SchemaName}";
                if (variable.Type is < 100000000 or > 100000005)
                {
                    Add(FindingKind.InvalidSetting, variable.File, $"{where}: type {variable.Type} is not 100000000-100000005.");
                }

                if (variable.DefaultValue is { } value)
                {
                    if (value.Length > EnvironmentVariableDefaultValueMaxLength)
                    {
                        Add(FindingKind.InvalidSetting, variable.File, $"{where}: the default value has {value.Length} characters; at most {EnvironmentVariableDefaultValueMaxLength} fit.");
                    }

                    if (variable.Type == 100000003 && !IsJson(value, out var error))
                    {
                        Add(FindingKind.InvalidSetting, variable.File, $"{where}: type JSON but the default value is not valid JSON: {error}");
                    }
                }
            }

            foreach (var name in code?.EnvironmentVariableNames ?? [])
            {
                if (!source.EnvironmentVariables.Any(v => v.SchemaName == name))
                {
                    Add(FindingKind.InvalidSetting, "environmentvariabledefinitions", $"environment variable {name} is named by the code but not defined.");
                }
            }

            foreach (var id in code?.RoleIds ?? [])
            {
                if (!source.Roles.Any(r => r.Id == id))
                {
                    Add(FindingKind.InvalidSetting, "Roles", $"security role id {id} is named by the code but no role in Roles/ has it.");
                }
            }

            foreach (var role in source.Roles)
            {
                foreach (var privilege in role.Privileges)
                {
                    CheckPrivilegeName(privilege, role.File, $"security role '{role.Name}'");
                }
            }

            foreach (var name in code?.RoleNames ?? [])
            {
                if (!source.Roles.Any(r => r.Name == name))
                {
                    Add(FindingKind.InvalidSetting, "Roles", $"security role '{name}' is named by the code but Roles/ does not define it.");
                }
            }

            var permitted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var profile in source.FieldSecurityProfiles)
            {
                foreach (var permission in profile.Permissions)
                {
                    permitted.Add($"{permission.Table}.{permission.Column}");
                    var column = source.FindTable(permission.Table)?.FindColumn(permission.Column);
                    if (column is null)
                    {
                        Add(FindingKind.MissingColumn, profile.File, $"field security profile '{profile.Name}': column {permission.Table}.{permission.Column} does not exist.");
                    }
                    else if (!column.IsSecured)
                    {
                        Add(FindingKind.InvalidSetting, profile.File, $"field security profile '{profile.Name}': column {permission.Table}.{permission.Column} is not IsSecured.");
                    }
                }
            }

            foreach (var column in source.Tables.SelectMany(t => t.Columns).Where(c => c.IsSecured && !permitted.Contains($"{c.Table}.{c.LogicalName}")))
            {
                Add(FindingKind.InvalidSetting, column.File, $"column {column.Table}.{column.LogicalName} is IsSecured but no field security profile grants it.");
            }
        }

        /// <summary>A table privilege (prv + Create, Read, Write, Delete, Append, AppendTo, Assign or Share + the table) must name a table that exists.</summary>
        private void CheckPrivilegeName(string privilege, string file, string where)
        {
            var match = TablePrivilegePattern().Match(privilege);
            if (match.Success && !TableExists(match.Groups["table"].Value.ToLowerInvariant()))
            {
                Add(FindingKind.MissingTable, file, $"{where}: privilege {privilege} names table {match.Groups["table"].Value}, which neither the solution nor the standard tables define.");
            }
        }

        private static bool IsJson(string value, out string error)
        {
            try
            {
                using var document = JsonDocument.Parse(value);
                error = "";
                return true;
            }
            catch (JsonException ex)
            {
                error = ex.Message;
                return false;
            }
        }
    }
}
