using System;
using System.Globalization;
using System.Text;
using DataverseRelationship.Engine.Model;

namespace DataverseRelationship.Engine.Scoring
{
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
                text.Append('\n');
                var year = month.Key / 12;
                text.Append(year.ToString("0000", CultureInfo.InvariantCulture)).Append('-')
                    .Append(((month.Key % 12) + 1).ToString("00", CultureInfo.InvariantCulture));
                for (var i = 0; i < DealSums.Count; i++)
                {
                    var value = month.Value[i];
                    if (value != 0m)
                    {
                        // Dividing by 1.000…0 drops trailing zeros (decimal keeps them): 1.500000 is written "1.5".
                        text.Append(' ').Append(i.ToString(CultureInfo.InvariantCulture)).Append(':')
                            .Append((value / 1.000000000000000000000000000m).ToString(CultureInfo.InvariantCulture));
                    }
                }
            }

            return text.ToString();
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

            var lines = text!.Split('\n');
            var header = lines[0].Split(' ');
            DateTime rebuiltOn = default;
            if (header.Length < 2 || header.Length > 3 || header[0] != Format || !header[1].StartsWith(PolicyPrefix, StringComparison.Ordinal)
                || (header.Length == 3 && !(header[2].StartsWith(RebuiltPrefix, StringComparison.Ordinal)
                    && DateTime.TryParseExact(header[2].Substring(RebuiltPrefix.Length), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out rebuiltOn))))
            {
                reason = "the stored ledger is not in the format " + Format;
                return null;
            }

            if (!string.Equals(header[1].Substring(PolicyPrefix.Length), fingerprint, StringComparison.Ordinal))
            {
                reason = "the stored ledger was made under another policy";
                return null;
            }

            var ledger = new AccountLedger { RebuiltOn = header.Length == 3 ? rebuiltOn : (DateTime?)null };
            var sums = new DealSums();
            for (var line = 1; line < lines.Length; line++)
            {
                if (!ReadMonth(lines[line], sums, out var month))
                {
                    reason = "line " + (line + 1).ToString(CultureInfo.InvariantCulture) + " of the stored ledger cannot be read";
                    return null;
                }

                ledger.Apply(month, sums, 1m);
            }

            reason = string.Empty;
            return ledger;
        }

        private static bool ReadMonth(string line, DealSums sums, out int month)
        {
            month = 0;
            sums.Clear();
            var parts = line.Split(' ');
            var date = parts[0];
            if (date.Length != 7 || date[4] != '-' || parts.Length < 2
                || !Digits(date, 0, 4, out var year) || !Digits(date, 5, 2, out var monthOfYear) || monthOfYear < 1 || monthOfYear > 12)
            {
                return false;
            }

            month = (year * 12) + monthOfYear - 1;
            for (var p = 1; p < parts.Length; p++)
            {
                var entry = parts[p].Split(':');
                if (entry.Length != 2
                    || !Digits(entry[0], 0, entry[0].Length, out var index)
                    || index >= DealSums.Count
                    || !decimal.TryParse(entry[1], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                    || value == 0m)
                {
                    return false;
                }

                sums[index] = value + SixPlaces;
            }

            return true;
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
}
