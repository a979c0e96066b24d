using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.DataSets.Csv;
using DataverseRelationship.Plugins.Schema;

namespace DataverseRelationship.Cli.WebApi;

/// <summary>What a pull wrote: rows per table, the columns the environment lacked (only with AllowMissingColumns), whether it resumed.</summary>
public sealed record PullResult(IReadOnlyDictionary<string, long> Rows, IReadOnlyList<string> MissingColumns, bool Resumed);

/// <summary>
/// dvrel pull: reads the accounts, contacts and opportunities of an environment, with exactly the columns the CSV
/// loader maps (<see cref="CsvColumnMap"/>, the one list of them), into account.csv, contact.csv and opportunity.csv,
/// the layout preview and compare read. Page by page (<c>Prefer: odata.maxpagesize</c>, <c>@odata.nextLink</c>);
/// each table is written to <c>.partial</c> and renamed when complete, and <c>.dvrel-pull.json</c> records after every
/// page where to go on, so an interrupted pull resumes where it stopped. Columns the environment does not have are
/// found first from the table definitions and reported by table and column.
/// </summary>
public sealed class EnvironmentPull(DataverseWebApiClient client, TextWriter progress)
{
    /// <summary>The file that says how far an interrupted pull came.</summary>
    public const string StateFile = ".dvrel-pull.json";

    private static readonly string[] Tables = [AccountTable.LogicalName, ContactTable.LogicalName, OpportunityTable.LogicalName];

    /// <summary>Rows per page asked for (Prefer: odata.maxpagesize).</summary>
    public int PageSize { get; init; } = 5000;

    /// <summary>Pull what exists when the environment lacks some columns (they are reported), instead of failing.</summary>
    public bool AllowMissingColumns { get; init; }

    public async Task<PullResult> RunAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        string statePath = Path.Combine(folder, StateFile);
        PullState state = PullState.Load(statePath, client.Environment);
        bool resumed = state.Tables.Count > 0;
        if (resumed)
        {
            progress.WriteLine($"pull: resuming the pull of {client.Environment} recorded in {statePath}.");
        }

        var columnsByTable = new Dictionary<string, List<CsvColumn>>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (string table in Tables)
        {
            HashSet<string> present = await ColumnsOf(table, cancellationToken).ConfigureAwait(false);
            List<CsvColumn> wanted = CsvColumnMap.For(table).Where(c => c.Kind != CsvValueKind.FullName).ToList();
            missing.AddRange(wanted.Where(c => !present.Contains(c.LogicalName)).Select(c => table + "." + c.LogicalName));
            columnsByTable[table] = wanted.Where(c => present.Contains(c.LogicalName)).ToList();
        }

        if (missing.Count > 0)
        {
            string list = string.Join(", ", missing);
            if (!AllowMissingColumns)
            {
                throw new EnvironmentException($"{list}: the environment has no such column. Is the DataverseRelationship solution installed (dvrel verify --environment {client.Environment} checks)? --allow-missing-columns pulls the other columns.");
            }

            progress.WriteLine($"pull: not in the environment, left out: {list}.");
        }

        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string table in Tables)
        {
            rows[table] = await PullTable(folder, table, columnsByTable[table], state, statePath, cancellationToken).ConfigureAwait(false);
        }

        rows[DataSetCurrency.Table] = await PullCurrencies(folder, cancellationToken).ConfigureAwait(false);
        File.Delete(statePath);
        return new PullResult(rows, missing, resumed);
    }

    private async Task<HashSet<string>> ColumnsOf(string table, CancellationToken cancellationToken)
    {
        JsonObject attributes;
        try
        {
            attributes = await client.GetAsync($"EntityDefinitions(LogicalName='{table}')/Attributes?$select=LogicalName", cancellationToken).ConfigureAwait(false);
        }
        catch (DataverseWebApiException ex) when (ex.Status == System.Net.HttpStatusCode.NotFound)
        {
            throw new EnvironmentException($"{table}: the environment has no such table ({ex.Message}).", ex);
        }

        return (attributes["value"] as JsonArray ?? []).Select(a => a?["LogicalName"]?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    private async Task<long> PullTable(string folder, string table, List<CsvColumn> columns, PullState state, string statePath, CancellationToken cancellationToken)
    {
        string final = Path.Combine(folder, table + ".csv");
        string partial = final + ".partial";
        PullState.Table progressOf = state.Tables.TryGetValue(table, out PullState.Table? recorded) ? recorded : new PullState.Table();
        if (progressOf.Done && File.Exists(final))
        {
            progress.WriteLine($"pull: {table}: already pulled ({progressOf.Rows:#,##0} rows).");
            return progressOf.Rows;
        }

        bool resume = progressOf.NextLink is not null && File.Exists(partial);
        using var stream = new FileStream(partial, resume ? FileMode.Open : FileMode.Create, FileAccess.Write);
        var encoding = new UTF8Encoding(false);
        if (resume)
        {
            // Rows written after the last recorded page are dropped and read again.
            stream.SetLength(progressOf.Bytes);
            stream.Seek(0, SeekOrigin.End);
        }
        else
        {
            progressOf = new PullState.Table();
            byte[] header = encoding.GetBytes(CsvCells.Record(columns.Select(c => c.LogicalName).ToArray()) + "\r\n");
            await stream.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        }

        string path = progressOf.NextLink ?? $"{EntitySet(table)}?$select={string.Join(",", columns.Select(CsvCells.Property))}";
        int page = progressOf.Pages;
        await foreach ((JsonArray values, string? next) in client.PagesAsync(path, PageSize, lookupAnnotations: false, cancellationToken).ConfigureAwait(false))
        {
            var text = new StringBuilder();
            foreach (JsonNode? row in values)
            {
                text.Append(CsvCells.Record(columns.Select(c => CsvCells.Text(c, row?[CsvCells.Property(c)])).ToArray())).Append("\r\n");
            }

            await stream.WriteAsync(encoding.GetBytes(text.ToString()), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            page++;
            progressOf = progressOf with { Rows = progressOf.Rows + values.Count, Bytes = stream.Position, NextLink = next, Pages = page };
            state.Tables[table] = progressOf;
            state.Save(statePath);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pull: {table}: {progressOf.Rows:#,##0} rows ({page} page{(page == 1 ? string.Empty : "s")})."));
        }

        await stream.DisposeAsync().ConfigureAwait(false);
        File.Move(partial, final, overwrite: true);
        state.Tables[table] = progressOf with { Done = true, NextLink = null };
        state.Save(statePath);
        return progressOf.Rows;
    }

    private static string EntitySet(string table) => DataverseRelationship.WebApi.EntitySetNames.Of(table);

    /// <summary>The columns of transactioncurrency.csv, in the order written.</summary>
    private static readonly string[] CurrencyColumns = [DataSetCurrency.Column, DataSetCurrency.IsoCodeColumn, DataSetCurrency.SymbolColumn, DataSetCurrency.NameColumn];

    /// <summary>
    /// Writes transactioncurrency.csv: the currency record of every transactioncurrencyid the pulled accounts and
    /// opportunities name, each read by its key (entity set transactioncurrencies, primary key transactioncurrencyid;
    /// isocurrencycode, currencysymbol, currencyname: https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/transactioncurrency).
    /// The ids are read back from the written CSV files, so a resumed pull finds them too. A currency the environment
    /// does not return is reported and left out: the report then names it as unknown, never by a guess.
    /// </summary>
    private async Task<long> PullCurrencies(string folder, CancellationToken cancellationToken)
    {
        string final = Path.Combine(folder, DataSetCurrency.Table + ".csv");
        var ids = new SortedSet<Guid>();
        foreach (string table in new[] { AccountTable.LogicalName, OpportunityTable.LogicalName })
        {
            ids.UnionWith(CurrencyIds(Path.Combine(folder, table + ".csv")));
        }

        var text = new StringBuilder(CsvCells.Record(CurrencyColumns)).Append("\r\n");
        long written = 0;
        foreach (Guid id in ids)
        {
            JsonObject currency;
            try
            {
                currency = await client.GetAsync($"{EntitySet(DataSetCurrency.Table)}({id:D})?$select={string.Join(",", CurrencyColumns)}", cancellationToken).ConfigureAwait(false);
            }
            catch (DataverseWebApiException ex) when (ex.Status is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden)
            {
                progress.WriteLine($"pull: transactioncurrency {id:D}: not returned by the environment ({ex.Message}); its amounts are reported in an unnamed currency.");
                continue;
            }

            text.Append(CsvCells.Record(CurrencyColumns.Select(c => c == DataSetCurrency.Column ? id.ToString("D") : currency[c] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : string.Empty).ToArray())).Append("\r\n");
            written++;
        }

        if (ids.Count == 0)
        {
            File.Delete(final);
            return 0;
        }

        string partial = final + ".partial";
        await File.WriteAllTextAsync(partial, text.ToString(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        File.Move(partial, final, overwrite: true);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pull: transactioncurrency: {written} of the {ids.Count} currencies the rows name."));
        return written;
    }

    /// <summary>The distinct GUIDs of a pulled file's transactioncurrencyid column (none when the file or the column is absent).</summary>
    private static IEnumerable<Guid> CurrencyIds(string file)
    {
        if (!File.Exists(file))
        {
            yield break;
        }

        using var reader = new StreamReader(file, new UTF8Encoding(false));
        int column = -1;
        foreach (CsvRecord record in CsvRecordReader.Read(reader))
        {
            if (column < 0)
            {
                column = record.Fields.ToList().IndexOf(DataSetCurrency.Column);
                if (column < 0)
                {
                    yield break;
                }

                continue;
            }

            if (column < record.Fields.Count && Guid.TryParse(record.Fields[column], out Guid id))
            {
                yield return id;
            }
        }
    }

    /// <summary>The resumable state of a pull (<see cref="StateFile"/>).</summary>
    private sealed class PullState
    {
        public string Environment { get; set; } = string.Empty;

        public Dictionary<string, Table> Tables { get; set; } = new(StringComparer.Ordinal);

        public static PullState Load(string path, Uri environment)
        {
            if (!File.Exists(path))
            {
                return new PullState { Environment = environment.ToString() };
            }

            PullState? state;
            try
            {
                state = JsonSerializer.Deserialize<PullState>(File.ReadAllText(path));
            }
            catch (JsonException ex)
            {
                throw new EnvironmentException($"{path}: not a pull state dvrel wrote ({ex.Message}); delete it to start over.", ex);
            }

            if (state is null || !string.Equals(state.Environment, environment.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                throw new EnvironmentException($"{path}: an interrupted pull of {state?.Environment} is in this folder; pull into another folder, or delete the file to start over.");
            }

            return state;
        }

        public void Save(string path)
        {
            string temporary = path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(this));
            File.Move(temporary, path, overwrite: true);
        }

        public sealed record Table
        {
            public long Rows { get; init; }

            public long Bytes { get; init; }

            public int Pages { get; init; }

            public string? NextLink { get; init; }

            public bool Done { get; init; }
        }
    }
}

/// <summary>The environment is not as a command needs it (a missing table or column, a refused call): exit code 1.</summary>
public sealed class EnvironmentException : Exception
{
    public EnvironmentException()
        : this("The environment is not as the command needs it.")
    {
    }

    public EnvironmentException(string message)
        : base(message)
    {
    }

    public EnvironmentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
