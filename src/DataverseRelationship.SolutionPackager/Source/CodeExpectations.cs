using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DataverseRelationship.SolutionModel;

namespace DataverseRelationship.SolutionPackager.Source;

/// <summary>
/// What the plugin code expects of the solution, read by reflection from the plugin assembly's schema classes
/// (namespace <c>*.Schema</c>: static classes with a <c>LogicalName</c> const, the Publisher class, the choice enums,
/// the custom API and environment variable names) and from its XML documentation, whose summaries give each column's type.
/// </summary>
public sealed partial record CodeExpectations(
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
    /// <summary>Reads the expectations from <paramref name="pluginAssembly"/> and the XML documentation file next to it.</summary>
    public static CodeExpectations FromPluginAssembly(Assembly pluginAssembly)
    {
        ArgumentNullException.ThrowIfNull(pluginAssembly);
        var docs = ReadDocumentation(pluginAssembly);
        var schemaTypes = pluginAssembly.GetTypes().Where(t => t.Namespace is { } ns && ns.EndsWith(".Schema", StringComparison.Ordinal)).ToList();

        var publisher = schemaTypes.FirstOrDefault(t => t.Name == "Publisher");
        var choices = new List<ExpectedChoice>();
        var choiceNameByEnum = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in schemaTypes.Where(t => t.IsEnum))
        {
            var summary = docs.TryGetValue("T:" + type.FullName, out var s) ? s.Text : "";
            var name = summary.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.TrimEnd('.', ':');
            if (name is null || !name.Contains('_', StringComparison.Ordinal))
            {
                continue;
            }

            choiceNameByEnum[type.FullName!] = name;
            var values = Enum.GetValues(type).Cast<object>()
                .Select(v => (Name: Enum.GetName(type, v)!, Value: Convert.ToInt32(v, CultureInfo.InvariantCulture))).ToList();
            choices.Add(new ExpectedChoice(name, type.Name, values.Select(v => v.Value).ToList()));
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
                        columns.Add(Expect(table, $"{type.Name}.{field.Name}", listed, null, choiceNameByEnum));
                    }

                    continue;
                }

                docs.TryGetValue($"F:{type.FullName}.{field.Name}", out var doc);
                columns.Add(Expect(table, $"{type.Name}.{field.Name}", logical, doc, choiceNameByEnum));
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

    private sealed record Summary(string Text, IReadOnlyList<string> Crefs);

    private static Dictionary<string, Summary> ReadDocumentation(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (string.IsNullOrEmpty(assembly.Location) || !File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The XML documentation of {assembly.GetName().Name} was not found at '{path}'; column types are read from it (GenerateDocumentationFile must stay on).", path);
        }

        var result = new Dictionary<string, Summary>(StringComparer.Ordinal);
        foreach (var member in XDocument.Load(path).Descendants("member"))
        {
            var summary = member.Element("summary");
            var name = member.Attribute("name")?.Value;
            if (summary is null || name is null)
            {
                continue;
            }

            var text = new StringBuilder();
            foreach (var node in summary.DescendantNodes())
            {
                if (node is XText t)
                {
                    text.Append(t.Value);
                }
                else if (node is XElement { Name.LocalName: "see" } see && see.Attribute("cref")?.Value is { } cref)
                {
                    text.Append(cref[(cref.LastIndexOf('.') + 1)..]);
                }
            }

            var crefs = summary.Descendants("see").Select(s => s.Attribute("cref")?.Value ?? "").Where(c => c.Length > 2).Select(c => c[2..]).ToList();
            result[name] = new Summary(Whitespace().Replace(text.ToString(), " ").Trim(), crefs);
        }

        return result;
    }

    private static ExpectedColumn Expect(string table, string member, string logical, Summary? doc, Dictionary<string, string> choiceNameByEnum)
    {
        var text = doc?.Text ?? "";
        var choice = doc?.Crefs.Select(c => choiceNameByEnum.TryGetValue(c, out var n) ? n : null).FirstOrDefault(n => n is not null);
        string? type = null;
        int? behavior = null;
        string? target = null;
        decimal? min = null, max = null;
        if (text.StartsWith("Multi-select choice", StringComparison.Ordinal))
        {
            type = "multiselectpicklist";
        }
        else if (text.StartsWith("Choice", StringComparison.Ordinal))
        {
            type = "picklist";
        }
        else if (text.StartsWith("Customer lookup", StringComparison.Ordinal))
        {
            type = "customer";
        }
        else if (text.StartsWith("Lookup", StringComparison.Ordinal))
        {
            type = "lookup";
            var match = LookupTarget().Match(text);
            target = match.Success ? match.Groups["target"].Value : null;
        }
        else if (text.StartsWith("Yes/no", StringComparison.Ordinal))
        {
            type = "bit";
        }
        else if (text.StartsWith("Date only", StringComparison.Ordinal))
        {
            type = "datetime";
            behavior = 2;
        }
        else if (text.StartsWith("Date and time", StringComparison.Ordinal))
        {
            type = "datetime";
        }
        else if (text.StartsWith("Money", StringComparison.Ordinal))
        {
            type = "money";
        }
        else if (text.StartsWith("Decimal", StringComparison.Ordinal))
        {
            type = "decimal";
            var match = DecimalRange().Match(text.Replace('\u2212', '-'));
            if (match.Success)
            {
                min = decimal.Parse(match.Groups["min"].Value, CultureInfo.InvariantCulture);
                max = decimal.Parse(match.Groups["max"].Value, CultureInfo.InvariantCulture);
            }
        }
        else if (text.StartsWith("Whole number", StringComparison.Ordinal))
        {
            type = "int";
        }
        else if (text.StartsWith("Multiple lines of text", StringComparison.Ordinal))
        {
            type = "ntext";
        }
        else if (text.StartsWith("Text", StringComparison.Ordinal))
        {
            type = "nvarchar";
        }

        return new ExpectedColumn(table, logical, member, type, type is "picklist" or "multiselectpicklist" ? choice : null, behavior, target, min, max);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^Lookup \((?<target>[a-z_]+)\)")]
    private static partial Regex LookupTarget();

    [GeneratedRegex(@"^Decimal (?<min>-?[0-9.]+?)(?:–|\.\.)(?<max>-?[0-9.]+)")]
    private static partial Regex DecimalRange();
}

/// <summary>A column the code names: on which table, from which const, and (when its summary says) its type, choice, date behavior, lookup target and range.</summary>
public sealed record ExpectedColumn(string Table, string LogicalName, string Member, string? Type, string? OptionSetName, int? DateTimeBehavior,
    string? LookupTarget, decimal? MinValue, decimal? MaxValue);

/// <summary>A choice enum of the code: the option set it stands for and its values.</summary>
public sealed record ExpectedChoice(string OptionSetName, string EnumName, IReadOnlyList<int> Values);
