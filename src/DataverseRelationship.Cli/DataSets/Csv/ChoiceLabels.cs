using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using DataverseRelationship.Plugins.Schema;

namespace DataverseRelationship.Cli.DataSets.Csv;

/// <summary>
/// The labels of one choice column, matched ignoring case, spaces and punctuation ("Out-Sold" = "out sold" =
/// "OutSold"). A value may also be given as its number.
/// </summary>
public sealed class ChoiceLabels
{
    private readonly Dictionary<string, int> _byLabel;

    public ChoiceLabels(string name, IEnumerable<KeyValuePair<string, int>> labels, bool keepsUnknownValues = false)
    {
        ArgumentNullException.ThrowIfNull(labels);
        Name = name;
        KeepsUnknownValues = keepsUnknownValues;
        _byLabel = labels.ToDictionary(l => Normalise(l.Key), l => l.Value, StringComparer.Ordinal);
        Labels = labels.Select(l => l.Key).ToArray();
    }

    /// <summary>
    /// A number the choice does not define is loaded as is (an organisation's own status reason or option); the
    /// snapshot validator reports it and decides how it replays. Unknown labels are still errors (likely typos).
    /// </summary>
    public bool KeepsUnknownValues { get; }

    /// <summary>A copy that keeps unknown numbers (see <see cref="KeepsUnknownValues"/>).</summary>
    public ChoiceLabels KeepingUnknownValues() => new(Name, Labels.Select(l => new KeyValuePair<string, int>(l, _byLabel[Normalise(l)])), keepsUnknownValues: true);

    /// <summary>The choice's name, for messages.</summary>
    public string Name { get; }

    /// <summary>The labels, as written in messages and docs.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>account and contact statecode.</summary>
    public static ChoiceLabels ActiveState { get; } = new("status", [new("Active", 0), new("Inactive", 1)]);

    /// <summary>opportunity statecode.</summary>
    public static ChoiceLabels OpportunityStatus { get; } = FromEnum<OpportunityState>("opportunity status");

    /// <summary>opportunity statuscode (standard labels).</summary>
    public static ChoiceLabels OpportunityStatusReason { get; } = new(
        "status reason", [new("In Progress", 1), new("On Hold", 2), new("Won", 3), new("Canceled", 4), new("Out-Sold", 5)], keepsUnknownValues: true);

    public static ChoiceLabels ContactRoles { get; } = FromEnum<ContactRole>("role").KeepingUnknownValues();

    /// <summary>dvr_concession; "None" records that the seller conceded nothing.</summary>
    public static ChoiceLabels Concessions { get; } = FromEnum<ConcessionChoice>("concession").KeepingUnknownValues();

    /// <summary>dvr_commitment; "None" records that the customer committed nothing.</summary>
    public static ChoiceLabels Commitments { get; } = FromEnum<CommitmentChoice>("commitment").KeepingUnknownValues();

    /// <summary>dvr_procurementtactic; "None" records that the customer played no game.</summary>
    public static ChoiceLabels ProcurementTactics { get; } = FromEnum<ProcurementTacticChoice>("procurement tactic").KeepingUnknownValues();

    /// <summary>dvr_sellerconduct; "None" records that the seller kept to the deal.</summary>
    public static ChoiceLabels SellerConduct { get; } = FromEnum<SellerConductChoice>("seller conduct").KeepingUnknownValues();

    /// <summary>
    /// Labels of an enum's values: the solution's own labels for a choice it defines (<see cref="Label{T}"/>), else the
    /// member names split into words ("DecisionMaker" reads "Decision Maker").
    /// </summary>
    public static ChoiceLabels FromEnum<T>(string name)
        where T : struct, Enum
        => new(name, Enum.GetValues<T>().Select(v => new KeyValuePair<string, int>(Label(v), Convert.ToInt32(v, CultureInfo.InvariantCulture))));

    /// <summary>
    /// The label a user sees for a choice value: for an enum marked <c>[SolutionChoice]</c>, the label its option set gives
    /// the value in solution/src (generated into <see cref="SolutionChoiceLabels"/>: "Multi-year term", "Over-promised");
    /// otherwise, a standard choice, its member name split into words.
    /// </summary>
    public static string Label<T>(T value)
        where T : struct, Enum
        => (ChoiceSet<T>.Name is { } set ? SolutionChoiceLabels.Of(set, Convert.ToInt32(value, CultureInfo.InvariantCulture)) : null) ?? Words(value.ToString());

    /// <summary>The option set an enum stands for, looked up once per enum.</summary>
    private static class ChoiceSet<T>
        where T : struct, Enum
    {
        public static readonly string? Name = typeof(T).GetCustomAttribute<SolutionChoiceAttribute>()?.OptionSetName;
    }

    /// <summary>The value of a label or number; null with <paramref name="error"/> set when it is neither.</summary>
    public int? Parse(string text, out string? error)
    {
        error = null;
        string t = text.Trim();
        if (int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number))
        {
            if (KeepsUnknownValues || _byLabel.ContainsValue(number))
            {
                return number;
            }

            error = $"{number} is not a {Name} value";
            return null;
        }

        if (_byLabel.TryGetValue(Normalise(t), out int value))
        {
            return value;
        }

        error = $"{ColumnValues.Quote(text)} is not a {Name} (expected one of: {string.Join(", ", Labels)})";
        return null;
    }

    /// <summary>"PriceBenchmarkingDuringContract" -> "Price Benchmarking During Contract".</summary>
    public static string Words(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        var sb = new StringBuilder(pascal.Length + 8);
        for (int i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]) && !char.IsUpper(pascal[i - 1]))
            {
                sb.Append(' ');
            }

            sb.Append(pascal[i]);
        }

        return sb.ToString();
    }

    /// <summary>Lower-case letters and digits only.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}
