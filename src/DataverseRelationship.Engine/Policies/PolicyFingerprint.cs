using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using DataverseRelationship.Engine.Model;

namespace DataverseRelationship.Engine.Policies;

/// <summary>
/// A short digest of every field of a policy (SHA-256 of its JSON, first 16 hex digits). Two policies with the same
/// fingerprint score every deal alike, so an account ledger stamped with it can be reused; any change of any field
/// (not only of <see cref="RelationshipPolicy.Version"/>, which an administrator may forget to raise) gives another.
/// </summary>
public static class PolicyFingerprint
{
    private static readonly ConditionalWeakTable<RelationshipPolicy, string> Known = new ConditionalWeakTable<RelationshipPolicy, string>();

    /// <summary>The policy's fingerprint (computed once per policy instance; policies are immutable).</summary>
    public static string Of(RelationshipPolicy policy)
    {
        Argument.NotNull(policy, nameof(policy));
        return Known.GetValue(policy, Compute);
    }

    private static string Compute(RelationshipPolicy policy)
    {
        var json = Encoding.UTF8.GetBytes(RelationshipPolicyJson.Write(policy));
#if NETFRAMEWORK
        byte[] digest;
        using (var sha = SHA256.Create())
        {
            digest = sha.ComputeHash(json);
        }
#else
        var digest = SHA256.HashData(json);
#endif
        var text = new StringBuilder(16);
        for (var i = 0; i < 8; i++)
        {
            text.Append(digest[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
