using System;
using System.Linq;
using DataverseRelationship.SolutionModel;

namespace DataverseRelationship.SolutionPackager.Source;

// Plugin assemblies and custom APIs.
public static partial class SolutionValidator
{
    private sealed partial class Checker
    {
        private void PluginAssemblies()
        {
            foreach (var assembly in source.PluginAssemblies)
            {
                foreach (var duplicate in assembly.PluginTypes.GroupBy(t => t.TypeName, StringComparer.Ordinal).Where(g => g.Count() > 1))
                {
                    Add(FindingKind.MissingPluginType, assembly.File, $"plugin type {duplicate.Key} is registered more than once.");
                }

                foreach (var type in assembly.PluginTypes)
                {
                    if (!string.Equals(type.AssemblyQualifiedName, $"{type.TypeName}, {assembly.FullName}", StringComparison.Ordinal))
                    {
                        Add(FindingKind.MissingPluginType, assembly.File, $"plugin type {type.TypeName}: AssemblyQualifiedName '{type.AssemblyQualifiedName}' does not name the assembly '{assembly.FullName}'.");
                    }

                    ClrType(type.TypeName, assembly.File, $"plugin type registration {type.TypeName}");
                }

                if (code is not null)
                {
                    var actual = code.PluginAssembly.GetName();
                    var token = Convert.ToHexString(actual.GetPublicKeyToken() ?? []).ToLowerInvariant();
                    var expected = $"{actual.Name}, Version={actual.Version}, Culture=neutral, PublicKeyToken={(token.Length == 0 ? "null" : token)}";
                    if (!string.Equals(expected, assembly.FullName, StringComparison.OrdinalIgnoreCase))
                    {
                        Add(FindingKind.MissingPluginType, assembly.File, $"the registration names '{assembly.FullName}' but the built plugin assembly is '{expected}'.");
                    }
                }
            }
        }

        private void CustomApis()
        {
            var typeIds = source.PluginAssemblies.SelectMany(a => a.PluginTypes).ToDictionary(t => t.Id);
            foreach (var api in source.CustomApis)
            {
                var where = $"custom API {api.UniqueName}";
                if (api.PluginTypeId is not { } id || !typeIds.TryGetValue(id, out var type))
                {
                    Add(FindingKind.MissingPluginType, api.File, $"{where}: plugintypeid {api.PluginTypeId} is not a PluginType of any plugin assembly.");
                }
                else
                {
                    ClrType(type.TypeName, api.File, where);
                }

                if (api.BindingType is not (0 or 1 or 2))
                {
                    Add(FindingKind.InvalidCustomApi, api.File, $"{where}: bindingtype {api.BindingType} is not 0 (global), 1 (entity) or 2 (entity collection).");
                }
                else if (api.BindingType == 0 && api.BoundEntity is not null)
                {
                    Add(FindingKind.InvalidCustomApi, api.File, $"{where}: a global API has no bound entity, but names {api.BoundEntity}.");
                }
                else if (api.BindingType != 0 && (api.BoundEntity is null || !TableExists(api.BoundEntity)))
                {
                    Add(FindingKind.MissingTable, api.File, $"{where}: bound entity '{api.BoundEntity}' does not exist.");
                }

                // https://learn.microsoft.com/power-apps/developer/data-platform/custom-api#secure-your-custom-api-with-a-privilege
                if (api.ExecutePrivilegeName is null)
                {
                    Add(FindingKind.InvalidCustomApi, api.File, $"{where}: names no execute privilege (executeprivilegename), so any user may run it.");
                }
                else
                {
                    CheckPrivilegeName(api.ExecutePrivilegeName, api.File, where);
                }

                foreach (var field in api.RequestParameters.Concat(api.ResponseProperties))
                {
                    if (field.Type is < 0 or > 12)
                    {
                        Add(FindingKind.InvalidCustomApi, field.File, $"{where}: {field.Name} has type {field.Type}, which is not a custom API type (0-12).");
                    }
                }

                foreach (var duplicate in api.RequestParameters.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1)
                             .Concat(api.ResponseProperties.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1)))
                {
                    Add(FindingKind.InvalidCustomApi, api.File, $"{where}: {duplicate.Key} is defined more than once.");
                }
            }

            foreach (var name in code?.CustomApiNames ?? [])
            {
                if (!source.CustomApis.Any(a => a.UniqueName == name))
                {
                    Add(FindingKind.InvalidCustomApi, "customapis", $"custom API {name} is named by the code but customapis/{name}/customapi.xml is missing.");
                }
            }

            foreach (var field in code?.CustomApiFieldNames ?? [])
            {
                if (!source.CustomApis.Any(a => a.RequestParameters.Concat(a.ResponseProperties).Any(f => f.Name == field)))
                {
                    Add(FindingKind.InvalidCustomApi, "customapis", $"custom API parameter {field} is named by the code but no custom API defines it.");
                }
            }
        }
    }
}
