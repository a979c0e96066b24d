using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.DataSets.Csv;

/// <summary>
/// Loads CSV files as Dynamics exports them, one per table (account.csv, contact.csv, opportunity.csv, each with a
/// header row, and optionally transactioncurrency.csv describing the currencies the rows name; see
/// <see cref="CsvColumnMap"/> and docs/data-formats.md). Everything is checked before anything is
/// returned; a <see cref="DataSetException"/> lists the first problems with file, line, column and reason.
/// </summary>
public static class CsvDataSetLoader
{
    private static readonly (string Table, string[] Stems)[] FileNames =
    [
        (AccountTable.LogicalName, ["account", "accounts"]),
        (ContactTable.LogicalName, ["contact", "contacts"]),
        (OpportunityTable.LogicalName, ["opportunity", "opportunities"]),
        (DataSetCurrency.Table, ["transactioncurrency", "transactioncurrencies", "currency", "currencies"]),
    ];

    /// <summary>One CSV input: a label for messages, the table it holds and a way to open its text.</summary>
    public sealed record CsvSource(string Label, string Table, Func<TextReader> Open);

    /// <summary>The table a CSV file name stands for (account.csv, Contacts.csv, ...), or null.</summary>
    public static string? TableOf(string fileName)
    {
        string stem = Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant();
        return Path.GetExtension(fileName).Equals(".csv", StringComparison.OrdinalIgnoreCase)
            ? FileNames.FirstOrDefault(f => f.Stems.Contains(stem)).Table
            : null;
    }

    /// <summary>Loads account.csv, contact.csv and opportunity.csv from a folder (each optional, at least one).</summary>
    public static DataSet LoadDirectory(string directory) => LoadDirectory(directory, new DataSetLoadOptions());

    /// <summary>Loads a folder with the given limits and schema.</summary>
    public static DataSet LoadDirectory(string directory, DataSetLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DataSetException([new DataSetProblem(directory, string.Empty, "the folder does not exist")], 1);
        }

        string[] files = Directory.GetFiles(directory, "*.csv").Where(f => TableOf(f) is not null).Order(StringComparer.Ordinal).ToArray();
        if (!files.Any(f => TableOf(f) != DataSetCurrency.Table))
        {
            throw new DataSetException([new DataSetProblem(directory, string.Empty, "holds none of account.csv, contact.csv, opportunity.csv")], 1);
        }

        return LoadFiles(files, directory, options);
    }

    /// <summary>Loads the given CSV files; each file's name says its table.</summary>
    public static DataSet LoadFiles(IEnumerable<string> files, string? source = null) => LoadFiles(files, source, new DataSetLoadOptions());

    /// <summary>Loads the given CSV files with the given limits and schema; each file is read as strict UTF-8.</summary>
    public static DataSet LoadFiles(IEnumerable<string> files, string? source, DataSetLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new ProblemLog();
        var sources = new List<CsvSource>();
        foreach (string file in files)
        {
            string label = Path.GetFileName(file);
            string? table = TableOf(file);
            if (table is null)
            {
                problems.Add(label, string.Empty, "the file name does not say its table (use account.csv, contact.csv, opportunity.csv or transactioncurrency.csv)");
            }
            else if (!File.Exists(file))
            {
                problems.Add(label, string.Empty, "the file does not exist");
            }
            else
            {
                sources.Add(new CsvSource(label, table, () => StrictUtf8(file)));
            }
        }

        problems.ThrowIfAny();
        return Load(sources, source ?? string.Join(", ", sources.Select(s => s.Label)), options);
    }

    /// <summary>A file as text, its bytes checked as strict UTF-8 on the way (a UTF-8 byte order mark is allowed and skipped).</summary>
    private static StreamReader StrictUtf8(string file) => new(
        new Limits.InspectedStream(File.OpenRead(file), new Limits.StreamChecks { Utf8 = true }),
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true),
        detectEncodingFromByteOrderMarks: false);

    /// <summary>Loads from readers (tests, stdin); the same checks as for files.</summary>
    public static DataSet Load(IReadOnlyList<CsvSource> sources, string source) => Load(sources, source, new DataSetLoadOptions());

    /// <summary>Loads from readers with the given limits and schema.</summary>
    public static DataSet Load(IReadOnlyList<CsvSource> sources, string source, DataSetLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new ProblemLog();
        var loaded = new Dictionary<string, TableRows>(StringComparer.Ordinal);
        foreach (CsvSource s in sources)
        {
            if (loaded.TryGetValue(s.Table, out TableRows? earlier))
            {
                problems.Add(s.Label, string.Empty, $"a second {s.Table} file; {earlier.File} already holds that table");
                continue;
            }

            var rows = new TableRows(s.Table, s.Label);
            loaded[s.Table] = rows;
            using TextReader reader = s.Open();
            ReadTable(reader, rows, problems, options.Limits.MaxValueLength);
        }

        TableRows Rows(string table) => loaded.TryGetValue(table, out TableRows? r) ? r : new TableRows(table, table + ".csv");
        TableRows accounts = Rows(AccountTable.LogicalName);
        TableRows contacts = Rows(ContactTable.LogicalName);
        TableRows opportunities = Rows(OpportunityTable.LogicalName);
        ResolveLookups([accounts, contacts, opportunities], accounts, contacts, problems);
        CurrencyReferences currencies = ResolveCurrencies([accounts, opportunities], loaded.GetValueOrDefault(DataSetCurrency.Table), problems);
        problems.ThrowIfAny();

        var dataRows = new DataSetRows(accounts.Rows, contacts.Rows, opportunities.Rows);
        SnapshotValidator.Validate(dataRows, problems, (table, index, reason) =>
        {
            TableRows t = Rows(table);
            return new DataSetProblem(t.File, $"line {t.Lines[index]}", reason);
        }, options);
        problems.ThrowIfAny();
        return DataSet.FromSnapshot(source, dataRows).WithCurrencies(currencies.Referenced());
    }

    private static void ReadTable(TextReader reader, TableRows table, ProblemLog problems, int maxValueLength)
    {
        CsvColumn?[]? columns = null;
        string[] headers = [];
        try
        {
            foreach (CsvRecord record in CsvRecordReader.Read(reader, maxValueLength))
            {
                if (columns is null)
                {
                    headers = record.Fields.Select(h => h.Trim()).ToArray();
                    columns = MapHeader(table, headers, problems);
                    continue;
                }

                if (record.Fields.Count != headers.Length)
                {
                    problems.Add(table.File, $"line {record.Line}", $"the row has {record.Fields.Count} fields; the header has {headers.Length}");
                    continue;
                }

                ReadRow(table, record, headers, columns, problems);
            }
        }
        catch (CsvFormatException e)
        {
            problems.Add(table.File, $"line {e.Line}", e.Message);
            return;
        }
        catch (Limits.InputRefusedException e)
        {
            problems.Add(table.File, string.Empty, e.Message);
            return;
        }

        if (columns is null)
        {
            problems.Add(table.File, string.Empty, "the file is empty; it needs a header row");
        }
    }

    private static CsvColumn?[] MapHeader(TableRows table, string[] headers, ProblemLog problems)
    {
        var columns = new CsvColumn?[headers.Length];
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < headers.Length; i++)
        {
            CsvColumn? column = CsvColumnMap.Match(table.Table, headers[i]);
            if (column is null)
            {
                continue;
            }

            string key = column.Kind == CsvValueKind.FullName ? "fullname" : column.LogicalName;
            if (seen.TryGetValue(key, out string? other))
            {
                problems.Add(table.File, "line 1", $"columns '{other}' and '{headers[i]}' both map to {column.LogicalName}");
                continue;
            }

            seen[key] = headers[i];
            columns[i] = column;
        }

        table.HasFirstOrLastName = columns.Any(c => c is not null && c.Kind == CsvValueKind.Text && c.LogicalName is ContactTable.FirstName or ContactTable.LastName);
        return columns;
    }

    private static void ReadRow(TableRows table, CsvRecord record, string[] headers, CsvColumn?[] columns, ProblemLog problems)
    {
        var row = new Entity(table.Table);
        for (int i = 0; i < columns.Length; i++)
        {
            CsvColumn? column = columns[i];
            string text = record.Fields[i];
            if (column is null || text.Trim().Length == 0)
            {
                continue;
            }

            string? error = null;
            string where = $"line {record.Line}, column '{headers[i]}'";
            switch (column.Kind)
            {
                case CsvValueKind.Id:
                    if (ColumnValues.ParseGuid(text, out error) is { } id)
                    {
                        row.Id = id;
                    }

                    break;
                case CsvValueKind.Text:
                    row[column.LogicalName] = text.Trim();
                    break;
                case CsvValueKind.FullName:
                    if (!table.HasFirstOrLastName)
                    {
                        string name = text.Trim();
                        int space = name.LastIndexOf(' ');
                        if (space > 0)
                        {
                            row[ContactTable.FirstName] = name[..space].Trim();
                        }

                        row[ContactTable.LastName] = name[(space + 1)..];
                    }

                    break;
                case CsvValueKind.WholeNumber:
                    Set(row, column, ColumnValues.ParseInt(text, out error));
                    break;
                case CsvValueKind.DecimalNumber:
                    Set(row, column, ColumnValues.ParseDecimal(text, out error));
                    break;
                case CsvValueKind.Money:
                    Set(row, column, ColumnValues.ParseDecimal(text, out error) is { } m ? new Money(m) : null);
                    break;
                case CsvValueKind.YesNo:
                    Set(row, column, ColumnValues.ParseBool(text, out error));
                    break;
                case CsvValueKind.DateTime:
                    Set(row, column, ColumnValues.ParseDateTime(text, out error));
                    break;
                case CsvValueKind.Choice:
                    Set(row, column, column.Choices!.Parse(text, out error) is { } v ? new OptionSetValue(v) : null);
                    break;
                case CsvValueKind.MultiChoice:
                    Set(row, column, ParseMulti(column.Choices!, text, out error));
                    break;
                case CsvValueKind.Lookup:
                    ReadLookup(table, row, column, text.Trim(), record.Line, headers[i]);
                    break;
                case CsvValueKind.Currency:
                    table.Currencies.Add(new PendingLookup(row, column, text.Trim(), record.Line, headers[i]));
                    break;
            }

            if (error is not null)
            {
                problems.Add(table.File, where, error);
            }
        }

        if (row.Id == Guid.Empty)
        {
            row.Id = DerivedId(table.File, record.Line);
        }

        table.Rows.Add(row);
        table.Lines.Add(record.Line);
    }

    private static void Set(Entity row, CsvColumn column, object? value)
    {
        if (value is not null)
        {
            row[column.LogicalName] = value;
        }
    }

    private static OptionSetValueCollection? ParseMulti(ChoiceLabels choices, string text, out string? error)
    {
        error = null;
        var values = new List<OptionSetValue>();
        foreach (string part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int? value = choices.Parse(part, out error);
            if (value is null)
            {
                return null;
            }

            values.Add(new OptionSetValue(value.Value));
        }

        return new OptionSetValueCollection(values);
    }

    private static void ReadLookup(TableRows table, Entity row, CsvColumn column, string text, int line, string header)
    {
        IReadOnlyList<string> targets = column.Targets!;
        if (targets.Count == 1 && Guid.TryParse(text, out Guid id))
        {
            row[column.LogicalName] = new EntityReference(targets[0], id);
            return;
        }

        table.Pending.Add(new PendingLookup(row, column, text, line, header));
    }

    private static void ResolveLookups(TableRows[] tables, TableRows accounts, TableRows contacts, ProblemLog problems)
    {
        var accountIds = accounts.Rows.Select(r => r.Id).ToHashSet();
        var contactIds = contacts.Rows.Select(r => r.Id).ToHashSet();
        ILookup<string, Entity> accountsByName = accounts.Rows.ToLookup(r => Key(r.GetAttributeValue<string>(AccountTable.Name)), StringComparer.Ordinal);
        ILookup<string, Entity> contactsByName = contacts.Rows.ToLookup(r => Key(FullName(r)), StringComparer.Ordinal);

        foreach (TableRows table in tables)
        {
            foreach (PendingLookup p in table.Pending)
            {
                IReadOnlyList<string> targets = p.Column.Targets!;
                string where = $"line {p.Line}, column '{p.Header}'";
                if (Guid.TryParse(p.Text, out Guid id))
                {
                    string? target = targets.FirstOrDefault(t => (t == AccountTable.LogicalName && accountIds.Contains(id)) || (t == ContactTable.LogicalName && contactIds.Contains(id)));
                    if (target is null)
                    {
                        problems.Add(table.File, where, $"{id} is not a{(targets.Count > 1 ? "n " + string.Join(" or ", targets) : " " + targets[0])} in the data set");
                    }
                    else
                    {
                        p.Row[p.Column.LogicalName] = new EntityReference(target, id);
                    }

                    continue;
                }

                var matches = new List<EntityReference>();
                foreach (string target in targets)
                {
                    if (target == AccountTable.LogicalName)
                    {
                        matches.AddRange(accountsByName[Key(p.Text)].Select(r => r.ToEntityReference()));
                    }
                    else if (target == ContactTable.LogicalName)
                    {
                        matches.AddRange(contactsByName[Key(p.Text)].Select(r => r.ToEntityReference()));
                    }
                }

                if (matches.Count == 1)
                {
                    p.Row[p.Column.LogicalName] = matches[0];
                }
                else if (matches.Count == 0)
                {
                    string what = targets.Contains(SecurityTables.SystemUser)
                        ? "is not a GUID; a systemuser lookup needs the user's GUID"
                        : $"matches no {string.Join(" or ", targets)} in the data set";
                    problems.Add(table.File, where, $"{ColumnValues.Quote(p.Text)} {what}");
                }
                else
                {
                    problems.Add(table.File, where, $"{ColumnValues.Quote(p.Text)} matches {matches.Count} rows; give the GUID instead");
                }
            }

            table.Pending.Clear();
        }
    }

    /// <summary>
    /// The currencies the rows name: a GUID as it is (described when transactioncurrency.csv holds it), a name or ISO
    /// code matched against transactioncurrency.csv, or, without that file, the name alone (as a Configuration
    /// Migration lookup's name). A name the currency file does not hold, or holds twice, is an error.
    /// </summary>
    private static CurrencyReferences ResolveCurrencies(TableRows[] tables, TableRows? currencyFile, ProblemLog problems)
    {
        var references = new CurrencyReferences();
        var named = new Dictionary<string, List<Entity>>(StringComparer.Ordinal);
        foreach (Entity currency in currencyFile?.Rows ?? [])
        {
            references.Describe(currency.Id, new DataSetCurrency(
                currency.GetAttributeValue<string>(DataSetCurrency.IsoCodeColumn),
                currency.GetAttributeValue<string>(DataSetCurrency.SymbolColumn),
                currency.GetAttributeValue<string>(DataSetCurrency.NameColumn)));
            string?[] names = [currency.GetAttributeValue<string>(DataSetCurrency.NameColumn), currency.GetAttributeValue<string>(DataSetCurrency.IsoCodeColumn)];
            foreach (string key in names.OfType<string>().Select(Key).Distinct(StringComparer.Ordinal))
            {
                named.TryAdd(key, []);
                named[key].Add(currency);
            }
        }

        foreach (TableRows table in tables)
        {
            foreach (PendingLookup p in table.Currencies)
            {
                string where = $"line {p.Line}, column '{p.Header}'";
                if (Guid.TryParse(p.Text, out Guid id))
                {
                    references.Refer(id, null);
                }
                else if (currencyFile is null)
                {
                    references.Refer(DerivedId(DataSetCurrency.Table, Key(p.Text)), p.Text);
                }
                else if (!named.TryGetValue(Key(p.Text), out List<Entity>? matches))
                {
                    problems.Add(table.File, where, $"{ColumnValues.Quote(p.Text)} matches no currency name or ISO code in {currencyFile.File}");
                }
                else if (matches.Count > 1)
                {
                    problems.Add(table.File, where, $"{ColumnValues.Quote(p.Text)} matches {matches.Count} currencies in {currencyFile.File}; give the GUID instead");
                }
                else
                {
                    references.Refer(matches[0].Id, matches[0].GetAttributeValue<string>(DataSetCurrency.NameColumn));
                }
            }
        }

        return references;
    }

    private static string FullName(Entity contact)
        => $"{contact.GetAttributeValue<string>(ContactTable.FirstName)} {contact.GetAttributeValue<string>(ContactTable.LastName)}";

    private static string Key(string? name) => string.Join(' ', (name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    /// <summary>A stable id for a row the file gives none: the same file and line give the same id.</summary>
    private static Guid DerivedId(string file, int line) => DerivedId(file, line.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Guid DerivedId(string file, string key)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{file}:{key}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    private sealed record PendingLookup(Entity Row, CsvColumn Column, string Text, int Line, string Header);

    private sealed class TableRows(string table, string file)
    {
        public string Table { get; } = table;

        public string File { get; } = file;

        public List<Entity> Rows { get; } = [];

        public List<int> Lines { get; } = [];

        public List<PendingLookup> Pending { get; } = [];

        /// <summary>The rows' transaction currency cells, resolved once every file is read.</summary>
        public List<PendingLookup> Currencies { get; } = [];

        public bool HasFirstOrLastName { get; set; }
    }
}
