using System;
using System.Linq;
using System.Reflection;
using DataverseRelationship.SolutionModel;

namespace DataverseRelationship.SolutionPackager.Source;

// Steps, their images and the plugin types they run.
public static partial class SolutionValidator
{
    private sealed partial class Checker
    {
        private void Steps()
        {
            var types = source.PluginAssemblies.SelectMany(a => a.PluginTypes.Select(t => (Assembly: a, Type: t))).ToList();
            foreach (var step in source.Steps)
            {
                var where = $"step '{step.Name}'";
                if (!TableExists(step.PrimaryEntity))
                {
                    Add(FindingKind.MissingTable, step.File, $"{where}: PrimaryEntity {step.PrimaryEntity} does not exist.");
                }

                if (step.MessageName is null)
                {
                    Add(FindingKind.InvalidStep, step.File, $"{where}: the message is neither a known SdkMessageId nor named as '<type>: <Message> of <table>'.");
                }

                if (step.Stage is not (10 or 20 or 40))
                {
                    Add(FindingKind.InvalidStep, step.File, $"{where}: Stage {step.Stage} is not 10, 20 or 40.");
                }

                if (step.Mode is not (0 or 1) || (step.Mode == 1 && step.Stage != 40))
                {
                    Add(FindingKind.InvalidStep, step.File, $"{where}: Mode {step.Mode} is not valid at stage {step.Stage} (asynchronous steps run at stage 40 only).");
                }

                if (step.FilteringAttributes.Count > 0 && step.MessageName != "Update")
                {
                    Add(FindingKind.InvalidStep, step.File, $"{where}: filtering attributes apply to Update only.");
                }

                foreach (var column in step.FilteringAttributes.Where(c => !ColumnExists(step.PrimaryEntity, c)))
                {
                    Add(FindingKind.MissingColumn, step.File, $"{where}: filtering attribute {step.PrimaryEntity}.{column} does not exist.");
                }

                foreach (var image in step.Images)
                {
                    Image(step, image, where);
                }

                var registered = types.FirstOrDefault(t => t.Type.Id == step.PluginTypeId);
                if (registered.Type is null)
                {
                    Add(FindingKind.MissingPluginType, step.File, $"{where}: PluginTypeId {step.PluginTypeId} is not a PluginType of any plugin assembly.");
                }
                else
                {
                    if (!string.Equals(registered.Type.TypeName, step.PluginClrTypeName, StringComparison.Ordinal))
                    {
                        Add(FindingKind.MissingPluginType, step.File, $"{where}: PluginTypeName names {step.PluginClrTypeName} but PluginTypeId {step.PluginTypeId} is {registered.Type.TypeName}.");
                    }

                    var assemblyPart = step.PluginTypeName.Contains(',', StringComparison.Ordinal) ? step.PluginTypeName[(step.PluginTypeName.IndexOf(',', StringComparison.Ordinal) + 1)..].Trim() : null;
                    if (assemblyPart is not null && !string.Equals(assemblyPart, registered.Assembly.FullName, StringComparison.Ordinal))
                    {
                        Add(FindingKind.MissingPluginType, step.File, $"{where}: PluginTypeName names assembly '{assemblyPart}' but the registration is '{registered.Assembly.FullName}'.");
                    }
                }

                ClrType(step.PluginClrTypeName, step.File, where);
                ImagesTheCodeReads(step, where);
                ColumnsTheCodeNeeds(step, where);
            }
        }

        /// <summary>A plugin type that declares <c>PreImageAlias</c> (or <c>PostImageAlias</c>) reads that image: its Update and Delete
        /// steps (its stage 40 Create and Update steps) must register it under that alias.</summary>
        private void ImagesTheCodeReads(StepDefinition step, string where)
        {
            var type = code?.PluginAssembly.GetType(step.PluginClrTypeName, throwOnError: false);
            if (type is null)
            {
                return;
            }

            foreach (var (field, isPre) in new[] { ("PreImageAlias", true), ("PostImageAlias", false) })
            {
                if (type.GetField(field, BindingFlags.Public | BindingFlags.Static) is not { IsLiteral: true } constant
                    || constant.GetRawConstantValue() is not string alias)
                {
                    continue;
                }

                var applies = isPre ? step.MessageName is "Update" or "Delete" : step.Stage == 40 && step.MessageName is "Create" or "Update";
                var registered = step.Images.Any(i => i.Alias == alias && (isPre ? i.ImageType is 0 or 2 : i.ImageType is 1 or 2));
                if (applies && !registered)
                {
                    Add(FindingKind.InvalidStep, step.File, $"{where}: {type.Name} reads the {(isPre ? "pre" : "post")}-image '{alias}' ({type.Name}.{field}) but the step does not register it.");
                }
            }
        }

        /// <summary>
        /// A plugin type declares (as consts the validator reads) <c>TriggerColumns</c>, the columns whose change it must react to,
        /// and <c>PreImageColumns</c>, the columns it reads from its pre-image. An Update step with filtering attributes fires only
        /// when one of them changes (https://learn.microsoft.com/power-apps/developer/data-platform/best-practices/business-logic/include-filtering-attributes-plugin-registration),
        /// and an image holds only the attributes it lists: a missing one makes the plugin silently ignore that column.
        /// </summary>
        private void ColumnsTheCodeNeeds(StepDefinition step, string where)
        {
            var type = code?.PluginAssembly.GetType(step.PluginClrTypeName, throwOnError: false);
            if (type is null)
            {
                return;
            }

            if (step.MessageName == "Update" && step.FilteringAttributes.Count > 0 && Declared(type, "TriggerColumns") is { } triggers)
            {
                foreach (var column in triggers.Where(c => !step.FilteringAttributes.Contains(c, StringComparer.OrdinalIgnoreCase)))
                {
                    Add(FindingKind.InvalidStep, step.File,
                        $"{where}: <FilteringAttributes> lacks {column}, which {type.Name}.TriggerColumns says the plugin reacts to; a change of {column} alone would not run it.");
                }
            }

            foreach (var (prefix, isPre) in new[] { ("Pre", true), ("Post", false) })
            {
                var alias = type.GetField(prefix + "ImageAlias", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
                var applies = isPre ? step.MessageName is "Update" or "Delete" : step.Stage == 40 && step.MessageName is "Create" or "Update";
                if (applies && Declared(type, prefix + "ImageColumns") is { } needed
                    && step.Images.FirstOrDefault(i => i.Alias == alias && (isPre ? i.ImageType is 0 or 2 : i.ImageType is 1 or 2)) is { } image && image.Attributes.Count > 0)
                {
                    foreach (var column in needed.Where(c => !image.Attributes.Contains(c, StringComparer.OrdinalIgnoreCase)))
                    {
                        Add(FindingKind.InvalidStep, step.File,
                            $"{where}, image '{image.Alias}': <Attributes> lacks {column}, which {type.Name}.{prefix}ImageColumns says the plugin reads from the {prefix.ToLowerInvariant()}-image.");
                    }
                }
            }
        }

        private static string[]? Declared(Type type, string field) =>
            type.GetField(field, BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } constant && constant.GetRawConstantValue() is string list
                ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : null;

        private void Image(StepDefinition step, StepImageDefinition image, string where)
        {
            var name = $"{where}, image '{image.Alias}'";
            if (image.Alias.Length == 0)
            {
                Add(FindingKind.InvalidStep, step.File, $"{where}: an image has no EntityAlias.");
            }

            if (image.ImageType is < 0 or > 2)
            {
                Add(FindingKind.InvalidStep, step.File, $"{name}: ImageType {image.ImageType} is not 0 (pre), 1 (post) or 2 (both).");
            }

            var expectedProperty = step.MessageName switch
            {
                "Create" => "id",
                "Update" or "Delete" => "Target",
                _ => null,
            };
            if (expectedProperty is null)
            {
                Add(FindingKind.InvalidStep, step.File, $"{name}: images are supported on Create, Update and Delete only, not {step.MessageName}.");
            }
            else if (!string.Equals(image.MessagePropertyName, expectedProperty, StringComparison.OrdinalIgnoreCase))
            {
                Add(FindingKind.InvalidStep, step.File, $"{name}: MessagePropertyName is '{image.MessagePropertyName}'; {step.MessageName} images use '{expectedProperty}'.");
            }

            var hasPre = image.ImageType is 0 or 2;
            var hasPost = image.ImageType is 1 or 2;
            if (hasPre && step.MessageName == "Create")
            {
                Add(FindingKind.InvalidStep, step.File, $"{name}: a Create step has no pre-image.");
            }

            if (hasPost && (step.MessageName == "Delete" || step.Stage != 40))
            {
                Add(FindingKind.InvalidStep, step.File, $"{name}: post-images exist only at stage 40 and not on Delete.");
            }

            foreach (var column in image.Attributes.Where(c => !ColumnExists(step.PrimaryEntity, c)))
            {
                Add(FindingKind.MissingColumn, step.File, $"{name}: image attribute {step.PrimaryEntity}.{column} does not exist.");
            }
        }

        private void ClrType(string typeName, string file, string where)
        {
            if (code is null)
            {
                return;
            }

            var type = code.PluginAssembly.GetType(typeName, throwOnError: false);
            if (type is null)
            {
                Add(FindingKind.MissingPluginType, file, $"{where}: plugin type {typeName} does not exist in {code.PluginAssembly.GetName().Name}.");
                return;
            }

            if (!type.IsPublic || !type.IsClass || type.IsAbstract)
            {
                Add(FindingKind.InvalidPluginType, file, $"{where}: plugin type {typeName} must be a public, non-abstract class.");
            }

            if (!type.GetInterfaces().Any(i => i.FullName == "Microsoft.Xrm.Sdk.IPlugin"))
            {
                Add(FindingKind.InvalidPluginType, file, $"{where}: plugin type {typeName} does not implement Microsoft.Xrm.Sdk.IPlugin.");
            }

            var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
            var usable = constructors.Any(c => c.GetParameters().Length == 0)
                || constructors.Any(c => c.GetParameters() is { Length: 2 } p && p.All(x => x.ParameterType == typeof(string)));
            if (!usable)
            {
                Add(FindingKind.InvalidPluginType, file, $"{where}: plugin type {typeName} needs a public parameterless or (string unsecureConfig, string secureConfig) constructor.");
            }
        }
    }
}
