using System;
using System.Collections.Generic;
using System.Linq;

namespace DataverseRelationship.SolutionModel;

/// <summary>environmentvariabledefinitions/&lt;schema&gt;/environmentvariabledefinition.xml.</summary>
public sealed record EnvironmentVariableDefinition(string File, string SchemaName, int Type, string? DefaultValue, string? DisplayName = null);

/// <summary>Roles/&lt;name&gt;.xml: a security role and the privileges it grants.</summary>
public sealed record RoleDefinition(string File, Guid Id, string Name, IReadOnlyList<RolePrivilege> Grants)
{
    /// <summary>The names of the privileges granted (prvReadAccount, ...).</summary>
    public IReadOnlyList<string> Privileges => Grants.Select(g => g.Name).ToList();
}

/// <summary>One RolePrivilege: the privilege's name and its depth (Basic, Local, Deep or Global).</summary>
public sealed record RolePrivilege(string Name, string Level);

/// <summary>A field security profile in Customizations.xml and the columns it grants.</summary>
public sealed record FieldSecurityProfileDefinition(string File, Guid Id, string Name, IReadOnlyList<FieldPermissionDefinition> Permissions);

/// <summary>One field permission of a field security profile.</summary>
public sealed record FieldPermissionDefinition(string Table, string Column);
