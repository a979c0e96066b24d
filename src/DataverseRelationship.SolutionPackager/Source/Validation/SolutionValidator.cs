using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using DataverseRelationship.SolutionModel;

namespace DataverseRelationship.SolutionPackager.Source;

/// <summary>
/// Checks an unpacked solution for inconsistencies: within itself (ids, choices, root components, what steps, forms,
/// views and flows name) and, when <see cref="CodeExpectations"/> are given, against the plugin code (columns and types
/// the schema classes name, choice enums, plugin types that the platform can instantiate).
/// </summary>
public static partial class SolutionValidator
{
    /// <summary>The environment variable definition's default value holds at most this many characters (Memo, MaxLength 2000).</summary>
    public const int EnvironmentVariableDefaultValueMaxLength = 2000;

    private static readonly HashSet<string> ChoiceOptionSetTypes = new(StringComparer.OrdinalIgnoreCase) { "picklist" };

    /// <summary>Reads <paramref name="rootDirectory"/> and validates it; see <see cref="Validate(SolutionSource, CodeExpectations?)"/>.</summary>
    public static IReadOnlyList<ValidationFinding> Validate(string rootDirectory, CodeExpectations? code) =>
        Validate(SolutionSourceReader.Read(rootDirectory), code);

    /// <summary>Every inconsistency found, in a stable order; empty when the solution is consistent.</summary>
    public static IReadOnlyList<ValidationFinding> Validate(SolutionSource source, CodeExpectations? code)
    {
        ArgumentNullException.ThrowIfNull(source);
        var check = new Checker(source, code);
        check.All();
        return [.. source.ReadFindings, .. check.Findings];
    }

    private sealed partial class Checker(SolutionSource source, CodeExpectations? code)
    {
        public List<ValidationFinding> Findings { get; } = [];

        private string Prefix => source.Manifest?.CustomizationPrefix is { Length: > 0 } p ? p : code?.CustomizationPrefix ?? "";

        private void Add(FindingKind kind, string file, string message) => Findings.Add(new ValidationFinding(kind, file, message));

        public void All()
        {
            DuplicateIds();
            Manifest();
            RootComponents();
            OptionSets();
            Columns();
            CodeColumns();
            Steps();
            PluginAssemblies();
            CustomApis();
            Forms();
            Views();
            Flows();
            Settings();
        }

        // -------------------------------------------------------------- lookups

        /// <summary>The whole schema: the standard tables (<see cref="StandardTables"/>) with the solution's columns, and the solution's tables.</summary>
        private readonly SolutionSchema _schema = SolutionSchema.Of(source);

        private bool TableExists(string table) => _schema.FindTable(table) is not null;

        /// <summary>The column's type as solution XML names it, or null when the table has no such column.</summary>
        private string? ColumnType(string table, string column) => _schema.FindColumn(table, column)?.Type;

        private string? TableForEntitySet(string entitySet) => _schema.TableForEntitySet(entitySet);

        private bool ColumnExists(string table, string column) => ColumnType(table, column) is not null;
    }


    [GeneratedRegex(@"^prv(AppendTo|Append|Create|Read|Write|Delete|Assign|Share)(?<table>[A-Za-z][A-Za-z0-9_]*)$")]
    private static partial Regex TablePrivilegePattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+\.\d+$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]{1,7}$")]
    private static partial Regex PrefixPattern();
}
