using System;

namespace DataverseRelationship.Plugins.Mapping;

/// <summary>Values shaped as the solution's columns store them (precision, length), so comparing with a stored value is exact.</summary>
public static class StoredValues
{
    /// <summary>Maximum length of the explanation columns (ntext, 4000).</summary>
    public const int ExplanationLength = 4000;

    /// <summary>dvr_relationshipledger's maximum length (the most a multiple-lines-of-text column holds).</summary>
    public const int LedgerLength = 1048576;

    /// <summary>Maximum length of the policy version columns (nvarchar, 100).</summary>
    public const int PolicyVersionLength = 100;

    /// <summary>Maximum length of dvr_tierchange.dvr_name (nvarchar, 200).</summary>
    public const int NameLength = 200;

    /// <summary>The largest money amount Dataverse stores.</summary>
    public const decimal MoneyLimit = 922337203685477m;

    /// <summary>A decimal column with Accuracy 2.</summary>
    public static decimal Decimal2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>A decimal column with Accuracy 2; null (a blank column) stays null.</summary>
    public static decimal? Decimal2(decimal? value) => value.HasValue ? Decimal2(value.Value) : null;

    /// <summary>A money column with Accuracy 2, clamped to what Dataverse stores.</summary>
    public static decimal Money2(decimal value) =>
        Decimal2(value > MoneyLimit ? MoneyLimit : value < -MoneyLimit ? -MoneyLimit : value);

    /// <summary>A money column's value (Accuracy 2, clamped); null (a blank column) when the amount is unknown.</summary>
    public static Microsoft.Xrm.Sdk.Money? Money(decimal? value) => value.HasValue ? new Microsoft.Xrm.Sdk.Money(Money2(value.Value)) : null;

    /// <summary>A score for a trace line: the number, or "unknown" when there is none.</summary>
    public static string Describe(decimal? value) =>
        value.HasValue ? value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown";

    /// <summary>Text cut to the column's maximum length (null stays null).</summary>
    public static string? Text(string? value, int maxLength)
    {
        if (value is null || value.Length <= maxLength)
        {
            return value;
        }

        return value.Remove(maxLength - 1) + "…";
    }
}
