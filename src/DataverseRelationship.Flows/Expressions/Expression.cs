using System.Collections.Generic;

namespace DataverseRelationship.Flows.Expressions;

/// <summary>A parsed workflow-definition-language expression (the text after "@" or inside "@{...}").</summary>
public abstract record Expression;

/// <summary>A string, number, boolean or null literal.</summary>
public sealed record LiteralExpression(object? Value) : Expression;

/// <summary>A function call such as <c>variables('MoreRecords')</c>.</summary>
public sealed record CallExpression(string Function, IReadOnlyList<Expression> Arguments) : Expression;

/// <summary>A property or item access: <c>x['key']</c>, <c>x?['key']</c> (null when x is null) or <c>x.key</c>.</summary>
public sealed record MemberExpression(Expression Target, Expression Key, bool NullSafe) : Expression;
