using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace DataverseRelationship.LocalDataverse.Schema;

/// <summary>The tables the local Dataverse knows: the standard ones the project touches plus every table and column in solution/src.</summary>
public sealed class SchemaCatalog
{
    private readonly Dictionary<string, TableMetadata> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<int>> _globalChoices = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<CascadeDeleteRule> _cascades = [];

    private SchemaCatalog()
    {
    }

    /// <summary>The standard tables only.</summary>
    public static SchemaCatalog Standard()
    {
        var catalog = new SchemaCatalog();
        foreach (var table in StandardTables.All())
        {
            catalog._tables.Add(table.LogicalName, table);
        }

        catalog._cascades.AddRange(StandardTables.CascadeDeletes());
        return catalog;
    }

    /// <summary>The delete behaviour of every relationship the local Dataverse knows (standard ones and the solution's).</summary>
    public IReadOnlyList<CascadeDeleteRule> CascadeDeletes => _cascades;

    public IEnumerable<TableMetadata> Tables => _tables.Values;

    public bool HasTable(string logicalName) => _tables.ContainsKey(logicalName);

    public TableMetadata? FindTable(string logicalName) => _tables.GetValueOrDefault(logicalName);

    /// <summary>The table, or a platform error naming it.</summary>
    public TableMetadata GetTable(string? logicalName)
    {
        if (string.IsNullOrEmpty(logicalName))
        {
            throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, "The table (entity logical name) is required.");
        }

        return FindTable(logicalName) ?? throw new DataverseFaultException(
            PlatformErrorCodes.QueryBuilderNoAttribute,
            $"Could not find an entity with the logical name '{logicalName}' in the metadata.");
    }

    /// <summary>Adds a table (or replaces the one of the same name).</summary>
    public void AddTable(TableMetadata table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _tables[table.LogicalName] = table;
    }

    /// <summary>
    /// Reads every <c>Entities/&lt;Name&gt;/Entity.xml</c> of an unpacked (pac format) solution: columns of a standard
    /// table are added to it; a new table gets its columns plus the system columns every custom table has.
    /// </summary>
    public void LoadSolutionEntities(string solutionFolder)
    {
        LoadGlobalChoices(Path.Combine(solutionFolder, "OptionSets"));
        var entitiesFolder = Path.Combine(solutionFolder, "Entities");
        if (!Directory.Exists(entitiesFolder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(entitiesFolder, "Entity.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            LoadEntityXml(file);
        }

        LoadRelationships(Path.Combine(solutionFolder, "Other", "Relationships"));
    }

    /// <summary>Global choices (<c>OptionSets/&lt;name&gt;.xml</c>): the option values each accepts.</summary>
    private void LoadGlobalChoices(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal))
        {
            XElement root;
            try
            {
                root = XDocument.Load(file).Root ?? throw new SolutionRegistrationException($"{file}: empty document.");
            }
            catch (System.Xml.XmlException ex)
            {
                throw new SolutionRegistrationException($"{file}: not well-formed XML ({ex.Message}).", ex);
            }

            var name = root.Attribute("Name")?.Value ?? Path.GetFileNameWithoutExtension(file);
            _globalChoices[name] = OptionValues(file, root);
        }
    }

    private static HashSet<int> OptionValues(string file, XElement optionSet)
    {
        var values = new HashSet<int>();
        foreach (var option in optionSet.Element("options")?.Elements("option") ?? [])
        {
            var text = option.Attribute("value")?.Value;
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                throw new SolutionRegistrationException($"{file}: option value '{text}' of choice '{optionSet.Attribute("Name")?.Value}' is not a whole number.");
            }

            values.Add(value);
        }

        return values;
    }

    /// <summary>
    /// A custom lookup's target table is not in Entity.xml but in its one-to-many relationship
    /// (<c>Other/Relationships/&lt;Table&gt;.xml</c>: ReferencingEntityName, ReferencingAttributeName, ReferencedEntityName).
    /// </summary>
    private void LoadRelationships(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal))
        {
            XDocument document;
            try
            {
                document = XDocument.Load(file);
            }
            catch (System.Xml.XmlException ex)
            {
                throw new SolutionRegistrationException($"{file}: not well-formed XML ({ex.Message}).", ex);
            }

            foreach (var relationship in document.Descendants("EntityRelationship"))
            {
                if (!string.Equals(relationship.Element("EntityRelationshipType")?.Value.Trim(), "OneToMany", StringComparison.Ordinal))
                {
                    continue;
                }

                var referencing = relationship.Element("ReferencingEntityName")?.Value.Trim().ToLowerInvariant();
                var referenced = relationship.Element("ReferencedEntityName")?.Value.Trim().ToLowerInvariant();
                var attribute = relationship.Element("ReferencingAttributeName")?.Value.Trim().ToLowerInvariant();
                if (referencing == null || referenced == null || attribute == null)
                {
                    throw new SolutionRegistrationException($"{file}: relationship '{relationship.Attribute("Name")?.Value}' lacks ReferencingEntityName, ReferencedEntityName or ReferencingAttributeName.");
                }

                var column = FindTable(referencing)?.FindColumn(attribute);
                if (column == null)
                {
                    throw new SolutionRegistrationException($"{file}: relationship '{relationship.Attribute("Name")?.Value}' names column '{attribute}' of '{referencing}', which no Entity.xml defines.");
                }

                var cascadeDelete = relationship.Element("CascadeDelete")?.Value.Trim();
                if (!string.IsNullOrEmpty(cascadeDelete))
                {
                    var name = relationship.Attribute("Name")?.Value ?? attribute;
                    CascadeDeleteBehavior behavior;
                    try
                    {
                        behavior = CascadeDeleteRule.Parse(cascadeDelete, $"{file}: relationship '{name}'");
                    }
                    catch (ArgumentException ex)
                    {
                        throw new SolutionRegistrationException(ex.Message, ex);
                    }

                    _cascades.RemoveAll(c => c.ReferencingTable == referencing && c.ReferencingColumn == attribute && c.ReferencedTable == referenced);
                    _cascades.Add(new CascadeDeleteRule(name, referencing, attribute, referenced, behavior, file));
                }

                if (column.Type == ColumnType.Lookup && !column.Targets.Contains(referenced, StringComparer.Ordinal))
                {
                    FindTable(referencing)!.AddColumn(new ColumnMetadata(column.LogicalName, column.Type)
                    {
                        Targets = [.. column.Targets, referenced],
                        IsPlatformSet = column.IsPlatformSet,
                    });
                }
            }
        }
    }

    private void LoadEntityXml(string file)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(file);
        }
        catch (System.Xml.XmlException ex)
        {
            throw new SolutionRegistrationException($"{file}: not well-formed XML ({ex.Message}).", ex);
        }

        var root = document.Root ?? throw new SolutionRegistrationException($"{file}: empty document.");
        var entityElement = root.Descendants("entity").FirstOrDefault(e => e.Attribute("Name") != null);
        var tableName = (entityElement?.Attribute("Name")?.Value ?? root.Element("Name")?.Value)?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(tableName))
        {
            throw new SolutionRegistrationException($"{file}: the table name is missing (EntityInfo/entity@Name or Name).");
        }

        var attributes = (entityElement ?? root).Descendants("attributes").Elements("attribute").ToList();
        var existing = FindTable(tableName);
        TableMetadata table;
        if (existing != null)
        {
            table = existing;
        }
        else
        {
            var primaryKey = attributes.FirstOrDefault(a => string.Equals(a.Element("Type")?.Value.Trim(), "primarykey", StringComparison.OrdinalIgnoreCase));
            var primaryIdColumn = primaryKey?.Element("LogicalName")?.Value.Trim().ToLowerInvariant() ?? tableName + "id";
            table = new TableMetadata(tableName, primaryIdColumn);
        }

        foreach (var attribute in attributes)
        {
            var column = ReadColumn(file, tableName, attribute);
            if (column == null || column.LogicalName == table.PrimaryIdColumn)
            {
                continue;
            }

            if (column.Type == ColumnType.Currency && !column.LogicalName.EndsWith("_base", StringComparison.Ordinal))
            {
                table.WithMoney(column.LogicalName, column.MinValue, column.MaxValue);
            }
            else
            {
                table.AddColumn(column);
            }
        }

        if (existing == null)
        {
            StandardTables.WithCustomTableSystemColumns(table);
            if (!table.HasColumn("exchangerate") && table.Columns.Any(c => c.Type == ColumnType.Currency))
            {
                table.AddColumn(new ColumnMetadata("transactioncurrencyid", ColumnType.Lookup) { Targets = ["transactioncurrency"] });
                table.AddColumn(new ColumnMetadata("exchangerate", ColumnType.DecimalNumber) { IsPlatformSet = true });
            }

            AddTable(table);
        }
    }

    private ColumnMetadata? ReadColumn(string file, string tableName, XElement attribute)
    {
        var physicalName = attribute.Attribute("PhysicalName")?.Value;
        var logicalName = (attribute.Element("LogicalName")?.Value ?? physicalName)?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(logicalName))
        {
            throw new SolutionRegistrationException($"{file}: an attribute of '{tableName}' has neither LogicalName nor PhysicalName.");
        }

        var typeText = attribute.Element("Type")?.Value ?? string.Empty;
        if (typeText.Trim().Equals("virtual", StringComparison.OrdinalIgnoreCase)
            || typeText.Trim().Equals("partylist", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var type = ColumnTypes.FromSolutionType(typeText)
            ?? throw new SolutionRegistrationException($"{file}: column '{logicalName}' of '{tableName}' has the unsupported type '{typeText}'.");
        IReadOnlySet<int>? allowed = null;
        if (type is ColumnType.Choice or ColumnType.Choices)
        {
            var globalName = attribute.Element("OptionSetName")?.Value.Trim();
            var local = attribute.Element("optionset");
            if (!string.IsNullOrEmpty(globalName))
            {
                allowed = _globalChoices.TryGetValue(globalName, out var values)
                    ? values
                    : throw new SolutionRegistrationException($"{file}: column '{logicalName}' of '{tableName}' uses the choice '{globalName}', which OptionSets/ does not define.");
            }
            else if (local?.Element("options") != null)
            {
                allowed = OptionValues(file, local);
            }
        }

        var behavior = ReadInt(attribute, "Behavior");
        var format = attribute.Element("Format")?.Value.Trim();
        return new ColumnMetadata(logicalName, type)
        {
            Targets = type switch
            {
                ColumnType.Owner => ["systemuser", "team"],
                ColumnType.Customer => ["account", "contact"],
                _ => [],
            },
            AllowedValues = allowed,
            MinValue = ReadDecimal(attribute, "MinValue"),
            MaxValue = ReadDecimal(attribute, "MaxValue"),
            MaxLength = ReadInt(attribute, "MaxLength") ?? ReadInt(attribute, "Length"),
            DateBehavior = behavior is 2 || (behavior == null && string.Equals(format, "date", StringComparison.OrdinalIgnoreCase))
                ? DateBehavior.DateOnly
                : behavior is 3 ? DateBehavior.TimeZoneIndependent : DateBehavior.UserLocal,
        };
    }

    private static decimal? ReadDecimal(XElement attribute, string name) =>
        decimal.TryParse(attribute.Element(name)?.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int? ReadInt(XElement attribute, string name) =>
        int.TryParse(attribute.Element(name)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
