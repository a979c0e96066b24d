using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.DataSets;

/// <summary>
/// Parses exported column values into the .NET types Dataverse uses. Numbers are culture-invariant (no thousands
/// separators); dates are ISO 8601 or US style (<c>5/2/2019 6:15:35 PM</c>). Each parser returns null and sets
/// <c>error</c> to the reason when the text does not fit.
/// </summary>
public static class ColumnValues
{
    private static readonly string[] UsFormats =
    [
        "M/d/yyyy h:mm:ss tt", "M/d/yyyy h:mm tt", "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm", "M/d/yyyy",
    ];

    private static readonly string[] IsoLocalFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
    ];

    private static readonly string[] IsoZonedFormats =
    [
        "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mmK",
    ];

    /// <summary>The most characters of a value an error message repeats.</summary>
    public const int QuotedLength = 60;

    /// <summary>A value as an error message repeats it: in quotes, cut to <see cref="QuotedLength"/> characters with its full length.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= QuotedLength
            ? $"'{text}'"
            : string.Create(CultureInfo.InvariantCulture, $"'{text[..QuotedLength]}…' ({text.Length:#,##0} characters)");
    }

    public static int? ParseInt(string text, out string? error)
    {
        error = null;
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            return value;
        }

        error = $"{Quote(text)} is not a whole number";
        return null;
    }

    public static long? ParseLong(string text, out string? error)
    {
        error = null;
        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            return value;
        }

        error = $"{Quote(text)} is not a whole number";
        return null;
    }

    public static decimal? ParseDecimal(string text, out string? error)
    {
        error = null;
        const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (decimal.TryParse(text.Trim(), Styles, CultureInfo.InvariantCulture, out decimal value))
        {
            return value;
        }

        error = $"{Quote(text)} is not a number (use digits with '.' as the decimal point, no thousands separators)";
        return null;
    }

    public static double? ParseDouble(string text, out string? error)
    {
        error = null;
        const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (double.TryParse(text.Trim(), Styles, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
        {
            return value;
        }

        error = $"{Quote(text)} is not a number (use digits with '.' as the decimal point, no thousands separators)";
        return null;
    }

    /// <summary>True/False (any case), Yes/No or 1/0.</summary>
    public static bool? ParseBool(string text, out string? error)
    {
        error = null;
        switch (text.Trim().ToUpperInvariant())
        {
            case "TRUE" or "YES" or "1":
                return true;
            case "FALSE" or "NO" or "0":
                return false;
            default:
                error = $"{Quote(text)} is not a yes/no value (True/False, Yes/No or 1/0)";
                return null;
        }
    }

    /// <summary>
    /// ISO 8601 (<c>2022-12-01T20:37:21.7774483Z</c>, <c>2024-03-01</c>) or US style (<c>5/2/2019 6:15:35 PM</c>).
    /// A value with Z or an offset, or a US-style time, is UTC; a value without zone (date-only columns) is unspecified.
    /// </summary>
    public static DateTime? ParseDateTime(string text, out string? error)
    {
        error = null;
        string t = text.Trim();
        if (DateTime.TryParseExact(t, IsoZonedFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out DateTime zoned)
            && (t.EndsWith('Z') || t.EndsWith('z') || HasOffset(t)))
        {
            return DateTime.SpecifyKind(zoned, DateTimeKind.Utc);
        }

        if (DateTime.TryParseExact(t, IsoLocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
        {
            return DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        }

        if (DateTime.TryParseExact(t, UsFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime us))
        {
            return DateTime.SpecifyKind(us, t.Contains(':', StringComparison.Ordinal) ? DateTimeKind.Utc : DateTimeKind.Unspecified);
        }

        error = $"{Quote(text)} is not a date (use ISO 8601 like 2024-03-01 or 2024-03-01T14:30:00Z, or US style like 3/1/2024 2:30:00 PM)";
        return null;
    }

    public static Guid? ParseGuid(string text, out string? error)
    {
        error = null;
        if (Guid.TryParse(text.Trim(), out Guid value))
        {
            return value;
        }

        error = $"{Quote(text)} is not a GUID";
        return null;
    }

    /// <summary>The Configuration Migration multi-select form <c>[-1,418700001,-1]</c> (the -1 entries are padding).</summary>
    public static OptionSetValueCollection? ParseOptionSetCollection(string text, out string? error)
    {
        error = null;
        string t = text.Trim();
        if (t.StartsWith('[') && t.EndsWith(']'))
        {
            t = t[1..^1];
        }

        var values = new List<OptionSetValue>();
        foreach (string part in t.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            {
                error = $"{Quote(text)} is not a list of choice values like [-1,418700001,-1]";
                return null;
            }

            if (value != -1)
            {
                values.Add(new OptionSetValue(value));
            }
        }

        return new OptionSetValueCollection(values);
    }

    private static bool HasOffset(string t)
    {
        int tee = t.IndexOf('T', StringComparison.Ordinal);
        return tee > 0 && (t.LastIndexOf('+') > tee || t.LastIndexOf('-') > tee);
    }
}
