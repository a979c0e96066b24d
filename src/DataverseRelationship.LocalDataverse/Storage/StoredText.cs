using System;
using System.Text;

namespace DataverseRelationship.LocalDataverse.Storage;

/// <summary>
/// A long text value kept as UTF-8 (half the memory of a .NET string for the mostly-ASCII explanations the plugins
/// write); read back as a new string.
/// </summary>
internal sealed class StoredText
{
    /// <summary>Texts at least this long are kept as UTF-8; shorter ones stay strings (shared, no decoding).</summary>
    public const int MinimumLength = 64;

    /// <summary>
    /// Texts at least this long stay strings too: few rows hold them (the account ledger, up to 1,048,576 characters),
    /// and decoding one at every read would cost more than the memory it saves.
    /// </summary>
    public const int MaximumLength = 2048;

    private readonly byte[] _utf8;

    private StoredText(string text) => _utf8 = Encoding.UTF8.GetBytes(text);

    /// <summary>The UTF-8 form of a long text, or the text itself when short, very long or holding surrogates (kept exactly as given).</summary>
    public static object Of(string text) =>
        text.Length < MinimumLength || text.Length >= MaximumLength || text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0 ? text : new StoredText(text);

    public override string ToString() => Encoding.UTF8.GetString(_utf8);
}
