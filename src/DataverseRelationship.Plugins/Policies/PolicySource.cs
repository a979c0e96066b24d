using System;
using System.Collections.Generic;
using System.Threading;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.Plugins.Policies;

/// <summary>
/// Reads the relationship policy from the environment variable dvr_RelationshipPolicy in ONE RetrieveMultiple (the
/// definition outer-joined to its value): the value row wins, else the definition's default value, else the engine's
/// built-in default. An invalid document is rejected with a message naming the variable, the field and the reason.
/// Parsed policies are cached by their JSON text in a dictionary that is never mutated once published (each addition
/// publishes a new copy), so concurrent executions share them safely. The text is read once per operation: it is kept in
/// the operation's SharedVariables, so the PostOperation step of a save reuses what its PreOperation step read, and a
/// nested operation finds it through its ParentContext.
/// </summary>
public static class PolicySource
{
    private const string ValueAlias = "policyvalue";
    private const int MaximumCachedDocuments = 16;

    private static Dictionary<string, RelationshipPolicy> _parsed = new Dictionary<string, RelationshipPolicy>(StringComparer.Ordinal);

    /// <summary>The SharedVariables key under which one operation keeps the policy text ("" = the built-in default).</summary>
    public const string SharedVariableName = "dvr.relationshippolicy";

    /// <summary>
    /// The policy in force for this operation: from the SharedVariables of this or a parent context when an earlier
    /// step of the operation read it, otherwise one service call (and the text is kept for the steps that follow).
    /// </summary>
    public static RelationshipPolicy Read(Infrastructure.ILocalPluginContext context)
    {
        if (context is null)
        {
            throw new InvalidPluginExecutionException("No plugin context to read the relationship policy with.");
        }

        for (var execution = context.ExecutionContext; execution is not null; execution = execution.ParentContext)
        {
            if (execution.SharedVariables.TryGetValue(SharedVariableName, out var shared) && shared is string known)
            {
                return known.Length == 0 ? RelationshipPolicy.Default : Parse(known);
            }
        }

        var json = ReadDocument(context.SystemService);
        var policy = json is null ? RelationshipPolicy.Default : Parse(json);
        context.ExecutionContext.SharedVariables[SharedVariableName] = json ?? string.Empty;
        return policy;
    }

    /// <summary>The policy in force (one service call).</summary>
    public static RelationshipPolicy Read(IOrganizationService service)
    {
        if (service is null)
        {
            throw new InvalidPluginExecutionException("No organization service to read the relationship policy with.");
        }

        var json = ReadDocument(service);
        return json is null ? RelationshipPolicy.Default : Parse(json);
    }

    /// <summary>Parses (or takes from the cache) a policy document; rejects an invalid one naming the field and the reason.</summary>
    public static RelationshipPolicy Parse(string json)
    {
        var snapshot = Volatile.Read(ref _parsed);
        if (snapshot.TryGetValue(json, out var cached))
        {
            return cached;
        }

        RelationshipPolicy policy;
        try
        {
            policy = RelationshipPolicyJson.Parse(json);
        }
        catch (PolicyValidationException exception)
        {
            throw new InvalidPluginExecutionException(
                "The environment variable " + EnvironmentVariables.PolicySchemaName + " holds an invalid relationship policy: field '"
                + exception.Field + "' " + exception.Reason + ". Correct the variable's value; nothing was saved.",
                exception);
        }

        var next = new Dictionary<string, RelationshipPolicy>(snapshot.Count >= MaximumCachedDocuments ? new Dictionary<string, RelationshipPolicy>() : snapshot, StringComparer.Ordinal)
        {
            [json] = policy,
        };
        Interlocked.CompareExchange(ref _parsed, next, snapshot);
        return policy;
    }

    /// <summary>The current value, else the default value, else null (no definition or both empty).</summary>
    private static string? ReadDocument(IOrganizationService service)
    {
        var query = new QueryExpression(EnvironmentVariables.DefinitionTable)
        {
            ColumnSet = new ColumnSet(EnvironmentVariables.DefinitionDefaultValue),
        };
        query.Criteria.AddCondition(EnvironmentVariables.DefinitionSchemaName, ConditionOperator.Equal, EnvironmentVariables.PolicySchemaName);
        var value = query.AddLink(EnvironmentVariables.ValueTable, EnvironmentVariables.DefinitionId, EnvironmentVariables.ValueDefinitionId, JoinOperator.LeftOuter);
        value.EntityAlias = ValueAlias;
        value.Columns = new ColumnSet(EnvironmentVariables.ValueValue);

        string? defaultValue = null;
        foreach (var row in service.RetrieveMultiple(query).Entities)
        {
            var current = row.GetAttributeValue<AliasedValue>(ValueAlias + "." + EnvironmentVariables.ValueValue)?.Value as string;
            if (!string.IsNullOrWhiteSpace(current))
            {
                return current;
            }

            var fallback = row.GetAttributeValue<string>(EnvironmentVariables.DefinitionDefaultValue);
            if (!string.IsNullOrWhiteSpace(fallback))
            {
                defaultValue = fallback;
            }
        }

        return defaultValue;
    }
}
