using System;
using System.IO;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Cli.Replay;

/// <summary>A policy file that cannot be read or does not validate; the message names the file, the field and the reason.</summary>
public sealed class PolicyFileException : Exception
{
    public PolicyFileException()
        : this("The policy file is invalid.")
    {
    }

    public PolicyFileException(string message)
        : base(message)
    {
    }

    public PolicyFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The policy a replay runs under: a JSON document from a file (put into the local Dataverse as the value of the
/// dvr_RelationshipPolicy environment variable), or none, which leaves the solution's default value in force.
/// </summary>
public sealed record PolicyChoice
{
    private PolicyChoice(string source, string? json, RelationshipPolicy? policy)
    {
        Source = source;
        Json = json;
        Policy = policy;
    }

    /// <summary>Where the policy came from: the file path, or "solution default".</summary>
    public string Source { get; }

    /// <summary>The document exactly as read from the file; null for the solution default.</summary>
    public string? Json { get; }

    /// <summary>The parsed document; null for the solution default (the replay reads it from the solution).</summary>
    public RelationshipPolicy? Policy { get; }

    /// <summary>The environment variable's default value as the solution ships it.</summary>
    public static PolicyChoice SolutionDefault { get; } = new("solution default", null, null);

    /// <summary>The most bytes a policy file may have (the environment variable holds 2,000 characters).</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>The file's text, refused unless it is strict UTF-8 (the byte offset of the first invalid byte is named); a byte order mark is dropped.</summary>
    private static string ReadStrictUtf8(string file)
    {
        using FileStream stream = File.OpenRead(file);
        if (stream.Length > MaxFileBytes)
        {
            throw new DataSets.Limits.InputRefusedException(System.FormattableString.Invariant($"has {stream.Length:#,##0} bytes; a policy file has at most {MaxFileBytes:#,##0}"));
        }

        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var validator = new DataSets.Limits.Utf8Validator();
        validator.Append(bytes, 0);
        validator.Complete();
        ReadOnlySpan<byte> text = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes;
        return System.Text.Encoding.UTF8.GetString(text);
    }

    /// <summary>Reads and validates a policy file with the engine's parser (the one the plugins use).</summary>
    public static PolicyChoice FromFile(string path, string currentDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path, currentDirectory);
        string json;
        try
        {
            json = ReadStrictUtf8(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new PolicyFileException($"--policy '{path}': the file cannot be read ({ex.Message}).", ex);
        }
        catch (DataSets.Limits.InputRefusedException ex)
        {
            throw new PolicyFileException($"--policy '{path}': {ex.Message}.", ex);
        }

        try
        {
            return new PolicyChoice(path, json, RelationshipPolicyJson.Parse(json));
        }
        catch (PolicyValidationException ex)
        {
            throw new PolicyFileException($"--policy '{path}': field '{ex.Field}' {ex.Reason}.", ex);
        }
    }
}
