using System;
using System.Collections.Generic;
using System.Linq;

namespace DataverseRelationship.Cli.DataSets;

/// <summary>
/// The currency a data set's amounts are in, as its rows say: the transactioncurrencyid of its accounts and
/// opportunities, described by the transactioncurrency records exported with them (ISO code, symbol, name). Dataverse
/// stores every money column in the row's transaction currency
/// (https://learn.microsoft.com/power-apps/developer/data-platform/transaction-currency-currency-entity).
/// </summary>
/// <param name="IsoCode">The ISO 4217 code (isocurrencycode), when the export holds the currency record.</param>
/// <param name="Symbol">The symbol (currencysymbol), when the export holds the currency record.</param>
/// <param name="Name">The currency's name (currencyname, else the lookup's name in the rows).</param>
public sealed record DataSetCurrency(string? IsoCode, string? Symbol, string? Name)
{
    /// <summary>The currency table's logical name.</summary>
    public const string Table = "transactioncurrency";

    /// <summary>The lookup to the row's transaction currency, on accounts and opportunities (and the currency table's key).</summary>
    public const string Column = "transactioncurrencyid";

    /// <summary>The ISO 4217 code column.</summary>
    public const string IsoCodeColumn = "isocurrencycode";

    /// <summary>The symbol column.</summary>
    public const string SymbolColumn = "currencysymbol";

    /// <summary>The name column (the table's primary name).</summary>
    public const string NameColumn = "currencyname";

    /// <summary>How the report names the currency: the ISO code, else the symbol, else the name.</summary>
    public string Label => IsoCode ?? Symbol ?? Name ?? string.Empty;
}

/// <summary>The transaction currencies a data set's rows refer to, and the currency records it holds.</summary>
public sealed class CurrencyReferences
{
    private readonly Dictionary<Guid, string?> _referenced = [];
    private readonly Dictionary<Guid, DataSetCurrency> _records = [];

    /// <summary>Notes a row's transactioncurrencyid (its id and the name the export gave the lookup, if any).</summary>
    public void Refer(Guid currencyId, string? name)
    {
        if (!_referenced.TryGetValue(currencyId, out string? known) || known is null)
        {
            _referenced[currencyId] = string.IsNullOrWhiteSpace(name) ? null : name;
        }
    }

    /// <summary>Notes a transactioncurrency record of the export.</summary>
    public void Describe(Guid currencyId, DataSetCurrency currency) => _records[currencyId] = currency;

    /// <summary>How many different currencies the rows refer to.</summary>
    public int Count => _referenced.Count;

    /// <summary>Each referenced currency, described by its record when the export holds one, else by the lookup's name.</summary>
    public IReadOnlyList<DataSetCurrency> Referenced() => _referenced
        .Select(r => _records.TryGetValue(r.Key, out DataSetCurrency? record) ? record with { Name = record.Name ?? r.Value } : new DataSetCurrency(null, null, r.Value))
        .OrderBy(c => c.Label, StringComparer.Ordinal)
        .ToArray();
}
