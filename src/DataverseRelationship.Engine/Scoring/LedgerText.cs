using System;
using System.Globalization;
using System.Text;
using DataverseRelationship.Engine.Model;

namespace DataverseRelationship.Engine.Scoring;

/// <summary>
/// An account ledger written down as text, so it can be stored on the account (a multiple-lines-of-text column) and
/// read back exactly. The first line names the format, the policy the sums were made under (a deal's sums depend
/// on the policy, so a ledger made under another policy is not reused) and, once it has been, the day the sums were
/// last rebuilt from every deal (<c>rebuilt=2026-11-30</c>); then one line per month that holds anything:
/// <c>2025-03 0:4 3:120000 ...</c>, each entry a sum's index and its exact value. Sums that are zero are left out.
/// </summary>
public static class LedgerText
{
    /// <summary>The first word of every ledger text; a new number means an older text is rebuilt, never misread.</summary>
    public const string Format = "dvr-ledger/1";

    private const string PolicyPrefix = "policy=";

    private const string RebuiltPrefix = "rebuilt=";

    /// <summary>Zero at the sums' fixed scale of six places: adding it restores the scale a trimmed value lost.</summary>
    private const decimal SixPlaces = 0.000000m;

    /// <summary>The sums' indices as written ("0" … "63"), made once.</summary>
    private static readonly string[] Indices = MakeIndices();

    /// <summary>The ledger as text, stamped with the policy <paramref name="fingerprint"/> it was made under.</summary>
    public static string Write(AccountLedger ledger, string fingerprint)
    {
        Argument.NotNull(ledger, nameof(ledger));
        Argument.NotNull(fingerprint, nameof(fingerprint));
        var text = new StringBuilder(64 + (ledger.MonthCount * 160));
        text.Append(Format).Append(' ').Append(PolicyPrefix).Append(fingerprint);
        if (ledger.RebuiltOn.HasValue)
        {
            text.Append(' ').Append(RebuiltPrefix).Append(ledger.RebuiltOn.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        foreach (var month in ledger.Buckets)
        {
            AppendMonth(text, month.Key, month.Value);
        }

        return text.ToString();
    }

    /// <summary>
    /// The ledger as text when it was read from <paramref name="previous"/> and then had <paramref name="difference"/>
    /// added: the same text as <see cref="Write"/> gives, made by rewriting only the months the difference touches and
    /// copying every other line as it was (a save changes one or two months, whatever the account's history).
    /// </summary>
    public static string Rewrite(string previous, AccountLedger ledger, AccountLedger difference, string fingerprint)
    {
        Argument.NotNull(previous, nameof(previous));
        Argument.NotNull(ledger, nameof(ledger));
        Argument.NotNull(difference, nameof(difference));
        var headerEnd = previous.IndexOf('\n');
        var text = new StringBuilder(previous.Length + 400);
        text.Append(previous, 0, headerEnd < 0 ? previous.Length : headerEnd);
        using (var changed = difference.Buckets.GetEnumerator())
        {
            var more = changed.MoveNext();
            var last = int.MinValue;
            for (var start = headerEnd + 1; headerEnd >= 0 && start < previous.Length;)
            {
                var end = previous.IndexOf('\n', start);
                if (end < 0)
                {
                    end = previous.Length;
                }

                if (end - start < 7 || !Digits(previous, start, 4, out var year) || !Digits(previous, start + 5, 2, out var monthOfYear))
                {
                    return Write(ledger, fingerprint);
                }

                var month = (year * 12) + monthOfYear - 1;
                if (month <= last)
                {
                    // Not in the order Write gives: write it all out again.
                    return Write(ledger, fingerprint);
                }

                last = month;
                for (; more && changed.Current.Key < month; more = changed.MoveNext())
                {
                    AppendMonth(text, ledger, changed.Current.Key);
                }

                if (more && changed.Current.Key == month)
                {
                    AppendMonth(text, ledger, month);
                    more = changed.MoveNext();
                }
                else
                {
                    text.Append('\n').Append(previous, start, end - start);
                }

                start = end + 1;
            }

            for (; more; more = changed.MoveNext())
            {
                AppendMonth(text, ledger, changed.Current.Key);
            }
        }

        return text.ToString();
    }

    /// <summary>The line of one month as the ledger now holds it; nothing when the month is empty.</summary>
    private static void AppendMonth(StringBuilder text, AccountLedger ledger, int month)
    {
        if (ledger.TryGetMonth(month, out var sums))
        {
            AppendMonth(text, month, sums);
        }
    }

    private static void AppendMonth(StringBuilder text, int month, DealSums sums)
    {
        text.Append('\n');
        var year = month / 12;
        var monthOfYear = (month % 12) + 1;
        text.Append((char)('0' + (year / 1000 % 10))).Append((char)('0' + (year / 100 % 10))).Append((char)('0' + (year / 10 % 10))).Append((char)('0' + (year % 10)))
            .Append('-').Append((char)('0' + (monthOfYear / 10))).Append((char)('0' + (monthOfYear % 10)));
        for (var i = 0; i < DealSums.Count; i++)
        {
            var value = sums[i];
            if (value != 0m)
            {
                text.Append(' ').Append(Indices[i]).Append(':');
                AppendExact(text, value);
            }
        }
    }

    /// <summary>
    /// Writes an exact sum without trailing zeros (decimal keeps them: 1.500000 is written "1.5"), digit by digit for
    /// the sums of at most six places below 9.2 × 10^12 (all but huge ones), so a save writes no string per value.
    /// </summary>
    private static void AppendExact(StringBuilder text, decimal value)
    {
        if (value > -9000000000000m && value < 9000000000000m)
        {
            var units = decimal.Truncate(value * 1000000m);
            if (units == value * 1000000m)
            {
                var scaled = (long)units;
                if (scaled < 0)
                {
                    text.Append('-');
                    scaled = -scaled;
                }

                text.Append(scaled / 1000000);
                var fraction = scaled % 1000000;
                if (fraction != 0)
                {
                    text.Append('.');
                    var divisor = 100000;
                    while (fraction != 0)
                    {
                        text.Append((char)('0' + (fraction / divisor)));
                        fraction %= divisor;
                        divisor /= 10;
                    }
                }

                return;
            }
        }

        // Dividing by 1.000…0 drops trailing zeros.
        text.Append((value / 1.000000000000000000000000000m).ToString(CultureInfo.InvariantCulture));
    }

    private static string[] MakeIndices()
    {
        var indices = new string[DealSums.Count];
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = i.ToString(CultureInfo.InvariantCulture);
        }

        return indices;
    }

    /// <summary>
    /// Reads a stored ledger back. Gives null, with the reason, when there is none yet, when it was made under another
    /// policy or format, or when it cannot be read: the caller then rebuilds the ledger from the deals.
    /// </summary>
    public static AccountLedger? Read(string? text, string fingerprint, out string reason)
    {
        Argument.NotNull(fingerprint, nameof(fingerprint));
        if (string.IsNullOrEmpty(text))
        {
            reason = "the account has no ledger yet";
            return null;
        }

        var headerEnd = text!.IndexOf('\n');
        var header = (headerEnd < 0 ? text : text.Substring(0, headerEnd)).Split(' ');
        DateTime rebuiltOn = default;
        if (header.Length < 2 || header.Length > 3 || header[0] != Format || !header[1].StartsWith(PolicyPrefix, StringComparison.Ordinal)
            || (header.Length == 3 && !(header[2].StartsWith(RebuiltPrefix, StringComparison.Ordinal)
                && Day(header[2], RebuiltPrefix.Length, out rebuiltOn))))
        {
            reason = "the stored ledger is not in the format " + Format;
            return null;
        }

        if (!string.Equals(header[1].Substring(PolicyPrefix.Length), fingerprint, StringComparison.Ordinal))
        {
            reason = "the stored ledger was made under another policy";
            return null;
        }

        // One sum per colon: the arrays are made once, at their size.
        var stored = new StoredMonths(Count(text, ':'));
        var line = 1;
        for (var start = headerEnd + 1; headerEnd >= 0 && start <= text.Length; line++)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            if (!ReadMonth(text, start, end, stored))
            {
                reason = "line " + (line + 1).ToString(CultureInfo.InvariantCulture) + " of the stored ledger cannot be read";
                return null;
            }

            start = end + 1;
        }

        reason = string.Empty;
        return AccountLedger.FromStored(stored, header.Length == 3 ? rebuiltOn : (DateTime?)null);
    }

    /// <summary>
    /// Reads the month line between <paramref name="start"/> and <paramref name="end"/> in place (no substrings: a
    /// save reads the whole ledger, so its cost is the text's length, not thousands of small strings) into
    /// <paramref name="stored"/>. False for a damaged line, a month not after the line before's (Write gives them in
    /// order) and a sum written twice.
    /// </summary>
    private static bool ReadMonth(string text, int start, int end, StoredMonths stored)
    {
        if (end - start < 9 || text[start + 4] != '-' || text[start + 7] != ' '
            || !Digits(text, start, 4, out var year) || !Digits(text, start + 5, 2, out var monthOfYear) || monthOfYear < 1 || monthOfYear > 12
            || !stored.BeginMonth((year * 12) + monthOfYear - 1))
        {
            return false;
        }

        var position = start + 7;
        while (position < end)
        {
            if (text[position] != ' ')
            {
                return false;
            }

            var colon = text.IndexOf(':', position + 1, end - position - 1);
            var next = text.IndexOf(' ', position + 1, end - position - 1);
            if (next < 0)
            {
                next = end;
            }

            if (colon < 0 || colon > next
                || !Digits(text, position + 1, colon - position - 1, out var index)
                || index >= DealSums.Count
                || !Exact(text, colon + 1, next, out var value)
                || value == 0m)
            {
                return false;
            }

            if (!stored.Add(index, value))
            {
                return false;
            }

            position = next;
        }

        return true;
    }

    /// <summary>
    /// An exact decimal written as <c>-?digits(.digits)?</c> between two positions, at the sums' scale of six places
    /// (more when written with more), read without allocating; numbers
    /// of more than 18 digits (sums beyond 10^12 at six places) go through <see cref="decimal.TryParse(string, NumberStyles, IFormatProvider, out decimal)"/>.
    /// </summary>
    private static bool Exact(string text, int start, int end, out decimal value)
    {
        value = 0m;
        var position = start;
        var negative = position < end && text[position] == '-';
        if (negative)
        {
            position++;
        }

        ulong mantissa = 0;
        var digits = 0;
        var scale = -1;
        for (; position < end; position++)
        {
            var c = text[position];
            if (c == '.' && scale < 0)
            {
                scale = 0;
                continue;
            }

            var digit = c - '0';
            if (digit < 0 || digit > 9)
            {
                return false;
            }

            if (++digits > 18)
            {
#if NETFRAMEWORK
                var parsed = decimal.TryParse(text.Substring(start, end - start), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
#else
                var parsed = decimal.TryParse(text.AsSpan(start, end - start), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
#endif
                value += SixPlaces;
                return parsed;
            }

            mantissa = (mantissa * 10) + (ulong)digit;
            if (scale >= 0)
            {
                scale++;
            }
        }

        if (digits == 0 || scale == 0)
        {
            return false;
        }

        // At the sums' fixed scale of six places directly when it fits (no decimal addition per value).
        var places = scale < 0 ? 0 : scale;
        if (places <= 6 && mantissa <= ulong.MaxValue / 1000000UL)
        {
            for (; places < 6; places++)
            {
                mantissa *= 10;
            }

            value = new decimal((int)(mantissa & 0xFFFFFFFF), (int)(mantissa >> 32), 0, negative, 6);
            return true;
        }

        value = new decimal((int)(mantissa & 0xFFFFFFFF), (int)(mantissa >> 32), 0, negative, (byte)places) + SixPlaces;
        return true;
    }

    /// <summary>
    /// A day written <c>yyyy-MM-dd</c> from <paramref name="start"/> to the end of <paramref name="text"/>, as a UTC
    /// midnight; false unless it is exactly that and a real day (read by digits: a culture-aware
    /// <see cref="DateTime.TryParseExact(string, string, IFormatProvider, DateTimeStyles, out DateTime)"/> cost more than the rest of a save's ledger read).
    /// </summary>
    private static bool Day(string text, int start, out DateTime day)
    {
        day = default;
        if (text.Length - start != 10 || text[start + 4] != '-' || text[start + 7] != '-'
            || !Digits(text, start, 4, out var year) || !Digits(text, start + 5, 2, out var month) || !Digits(text, start + 8, 2, out var dayOfMonth)
            || year < 1 || month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        day = new DateTime(year, month, dayOfMonth, 0, 0, 0, DateTimeKind.Utc);
        return true;
    }

    /// <summary>How often <paramref name="character"/> occurs in <paramref name="text"/> (vectorised where the runtime has it).</summary>
    private static int Count(string text, char character)
    {
#if NETFRAMEWORK
        var count = 0;
        foreach (var c in text)
        {
            if (c == character)
            {
                count++;
            }
        }

        return count;
#else
        return System.MemoryExtensions.Count(text.AsSpan(), character);
#endif
    }

    /// <summary>A run of 1–9 decimal digits as a number.</summary>
    private static bool Digits(string text, int start, int length, out int value)
    {
        value = 0;
        if (length < 1 || length > 9)
        {
            return false;
        }

        for (var i = start; i < start + length; i++)
        {
            var digit = text[i] - '0';
            if (digit < 0 || digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
