using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace DataverseRelationship.SolutionPackager.Source;

/// <summary>
/// What the plugin code expects of the solution, read by reflection from the plugin assembly's schema classes
/// (namespace <c>*.Schema</c>: static classes with a <c>LogicalName</c> const, the Publisher class, the choice enums
/// marked <c>[SolutionChoice]</c>, the custom API and environment variable names). A column's type, range, choice,
/// target and date behaviour are what its <c>[SolutionColumn]</c> says (stamped by <see cref="SchemaCode"/> from the
/// solution): a solution changed after the code was generated disagrees with it.
/// </summary>
public sealed record CodeExpectations(
    Assembly PluginAssembly,
    string? PublisherUniqueName,
    string? CustomizationPrefix,
    int? OptionValuePrefix,
    IReadOnlyList<ExpectedColumn> Columns,
    IReadOnlyList<ExpectedChoice> Choices,
    IReadOnlyList<string> CustomApiNames,
    IReadOnlyList<string> CustomApiFieldNames,
    IReadOnlyList<string> EnvironmentVariableNames,
    IReadOnlyList<string> RoleNames,
    IReadOnlyList<Guid>? RoleIds = null)
{
    /// <summary>Reads the expectations from <paramref name="pluginAssembly"/>.</summary>
    public static CodeExpectations FromPluginAssembly(Assembly pluginAssembly)
    {
        ArgumentNullException.ThrowIfNull(pluginAssembly);
        var schemaTypes = pluginAssembly.GetTypes().Where(t => t.Namespace is { } ns && ns.EndsWith(".Schema", StringComparison.Ordinal)).ToList();

        var publisher = schemaTypes.FirstOrDefault(t => t.Name == "Publisher");
        var choices = new List<ExpectedChoice>();
        foreach (var type in schemaTypes.Where(t => t.IsEnum))
        {
            var name = AttributeArgument(type.GetCustomAttributesData(), "SolutionChoiceAttribute");
            if (name is null)
            {
                continue;
            }

            var values = Enum.GetValues(type).Cast<object>().Select(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)).ToList();
            choices.Add(new ExpectedChoice(name, type.Name, values));
        }

        var columns = new List<ExpectedColumn>();
        foreach (var type in schemaTypes.Where(t => t.IsClass && t.IsAbstract && t.IsSealed))
        {
            var table = ConstValue(type, "LogicalName");
            if (table is null)
            {
                continue;
            }

            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
            {
                if (field.Name == "LogicalName")
                {
                    continue;
                }

                var logical = (string)field.GetRawConstantValue()!;
                if (logical.Contains(','))
                {
                    // A column list (e.g. AccountTable.Computed): every column in it must be one the solution defines.
                    foreach (var listed in logical.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        columns.Add(new ExpectedColumn(table, listed, $"{type.Name}.{field.Name}", null, null, null, null, null, null));
                    }

                    continue;
                }

                columns.Add(Expect(table, $"{type.Name}.{field.Name}", logical, field.GetCustomAttributesData()));
            }
        }

        var apis = schemaTypes.FirstOrDefault(t => t.Name == "CustomApis");
        var apiConsts = apis is null ? [] : StringConsts(apis);
        var variables = schemaTypes.FirstOrDefault(t => t.Name == "EnvironmentVariables");
        var security = schemaTypes.FirstOrDefault(t => t.Name == "SecurityTables");

        return new CodeExpectations(pluginAssembly,
            publisher is null ? null : ConstValue(publisher, "UniqueName"),
            publisher is null ? null : ConstValue(publisher, "CustomizationPrefix"),
            publisher?.GetField("OptionValuePrefix")?.GetRawConstantValue() as int?,
            columns, choices,
            apiConsts.Where(c => !c.Name.EndsWith("Parameter", StringComparison.Ordinal)).Select(c => c.Value).ToList(),
            apiConsts.Where(c => c.Name.EndsWith("Parameter", StringComparison.Ordinal)).Select(c => c.Value).ToList(),
            variables is null ? [] : StringConsts(variables).Where(c => c.Name.EndsWith("SchemaName", StringComparison.Ordinal) && c.Name != "DefinitionSchemaName").Select(c => c.Value).ToList(),
            security is null ? [] : StringConsts(security).Where(c => c.Name.Length > "Role".Length && c.Name.EndsWith("Role", StringComparison.Ordinal)).Select(c => c.Value).ToList(),
            security is null ? [] : StringConsts(security).Where(c => c.Name.EndsWith("RoleId", StringComparison.Ordinal) && Guid.TryParse(c.Value, out _)).Select(c => Guid.Parse(c.Value)).ToList());
    }

    private static List<(string Name, string Value)> StringConsts(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!)).ToList();

    private static string? ConstValue(Type type, string name) =>
        type.GetField(name, BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field ? field.GetRawConstantValue() as string : null;

    /// <summary>The first constructor argument of the attribute named <paramref name="attributeName"/>, or null.</summary>
    private static string? AttributeArgument(IEnumerable<CustomAttributeData> attributes, string attributeName) =>
        attributes.FirstOrDefault(a => a.AttributeType.Name == attributeName)?.ConstructorArguments.FirstOrDefault().Value as string;

    /// <summary>What <c>[SolutionColumn]</c> on the constant says; type null (not checked) when the constant carries none.</summary>
    private static ExpectedColumn Expect(string table, string member, string logical, IList<CustomAttributeData> attributes)
    {
        var column = attributes.FirstOrDefault(a => a.AttributeType.Name == "SolutionColumnAttribute");
        if (column is null)
        {
            return new ExpectedColumn(table, logical, member, null, null, null, null, null, null);
        }

        var type = column.ConstructorArguments[0].Value as string;
        object? Named(string name) => column.NamedArguments.FirstOrDefault(n => n.MemberName == name).TypedValue.Value;
        decimal? min = null, max = null;
        if (Named("Range") is string range)
        {
            var parts = range.Split("..", 2);
            min = decimal.Parse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture);
            max = decimal.Parse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return new ExpectedColumn(table, logical, member, type, Named("Choice") as string, Named("DateOnly") is true ? 2 : null, Named("Target") as string, min, max);
    }
}

/// <summary>A column the code names: on which table, from which const, and (when its summary says) its type, choice, date behavior, lookup target and range.</summary>
public sealed record ExpectedColumn(string Table, string LogicalName, string Member, string? Type, string? OptionSetName, int? DateTimeBehavior,
    string? LookupTarget, decimal? MinValue, decimal? MaxValue);

/// <summary>A choice enum of the code: the option set it stands for and its values.</summary>
public sealed record ExpectedChoice(string OptionSetName, string EnumName, IReadOnlyList<int> Values);
