using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.DataSets.ConfigurationMigration;

/// <summary>
/// Streams data.xml (XmlReader, one record at a time) into account, contact and opportunity rows typed by the
/// schema. Records of other tables are skipped; columns Tables.cs does not name are checked, then dropped.
/// </summary>
public sealed class CmtDataReader
{
    private readonly CmtSchema _schema;
    private readonly string _file;
    private readonly ProblemLog _problems;

    public CmtDataReader(CmtSchema schema, string file, ProblemLog problems)
    {
        _schema = schema ?? throw new ArgumentNullException(nameof(schema));
        _file = file ?? throw new ArgumentNullException(nameof(file));
        _problems = problems ?? throw new ArgumentNullException(nameof(problems));
    }

    /// <summary>The longest value accepted in any field (a kept column's own MaxLength is checked later).</summary>
    public int MaxValueLength { get; init; } = Limits.LoadLimits.DataverseMaxTextLength;

    /// <summary>The transaction currencies the rows refer to, and the transactioncurrency records the export holds.</summary>
    public CurrencyReferences Currencies { get; } = new();

    /// <summary>The rows read, per table.</summary>
    public Dictionary<string, List<Entity>> Rows { get; } = new(StringComparer.Ordinal)
    {
        [AccountTable.LogicalName] = [],
        [ContactTable.LogicalName] = [],
        [OpportunityTable.LogicalName] = [],
    };

    /// <summary>The line of each row's record element, per table (parallel to <see cref="Rows"/>).</summary>
    public Dictionary<string, List<int>> Lines { get; } = new(StringComparer.Ordinal)
    {
        [AccountTable.LogicalName] = [],
        [ContactTable.LogicalName] = [],
        [OpportunityTable.LogicalName] = [],
    };

    public void Read(Stream stream)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
        using XmlReader reader = XmlReader.Create(stream, settings);
        var info = (IXmlLineInfo)reader;
        CmtEntitySchema? entity = null;
        string? skippedEntity = null;
        Entity? row = null;
        bool currencies = false;
        CurrencyRecord? currency = null;
        bool sawRoot = false;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.Depth)
            {
                case 0:
                    sawRoot = true;
                    if (reader.LocalName != "entities")
                    {
                        _problems.Add(_file, CmtSchema.Line(info), $"the root element is <{reader.LocalName}>; data.xml starts with <entities>");
                        return;
                    }

                    break;
                case 1 when reader.LocalName == "entity":
                    string name = reader.GetAttribute("name") ?? string.Empty;
                    entity = null;
                    skippedEntity = null;
                    Describe(currency);
                    currency = null;
                    currencies = name == CurrencyTable;
                    if (!ReplayTables.IsReplayed(name))
                    {
                        skippedEntity = name;
                    }
                    else if (!_schema.Entities.TryGetValue(name, out entity))
                    {
                        _problems.Add(_file, CmtSchema.Line(info), $"entity '{name}' is not described in data_schema.xml");
                    }

                    break;
                case 3 when reader.LocalName == "record" && currencies:
                    Describe(currency);
                    currency = Guid.TryParse(reader.GetAttribute("id"), out Guid currencyId) ? new CurrencyRecord(currencyId) : null;
                    break;
                case 4 when reader.LocalName == "field" && currency is not null:
                    currency.Read(reader.GetAttribute("name"), reader.GetAttribute("value"));
                    break;
                case 3 when reader.LocalName == "record" && entity is not null:
                    row = StartRecord(reader, info, entity);
                    break;
                case 3 when reader.LocalName == "record" && skippedEntity is null:
                    row = null;
                    break;
                case 4 when reader.LocalName == "field" && row is not null && entity is not null:
                    ReadField(reader, info, entity, row);
                    break;
            }
        }

        Describe(currency);
        if (!sawRoot)
        {
            _problems.Add(_file, string.Empty, "the file is empty");
        }
    }

    private const string CurrencyTable = DataSetCurrency.Table;

    private const string CurrencyColumn = DataSetCurrency.Column;

    private void Describe(CurrencyRecord? record)
    {
        if (record is not null)
        {
            Currencies.Describe(record.Id, new DataSetCurrency(record.IsoCode, record.Symbol, record.Name));
        }
    }

    /// <summary>The three columns of a transactioncurrency record the report names a currency by; others are ignored.</summary>
    private sealed class CurrencyRecord(Guid id)
    {
        public Guid Id { get; } = id;

        public string? IsoCode { get; private set; }

        public string? Symbol { get; private set; }

        public string? Name { get; private set; }

        public void Read(string? field, string? value)
        {
            string? text = string.IsNullOrWhiteSpace(value) || value.Length > 100 ? null : value.Trim();
            switch (field)
            {
                case DataSetCurrency.IsoCodeColumn:
                    IsoCode = text;
                    break;
                case DataSetCurrency.SymbolColumn:
                    Symbol = text;
                    break;
                case DataSetCurrency.NameColumn:
                    Name = text;
                    break;
            }
        }
    }

    private Entity? StartRecord(XmlReader reader, IXmlLineInfo info, CmtEntitySchema entity)
    {
        string idText = reader.GetAttribute("id") ?? string.Empty;
        if (!Guid.TryParse(idText, out Guid id))
        {
            _problems.Add(_file, $"{CmtSchema.Line(info)}, {entity.Name} record", $"the record id {ColumnValues.Quote(idText)} is not a GUID");
            return null;
        }

        var row = new Entity(entity.Name, id);
        Rows[entity.Name].Add(row);
        Lines[entity.Name].Add(info.HasLineInfo() ? info.LineNumber : 0);
        return row;
    }

    private void ReadField(XmlReader reader, IXmlLineInfo info, CmtEntitySchema entity, Entity row)
    {
        string name = reader.GetAttribute("name") ?? string.Empty;
        string value = reader.GetAttribute("value") ?? string.Empty;
        string Where() => $"{CmtSchema.Line(info)}, {entity.Name} record {row.Id}, field '{name}'";
        if (!entity.Fields.TryGetValue(name, out CmtField? field))
        {
            _problems.Add(_file, Where(), $"the field is not described for {entity.Name} in data_schema.xml");
            return;
        }

        if (CmtSchema.SkippedTypes.Contains(field.Type) || value.Length == 0)
        {
            return;
        }

        if (value.Length > MaxValueLength)
        {
            _problems.Add(_file, Where(), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the value is {value.Length:#,##0} characters long; the loader reads at most {MaxValueLength:#,##0}"));
            return;
        }

        string? error = null;
        object? parsed = field.Type switch
        {
            "guid" => ColumnValues.ParseGuid(value, out error),
            "string" or "memo" => value,
            "number" => ColumnValues.ParseInt(value, out error),
            "bigint" => ColumnValues.ParseLong(value, out error),
            "float" => ColumnValues.ParseDouble(value, out error),
            "decimal" => ColumnValues.ParseDecimal(value, out error),
            "money" => ColumnValues.ParseDecimal(value, out error) is { } m ? new Money(m) : null,
            "datetime" => ColumnValues.ParseDateTime(value, out error),
            "bool" => ColumnValues.ParseBool(value, out error),
            "optionsetvalue" or "state" or "status" => ColumnValues.ParseInt(value, out error) is { } o ? new OptionSetValue(o) : null,
            "optionsetvaluecollection" => ColumnValues.ParseOptionSetCollection(value, out error),
            _ => Lookup(reader, field, value, out error),
        };
        if (error is not null)
        {
            _problems.Add(_file, Where(), $"{error} ({field.Type})");
            return;
        }

        if (name == entity.PrimaryIdField || name == ReplayTables.IdColumn(entity.Name))
        {
            if (parsed is Guid key && key != row.Id)
            {
                _problems.Add(_file, Where(), $"the primary key {key} differs from the record id {row.Id}");
            }

            return;
        }

        if (name == CurrencyColumn && parsed is EntityReference rowCurrency)
        {
            Currencies.Refer(rowCurrency.Id, rowCurrency.Name);
        }

        if (ReplayTables.Keeps(entity.Name, name))
        {
            row[name] = parsed;
        }
    }

    private static EntityReference? Lookup(XmlReader reader, CmtField field, string value, out string? error)
    {
        Guid? id = ColumnValues.ParseGuid(value, out error);
        if (id is null)
        {
            return null;
        }

        string? target = reader.GetAttribute("lookupentity");
        if (string.IsNullOrEmpty(target))
        {
            if (field.LookupTypes.Count == 1)
            {
                target = field.LookupTypes[0];
            }
            else
            {
                error = "the lookup has no lookupentity attribute and data_schema.xml does not name a single lookupType";
                return null;
            }
        }

        return new EntityReference(target, id.Value) { Name = reader.GetAttribute("lookupentityname") };
    }
}
